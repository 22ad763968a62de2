package dev.vidsim.junit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Starts the simulator in a container through {@code ContainerSimulator}, which lives in the
 * vidsim-testcontainers artifact (same package): looked up by name, so vidsim-junit alone needs
 * neither Testcontainers nor Docker, and container mode says which artifact it is missing.
 */
final class ContainerMode {
  static final String IMPLEMENTATION = "dev.vidsim.junit.ContainerSimulator";

  private ContainerMode() {}

  static RunningSimulator start(Settings s) {
    Method start;
    try {
      start = Class.forName(IMPLEMENTATION, true, ContainerMode.class.getClassLoader())
          .getDeclaredMethod("start", Settings.class);
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      throw new ExtensionConfigurationException("container mode needs the artifact"
          + " dev.vidsim:vidsim-testcontainers on the test classpath (of the same version as"
          + " vidsim-junit)", e);
    }
    try {
      return (RunningSimulator) start.invoke(null, s);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error err) throw err;
      throw new ExtensionConfigurationException("container mode failed to start", e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(IMPLEMENTATION + ".start is not accessible", e);
    }
  }
}
