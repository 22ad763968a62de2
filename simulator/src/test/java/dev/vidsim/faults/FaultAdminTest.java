package dev.vidsim.faults;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The /_sim/faults admin API: add, list with counters, remove one, clear, clear errors. */
class FaultAdminTest {
  private final SimFixture sim = new SimFixture("""
      faults:
        - { when: { endpoint: balance, nth: 1 }, do: { status: 502 } }
      """);

  @AfterEach
  void close() {
    sim.close();
  }

  @Test
  void scenario_rules_are_listed_with_how_often_they_matched_and_fired() {
    sim.as(SimFixture.ALICE).get("/v1/account/balance").then().statusCode(502);
    sim.as(SimFixture.ALICE).get("/v1/account/balance").then().statusCode(200);
    sim.admin().get("/_sim/faults").then().statusCode(200).body("data[0].id", equalTo("flt_1"))
        .body("data[0].do.status", equalTo(502)).body("data[0].matched", equalTo(2))
        .body("data[0].fired", equalTo(1));
  }

  @Test
  void a_rule_removed_by_id_stops_firing() {
    String id = sim.addFault("{\"when\":{\"endpoint\":\"models\"},\"do\":{\"status\":500}}");
    sim.as(SimFixture.ALICE).get("/v1/models").then().statusCode(500);
    sim.admin().delete("/_sim/faults/" + id).then().statusCode(200);
    sim.as(SimFixture.ALICE).get("/v1/models").then().statusCode(200);
    sim.admin().delete("/_sim/faults/" + id).then().statusCode(404);
  }

  @Test
  void clearing_removes_every_rule() {
    sim.addFault("{\"do\":{\"status\":500}}");
    sim.admin().delete("/_sim/faults").then().statusCode(200).body("removed", equalTo(2));
    sim.as(SimFixture.ALICE).get("/v1/models").then().statusCode(200);
    sim.admin().get("/_sim/faults").then().body("data.size()", equalTo(0));
  }

  @Test
  void an_invalid_rule_is_a_400_naming_the_field() {
    sim.admin().body("{\"when\":{\"endpoint\":\"create\"},\"do\":{\"status\":200}}")
        .post("/_sim/faults").then().statusCode(400)
        .body("error.details.field", equalTo("do.status"))
        .body("error.message", containsString("400..599"));
    sim.admin().body("{\"when\":{\"endpont\":\"create\"},\"do\":{\"status\":500}}")
        .post("/_sim/faults").then().statusCode(400)
        .body("error.details.field", equalTo("when.endpont"));
    sim.admin().body("{\"do\":{\"outcome\":\"partial\"}}").post("/_sim/faults").then()
        .statusCode(400).body("error.details.field", equalTo("do.deliveredSeconds"));
    sim.admin().body("not json").post("/_sim/faults").then().statusCode(400)
        .body("error.details.field", equalTo("body"));
    sim.admin().body("[1]").post("/_sim/faults").then().statusCode(400)
        .body("error.details.field", equalTo("body"));
  }
}
