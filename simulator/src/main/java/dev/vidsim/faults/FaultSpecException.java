package dev.vidsim.faults;

/**
 * A fault rule that cannot be used. {@code pointer} is a JSON pointer inside the rule
 * ("/do/status") so the caller can locate it in a scenario file or name the request field.
 */
public final class FaultSpecException extends RuntimeException {
  private final String pointer;

  public FaultSpecException(String pointer, String problem) {
    super(problem, null, false, false);
    this.pointer = pointer;
  }

  public String pointer() {
    return pointer;
  }

  /** "/do/status" → "do.status"; the rule as a whole is "body". */
  public String field() {
    String f = pointer.replaceFirst("^/", "").replace('/', '.');
    return f.isEmpty() ? "body" : f;
  }
}
