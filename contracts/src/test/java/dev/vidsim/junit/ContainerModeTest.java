package dev.vidsim.junit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/** Container mode's configuration errors, found before any container is asked for. */
class ContainerModeTest {
  @Test
  void a_scenario_object_cannot_be_served_from_a_container() {
    Settings s = VidsimExtension.newInstance().scenario(ScenarioLoader.builtInDefault())
        .container(true).settings();
    assertThatThrownBy(() -> ContainerSimulator.start(s))
        .hasMessageContaining("container mode serves scenario files");
  }

  @Test
  void an_unknown_scenario_name_lists_where_it_was_looked_for() {
    Settings s = VidsimExtension.newInstance().scenario("scenarios/nope.yaml").settings();
    assertThatThrownBy(() -> ContainerSimulator.start(s))
        .hasMessageContaining("scenario 'scenarios/nope.yaml' not found");
  }
}
