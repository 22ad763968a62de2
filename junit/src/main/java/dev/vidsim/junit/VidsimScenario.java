package dev.vidsim.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Loads another scenario for one test method; the class's scenario is back for the next test.
 * Not allowed on tests that run concurrently (they share the simulator).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface VidsimScenario {
  /** Same lookup as {@link VidsimTest#scenario()}. */
  String value();

  long seed() default VidsimTest.SCENARIO_SEED;
}
