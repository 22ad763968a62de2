package dev.vidsim.http;

import java.util.List;

/**
 * Every route of every dialect and of the admin API, as the fuzzer attacks them: a valid body to
 * corrupt, and bodies of the right syntax but wrong types or values, each of which the route
 * must refuse. No route that changes state whatever its body (reset) is listed.
 */
final class HostileRoutes {
  enum Body { NONE, JSON, FORM }

  record Route(String method, String path, Body body, String validBody, List<String> refused) {
    Envelope envelope() {
      return Envelope.forPath(path);
    }

    /** Read-only admin calls are not journaled, so their body may never be read. */
    boolean readsBody() {
      return !(method.equals("GET") && path.startsWith("/_sim/"));
    }

    boolean isAdmin() {
      return path.startsWith("/_sim/");
    }

    /** Outputs and the JWKS are served without a key, as the providers serve them. */
    boolean needsKey() {
      return !path.contains("/delivery/") && !path.contains("/files/")
          && !path.endsWith("/jwks.json");
    }
  }

  /** Models with a provider's kind of id, so Replicate's and fal's valid bodies are valid. */
  static final String MODELS = """
        - id: acme/clip
          modes: [text-to-video]
          regions: [us-east, eu-west]
          maxSeconds: 8
          defaultSeconds: 4
          pricing: { unit: task, price: "0.10" }
          latency: { queued: 1s, render: 10s }
        - id: fal-ai/veo3.1
          modes: [text-to-video]
          regions: [us-east, eu-west]
          maxSeconds: 8
          defaultSeconds: 8
          pricing: { unit: second, price: "0.40", billOn: delivery }
          latency: { queued: 2s, render: 60s }
      """;

  private static final String VIDSIM_CREATE = "{\"model\":\"task-1\",\"prompt\":\"a cat\"}";
  private static final String VEO_CREATE = "{\"instances\":[{\"prompt\":\"a cat\"}],"
      + "\"parameters\":{\"durationSeconds\":6}}";
  private static final String REPLICATE_CREATE = "{\"input\":{\"prompt\":\"a cat\"}}";
  private static final String FAL_APP = "/fal/queue/fal-ai/veo3.1";
  private static final String FAL_CREATE = "{\"prompt\":\"a cat\",\"duration\":\"8s\"}";
  private static final String RUNWAY_CREATE = "{\"model\":\"gen4.5\",\"promptText\":\"a cat\","
      + "\"ratio\":\"1280:720\",\"duration\":5}";
  private static final String RUNWAY_TASK = "/runway/v1/tasks/01234567-89ab-4cde-af01-23456701"
      + "2345";
  private static final String OPENROUTER = "/openrouter/api/v1/videos";
  private static final String OPENROUTER_CREATE = "{\"model\":\"google/veo-3.1\","
      + "\"prompt\":\"a cat\",\"duration\":8}";
  private static final String VERTEX = "/vertex/v1/projects/p/locations/us-central1/publishers"
      + "/google/models/task-1";

  private HostileRoutes() {}

  private static Route get(String path) {
    return new Route("GET", path, Body.NONE, "", List.of());
  }

  private static Route post(String path, String valid, String... refused) {
    return new Route("POST", path, Body.JSON, valid, List.of(refused));
  }

  static final List<Route> ALL = List.of(
      get("/v1/models"),
      post("/v1/videos", VIDSIM_CREATE, "{\"model\":\"task-1\",\"prompt\":\"a\",\"seconds\":\"6\"}",
          "{\"model\":\"task-1\",\"prompt\":\"a\",\"seconds\":6.5}",
          "{\"model\":\"task-1\",\"prompt\":\"a\",\"seconds\":-6}",
          "{\"model\":\"task-1\",\"prompt\":\"a\",\"seconds\":1e400}",
          "{\"model\":\"task-1\",\"prompt\":\"a\",\"seconds\":99999999999999999999999}",
          "{\"model\":5,\"prompt\":\"a\"}", "{\"model\":\"task-1\",\"prompt\":[\"a\"]}",
          "{\"model\":\"task-1\",\"prompt\":\"a\",\"images\":\"x\"}",
          "{\"model\":\"task-1\",\"prompt\":\"a\",\"secondz\":6}",
          "{\"model\":\"t\u00e4sk-1\u202e\ud83d\ude00\\u0000\",\"prompt\":\"a\"}"),
      get("/v1/videos"), get("/v1/videos/vid_0"), post("/v1/videos/vid_0/cancel", "{}"),
      get("/v1/videos/vid_0/content"), get("/v1/account/balance"), get("/v1/account/usage"),
      get("/v1/webhooks/secret"),
      get("/openai/v1/models"),
      new Route("POST", "/openai/v1/videos", Body.FORM, "{\"prompt\":\"a cat\",\"seconds\":\"8\"}",
          List.of("{\"prompt\":\"a\",\"seconds\":8}", "{\"prompt\":\"a\",\"seconds\":\"6.5\"}",
              "{\"prompt\":\"a\",\"size\":5}", "{\"prompt\":\"a\",\"foo\":\"x\"}",
              "{\"prompt\":\"a\",\"input_reference\":5}")),
      get("/openai/v1/videos"), get("/openai/v1/videos/video_0"),
      new Route("DELETE", "/openai/v1/videos/video_0", Body.NONE, "", List.of()),
      get("/openai/v1/videos/video_0/content"),
      new Route("POST", "/openai/v1/videos/video_0/remix", Body.FORM, "{\"prompt\":\"a dog\"}",
          List.of("{\"prompt\":\"\"}", "{\"prompt\":5}", "{\"promptx\":\"a\"}")),
      post("/gemini/v1beta/models/task-1:predictLongRunning", VEO_CREATE, "{\"instances\":{}}",
          "{\"instances\":[]}", VEO_CREATE.replace("6}", "6.5}"), VEO_CREATE.replace("6}",
              "\"six\"}"), VEO_CREATE.replace("}}", ",\"sampleCount\":2}}"),
          "{\"instances\":[{\"prompt\":\"a\",\"x\":1}]}",
          "{\"instances\":[{\"prompt\":\"a\"}],\"webhookConfig\":{\"uris\":\"x\"}}"),
      get("/gemini/v1beta/models/task-1/operations/abc"), get("/gemini/v1/models"),
      get("/gemini/v1beta/files/abc:download"),
      post(VERTEX + ":predictLongRunning", VEO_CREATE, VEO_CREATE.replace("6}", "6.5}"),
          "{\"instances\":[{\"prompt\":\"a\"}],\"webhookConfig\":{\"uris\":[\"http://x\"]}}"),
      post(VERTEX + ":fetchPredictOperation", "{\"operationName\":\"" + VERTEX.substring(11)
          + "/operations/abc\"}", "{\"operationName\":5}", "{\"operationName\":\"x\"}",
          "{\"name\":\"x\"}"),
      get("/vertex/v1beta1/publishers/google/models"),
      post("/replicate/v1/models/acme/clip/predictions", REPLICATE_CREATE, "{\"input\":\"x\"}",
          "{\"input\":{\"prompt\":\"a\",\"foo\":1}}", "{\"prompt\":\"a\"}",
          "{\"input\":{\"prompt\":\"a\",\"generate_audio\":\"yes\"}}",
          "{\"input\":{\"prompt\":\"a\"},\"webhook_events_filter\":[\"done\"]}",
          "{\"input\":{\"prompt\":\"a\"},\"webhook_events_filter\":\"start\"}",
          "{\"input\":{\"prompt\":\"a\"},\"webhook\":\"http://example.com/hook\"}"),
      post("/replicate/v1/predictions", "{\"version\":\"acme/clip\",\"input\":{\"prompt\":"
          + "\"a cat\"}}", "{\"version\":5,\"input\":{}}", "{\"input\":{\"prompt\":\"a\"}}",
          "{\"version\":\"acme/clip:00\",\"input\":{\"prompt\":\"a\"}}"),
      get("/replicate/v1/predictions"), get("/replicate/v1/predictions/abc"),
      new Route("POST", "/replicate/v1/predictions/abc/cancel", Body.NONE, "", List.of()),
      get("/replicate/v1/models/acme/clip"), get("/replicate/v1/webhooks/default/secret"),
      get("/replicate/delivery/abc/output.mp4"),
      post(FAL_APP, FAL_CREATE, "{\"prompt\":5}", "{\"prompt\":\"a\",\"foo\":1}",
          "{\"prompt\":\"a\",\"duration\":\"eight\"}", "{\"prompt\":\"a\",\"generate_audio\":1}",
          "[1]"),
      get(FAL_APP + "/requests/abc/status"), get(FAL_APP + "/requests/abc"),
      new Route("PUT", FAL_APP + "/requests/abc/cancel", Body.NONE, "", List.of()),
      get("/fal/files/abc/output.mp4"), get("/fal/.well-known/jwks.json"),
      post("/fal/proxy", FAL_CREATE, "{\"prompt\":5}"),
      post("/runway/v1/text_to_video", RUNWAY_CREATE, RUNWAY_CREATE.replace("5}", "5.5}"),
          RUNWAY_CREATE.replace("5}", "\"5\"}"), RUNWAY_CREATE.replace("1280:720", "16:9"),
          RUNWAY_CREATE.replace("gen4.5", "gen4_turbo"), RUNWAY_CREATE.replace("a cat", ""),
          RUNWAY_CREATE.replace("}", ",\"promptImage\":5}"), "{\"model\":[\"gen4.5\"]}"),
      post("/runway/v1/image_to_video", RUNWAY_CREATE.replace("}", ",\"promptImage\":"
          + "\"https://example.com/a.png\"}"), RUNWAY_CREATE,
          RUNWAY_CREATE.replace("}", ",\"promptImage\":\"http://10.0.0.1/a.png\"}"),
          RUNWAY_CREATE.replace("}", ",\"promptImage\":[{\"uri\":5,\"position\":\"first\"}]}")),
      get(RUNWAY_TASK), new Route("DELETE", RUNWAY_TASK, Body.NONE, "", List.of()),
      get("/runway/v1/tasks/not-a-uuid"), get("/runway/v1/organization"),
      get("/runway/outputs/01234567-89ab-4cde-af01-234567012345/output.mp4"),
      post(OPENROUTER, OPENROUTER_CREATE, OPENROUTER_CREATE.replace("8}", "\"8\"}"),
          OPENROUTER_CREATE.replace("8}", "6.5}"), OPENROUTER_CREATE.replace("8}",
              "8,\"resolution\":\"5K\"}"), OPENROUTER_CREATE.replace("8}",
              "8,\"aspect_ratio\":5}"), OPENROUTER_CREATE.replace("8}",
              "8,\"frame_images\":\"x\"}"), OPENROUTER_CREATE.replace("8}", "8,\"x\":1}"),
          "{\"prompt\":\"a cat\"}"),
      get(OPENROUTER + "/models"), get(OPENROUTER + "/gen-vid-0"),
      get(OPENROUTER + "/gen-vid-0/content?index=0"),
      get("/openrouter/delivery/gen-vid-0/0.mp4"),
      post("/_sim/tenants", "{\"apiKey\":\"sk-fuzz\",\"balance\":\"5.00\"}"),
      post("/_sim/tenants/sk-alice/topup", "{\"amount\":\"1.00\"}"),
      post("/_sim/clock", "{\"mode\":\"virtual\"}"), post("/_sim/clock/advance", "{\"by\":\"1s\"}"),
      post("/_sim/faults", "{\"when\":{\"endpoint\":\"create\"},\"do\":{\"status\":500}}"),
      post("/_sim/jobs/vid_0/fail", "{\"kind\":\"error\"}"),
      post("/_sim/tenants/sk-alice/webhook", "{\"url\":\"http://127.0.0.1:9/hook\"}"),
      post("/_sim/models/task-1/remove", "{\"after\":\"1s\"}"),
      post("/_sim/scenario", "{\"schemaVersion\":1}"),
      get("/_sim/ledger"), get("/_sim/jobs"), get("/_sim/health"),
      get("/nowhere"), post("/v2/videos", VIDSIM_CREATE));
}
