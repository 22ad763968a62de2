package dev.vidsim.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The public API of one artifact as text, one line per type and member a user can reach
 * (public types whose enclosing types are public, outside {@code .internal} packages; their
 * public and protected members), sorted, so a committed dump shows every change to it in a
 * diff, the way OkHttp's {@code .api} files do. Internal packages are public for the artifact's
 * own packages only and may change in any release.
 */
final class ApiDump {
  private ApiDump() {}

  /** The dump of the jar (or classes directory) that holds {@code member}. */
  static List<String> of(Class<?> member) {
    List<String> lines = new ArrayList<>();
    for (String name : classNames(location(member))) {
      Class<?> type = load(name, member.getClassLoader());
      if (!reachable(type)) continue;
      lines.add(header(type));
      List<String> members = new ArrayList<>();
      for (Field f : type.getDeclaredFields()) add(members, f, f.toGenericString(), type);
      for (Constructor<?> c : type.getDeclaredConstructors()) {
        add(members, c, c.toGenericString(), type);
      }
      for (Method m : type.getDeclaredMethods()) {
        if (m.isBridge()) continue;
        Object dflt = m.getDefaultValue();
        add(members, m, m.toGenericString() + (dflt == null ? "" : " default " + text(dflt)), type);
      }
      members.stream().sorted().forEach(lines::add);
      lines.add("");
    }
    return lines;
  }

  private static void add(List<String> out, Member m, String text, Class<?> owner) {
    if (m.isSynthetic() || !(Modifier.isPublic(m.getModifiers())
        || Modifier.isProtected(m.getModifiers()) && !Modifier.isFinal(owner.getModifiers()))) {
      return;
    }
    // how a method locks is not part of what callers compile against
    out.add("  " + text.replace(owner.getName() + ".", "").replace("synchronized ", ""));
  }

  private static boolean reachable(Class<?> type) {
    if (type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass()) return false;
    String pkg = type.getPackageName();
    if (pkg.endsWith(".internal") || pkg.contains(".internal.")) return false;
    for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
      if (!Modifier.isPublic(t.getModifiers())) return false;
    }
    return true;
  }

  private static String header(Class<?> type) {
    StringBuilder s = new StringBuilder(type.toGenericString());
    Type sup = type.getGenericSuperclass();
    if (sup != null && sup != Object.class && sup != Record.class && !type.isEnum()) {
      s.append(" extends ").append(sup.getTypeName());
    }
    Type[] interfaces = type.getGenericInterfaces();
    if (interfaces.length > 0 && !type.isAnnotation()) {
      s.append(type.isInterface() ? " extends " : " implements ");
      s.append(String.join(", ", Arrays.stream(interfaces).map(Type::getTypeName).toList()));
    }
    return s.toString();
  }

  private static String text(Object value) {
    if (value instanceof Object[] array) return Arrays.toString(array);
    if (value instanceof String str) return '"' + str + '"';
    return String.valueOf(value);
  }

  private static Path location(Class<?> member) {
    try {
      return Path.of(member.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("where is " + member + "?", e);
    }
  }

  private static List<String> classNames(Path location) {
    try {
      if (Files.isDirectory(location)) return classNames(location, location);
      try (FileSystem jar = FileSystems.newFileSystem(location)) {
        return classNames(jar.getPath("/"), jar.getPath("/"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + location, e);
    }
  }

  private static List<String> classNames(Path root, Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.map(p -> root.relativize(p).toString())
          .filter(n -> n.endsWith(".class") && !n.endsWith("module-info.class"))
          .filter(n -> !n.endsWith("package-info.class"))
          .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
          .sorted().toList();
    }
  }

  private static Class<?> load(String name, ClassLoader loader) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(name + " is listed but does not load", e);
    }
  }
}
