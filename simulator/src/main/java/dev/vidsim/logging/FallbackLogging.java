package dev.vidsim.logging;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.ServiceLoader;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Quiet logging for a project that has no SLF4J 2 provider. The simulator's Javalin and Jetty log
 * through SLF4J; with no provider on the classpath SLF4J prints a "no providers" warning and
 * Javalin a boxed notice on every start. Such a project logs nothing anyway, so vidsim binds its
 * own provider there ({@link StderrProvider}: warnings and errors to stderr) through SLF4J's
 * documented {@code slf4j.provider} property. A project with a provider, or with that property
 * set, is left exactly as it is.
 */
public final class FallbackLogging {
  private static final String PROVIDER_PROPERTY = "slf4j.provider";
  private static final String SERVICES =
      "META-INF/services/" + SLF4JServiceProvider.class.getName();
  private static volatile boolean installed;

  private FallbackLogging() {}

  /**
   * Binds {@link StderrProvider} when no SLF4J provider is visible. Call it before anything asks
   * SLF4J for a logger (once SLF4J has bound, this changes nothing).
   */
  public static synchronized void installIfNoProvider() {
    if (installed || System.getProperty(PROVIDER_PROPERTY) != null) return;
    ClassLoader slf4j = LoggerFactory.class.getClassLoader();
    if (ServiceLoader.load(SLF4JServiceProvider.class, slf4j).iterator().hasNext()) return;
    // SLF4J announces an explicitly chosen provider at INFO: keep its own lines to warnings
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "WARN");
    }
    System.setProperty(PROVIDER_PROPERTY, StderrProvider.class.getName());
    installed = true;
  }

  /**
   * Runs {@code start} so that Javalin's own check (a service lookup through the thread's context
   * class loader) sees the provider bound here, instead of printing its missing-logger notice.
   */
  public static void whileStarting(Runnable start) {
    if (!installed) {
      start.run();
      return;
    }
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(new ProviderVisible(previous));
    try {
      start.run();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /** Delegates everything, and lists {@link StderrProvider} as the SLF4J service. */
  private static final class ProviderVisible extends ClassLoader {
    private final URL services = FallbackLogging.class.getResource("slf4j-provider");

    ProviderVisible(ClassLoader parent) {
      super(parent != null ? parent : FallbackLogging.class.getClassLoader());
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      if (SERVICES.equals(name)) return Collections.enumeration(java.util.List.of(services));
      return super.getResources(name);
    }
  }
}
