package dev.vidsim.junit.internal;

import dev.vidsim.logging.FallbackLogging;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Runs {@link FallbackLogging} as a test run opens, before any test class loads: a container
 * test's Testcontainers classes ask SLF4J for loggers before the simulator's code ever runs, and
 * in a project without an SLF4J provider SLF4J would warn then. Registered as a JUnit Platform
 * service, so it needs no annotation; in a project with a provider it does nothing.
 */
public final class FallbackLoggingListener implements LauncherSessionListener {
  @Override
  public void launcherSessionOpened(LauncherSession session) {
    FallbackLogging.installIfNoProvider();
  }
}
