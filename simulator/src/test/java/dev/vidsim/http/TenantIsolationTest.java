package dev.vidsim.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.engine.Simulator;
import dev.vidsim.scenario.ScenarioLoader;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every job route of every dialect, called with another tenant's key, answers exactly as for a
 * job that does not exist (same status, same body but for the id): a key cannot learn that
 * another tenant's job exists, read it, cancel it or download it. Runs on the built-in default
 * scenario (two fresh tenants), with the jobs still running and again once they have finished.
 */
class TenantIsolationTest {
  private static final String ALICE = "sk-iso-alice";
  private static final String BOB = "sk-iso-bob";
  private static final String VERTEX = "/vertex/v1/projects/p/locations/us-central1/publishers"
      + "/google/models/veo-3.1-generate-001";
  private static final String FAL = "/fal/queue/fal-ai/veo3.1";
  private final Simulator sim = new Simulator(ScenarioLoader.builtInDefault());
  private final VidsimServer server = VidsimServer.start(sim, 0);

  TenantIsolationTest() {
    for (String key : List.of(ALICE, BOB)) {
      RestAssured.given().baseUri(server.baseUrl()).contentType("application/json")
          .body("{\"apiKey\":\"" + key + "\",\"balance\":\"100.00\"}").post("/_sim/tenants")
          .then().statusCode(201);
    }
  }

  /** How a dialect authenticates, makes a job, and reaches it. */
  private record Dialect(String name, Function<String, RequestSpecification> as,
                         Function<RequestSpecification, String> create, List<JobRoute> routes) {}

  /** A route about one job: {@code {id}} in the path or body stands for the job's wire id. */
  private record JobRoute(String method, String path, String body) {
    Response call(RequestSpecification spec, String id) {
      if (body != null) spec.contentType("application/json").body(body.replace("{id}", id));
      return spec.request(method, path.replace("{id}", id));
    }
  }

  private static JobRoute route(String method, String path) {
    return new JobRoute(method, path, null);
  }

  private RequestSpecification bearer(String key) {
    return RestAssured.given().baseUri(server.baseUrl()).header("Authorization", "Bearer " + key);
  }

  private List<Dialect> dialects() {
    return List.of(
        new Dialect("vidsim", this::bearer, s -> s.contentType("application/json")
            .body("{\"model\":\"reel-1\",\"prompt\":\"a cat\"}").post("/v1/videos").then()
            .statusCode(201).extract().path("id"),
            List.of(route("GET", "/v1/videos/{id}"), route("POST", "/v1/videos/{id}/cancel"),
                route("GET", "/v1/videos/{id}/content"))),
        new Dialect("openai", this::bearer, s -> s.contentType("application/json")
            .body("{\"model\":\"sora-2\",\"prompt\":\"a cat\",\"seconds\":\"4\"}")
            .post("/openai/v1/videos").then().statusCode(200).extract().path("id"),
            List.of(route("GET", "/openai/v1/videos/{id}"),
                route("GET", "/openai/v1/videos/{id}/content"),
                new JobRoute("POST", "/openai/v1/videos/{id}/remix", "{\"prompt\":\"a dog\"}"),
                route("DELETE", "/openai/v1/videos/{id}"))),
        new Dialect("gemini", k -> RestAssured.given().baseUri(server.baseUrl())
            .header("x-goog-api-key", k), s -> last(s.contentType("application/json")
            .body("{\"instances\":[{\"prompt\":\"a cat\"}]}")
            .post("/gemini/v1beta/models/veo-3.1-generate-preview:predictLongRunning").then()
            .statusCode(200).extract().path("name")),
            List.of(route("GET", "/gemini/v1beta/models/veo-3.1-generate-preview/operations/{id}"),
                route("GET", "/gemini/v1beta/files/{id}:download?alt=media"))),
        new Dialect("vertex", this::bearer, s -> last(s.contentType("application/json")
            .body("{\"instances\":[{\"prompt\":\"a cat\"}]}").post(VERTEX + ":predictLongRunning")
            .then().statusCode(200).extract().path("name")),
            List.of(new JobRoute("POST", VERTEX + ":fetchPredictOperation",
                "{\"operationName\":\"" + VERTEX.substring("/vertex/v1/".length())
                    + "/operations/{id}\"}"))),
        new Dialect("replicate", this::bearer, s -> s.contentType("application/json")
            .body("{\"input\":{\"prompt\":\"a cat\"}}")
            .post("/replicate/v1/models/google/veo-3.1/predictions").then().statusCode(201)
            .extract().path("id"),
            List.of(route("GET", "/replicate/v1/predictions/{id}"),
                route("POST", "/replicate/v1/predictions/{id}/cancel"))),
        new Dialect("fal", k -> RestAssured.given().baseUri(server.baseUrl())
            .header("Authorization", "Key " + k), s -> s.contentType("application/json")
            .body("{\"prompt\":\"a cat\"}").post(FAL).then().statusCode(200).extract()
            .path("request_id"),
            List.of(route("GET", FAL + "/requests/{id}/status"),
                route("GET", FAL + "/requests/{id}"),
                route("PUT", FAL + "/requests/{id}/cancel"))),
        new Dialect("runway", k -> bearer(k).header("X-Runway-Version", "2024-11-06"),
            s -> s.contentType("application/json").body("{\"model\":\"gen4.5\","
                + "\"promptText\":\"a cat\",\"ratio\":\"1280:720\",\"duration\":5}")
                .post("/runway/v1/text_to_video").then().statusCode(200).extract().path("id"),
            List.of(route("GET", "/runway/v1/tasks/{id}"),
                route("DELETE", "/runway/v1/tasks/{id}"))),
        new Dialect("openrouter", this::bearer, s -> s.contentType("application/json")
            .body("{\"model\":\"google/veo-3.1\",\"prompt\":\"a cat\",\"duration\":8}")
            .post("/openrouter/api/v1/videos").then().statusCode(202).extract().path("id"),
            List.of(route("GET", "/openrouter/api/v1/videos/{id}"),
                route("GET", "/openrouter/api/v1/videos/{id}/content?index=0"))));
  }

  private static String last(String name) {
    return name.substring(name.lastIndexOf('/') + 1);
  }

  /** An id of the same shape that names no job. */
  private static String unknown(String id) {
    return id.substring(0, id.length() - 1) + (id.endsWith("a") ? "b" : "a");
  }

  @AfterEach
  void stop() {
    server.close();
    sim.close();
  }

  @Test
  void another_tenants_job_is_indistinguishable_from_no_job_on_every_route() {
    int checked = 0;
    for (Dialect d : dialects()) {
      String id = d.create().apply(d.as().apply(ALICE));
      String before = owned(d, id);
      checked += assertHidden(d, id, "running");
      assertThat(owned(d, id)).as("%s: alice's job after bob's calls", d.name())
          .isEqualTo(before);
    }
    assertThat(checked).as("job routes checked across the eight dialects").isEqualTo(19);
  }

  @Test
  void finished_jobs_stay_hidden_too() {
    List<Dialect> all = dialects();
    List<String> ids = all.stream().map(d -> d.create().apply(d.as().apply(ALICE))).toList();
    RestAssured.given().baseUri(server.baseUrl()).contentType("application/json")
        .body("{\"by\":\"30m\"}").post("/_sim/clock/advance").then().statusCode(200);
    for (int i = 0; i < all.size(); i++) {
      assertHidden(all.get(i), ids.get(i), "finished");
    }
  }

  @Test
  void a_provider_knows_only_the_jobs_made_through_its_own_api() {
    List<Dialect> all = dialects();
    List<String> ids = all.stream().map(d -> d.create().apply(d.as().apply(ALICE))).toList();
    int checked = 0;
    for (int made = 0; made < all.size(); made++) {
      for (Dialect other : all) {
        if (other == all.get(made) || other.name().equals("vidsim")) continue;
        String id = ids.get(made);
        JobRoute route = other.routes().get(0);
        Response asOwner = route.call(other.as().apply(ALICE), id);
        Response missing = route.call(other.as().apply(ALICE), unknown(id));
        String what = all.get(made).name() + "'s job through " + other.name();
        assertThat(asOwner.statusCode()).as(what).isEqualTo(missing.statusCode());
        assertThat(withoutIds(asOwner.asString(), id)).as(what)
            .isEqualTo(withoutIds(missing.asString(), unknown(id)));
        checked++;
      }
    }
    assertThat(checked).isEqualTo(7 * 7);
    // vidsim's own API is the simulator's view: it reads every dialect's jobs
    for (String id : ids.subList(1, ids.size())) {
      Response r = bearer(ALICE).get("/v1/videos/" + id);
      assertThat(r.statusCode()).as(id + ": " + r.asString()).isEqualTo(200);
    }
  }

  /** The owner's first route's answer: must not change when another tenant calls. */
  private String owned(Dialect d, String id) {
    Response r = d.routes().get(0).call(d.as().apply(ALICE), id);
    assertThat(r.statusCode()).as("%s: the owner reads its job", d.name()).isEqualTo(200);
    return r.asString().replaceAll("\"progress[A-Za-z]*\":\\d+", "");
  }

  /** The wire id, and any engine id a message may quote for it (hex runs, UUIDs), as {id}. */
  private static String withoutIds(String body, String id) {
    return body.replace(id, "{id}").replaceAll("[0-9a-f]{8}(-?[0-9a-f]{4}){3}-?[0-9a-f]{12}"
        + "|[0-9a-f]{16,}", "{id}");
  }

  private int assertHidden(Dialect d, String id, String when) {
    int n = 0;
    for (JobRoute route : d.routes()) {
      Response asBob = route.call(d.as().apply(BOB), id);
      Response missing = route.call(d.as().apply(BOB), unknown(id));
      String what = d.name() + " " + route.method() + " " + route.path() + " (" + when + ")";
      assertThat(asBob.statusCode()).as(what).isEqualTo(404).isEqualTo(missing.statusCode());
      assertThat(withoutIds(asBob.asString(), id)).as(what)
          .isEqualTo(withoutIds(missing.asString(), unknown(id)));
      n++;
    }
    return n;
  }
}
