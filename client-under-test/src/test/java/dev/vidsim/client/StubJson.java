package dev.vidsim.client;

/** Wire bodies in vidsim's /v1 shapes, for scripting the stub server. */
final class StubJson {
  private StubJson() {}

  /** One model, m1: 0.10 per second, billed on delivery, 1..20 s, 720p, us-east. */
  static final String CATALOG = catalog("m1");

  /** Models priced like m1 under other ids. */
  static String catalog(String... ids) {
    StringBuilder sb = new StringBuilder("{\"object\":\"list\",\"data\":[");
    for (int i = 0; i < ids.length; i++) {
      if (i > 0) sb.append(',');
      sb.append(MODEL.replace("\"m1\"", "\"" + ids[i] + "\""));
    }
    return sb.append("]}").toString();
  }

  private static final String MODEL = """
      {"id":"m1","object":"model","description":"stub",
       "modes":["text-to-video"],"resolutions":["720p"],"regions":["us-east"],"tiers":[],
       "minSeconds":1,"maxSeconds":20,"defaultSeconds":8,
       "pricing":{"currency":"USD","unit":"second","price":"0.10","per":1,"billOn":"delivery",
        "minimum":"0.00","flatFee":"0.00","increment":1,"minimumSeconds":0,"pollFee":"0.00",
        "tokensPerSecond":1000,"creditsPerSecond":0,"creditsPerVideo":1,"imageCount":"input",
        "framesPerSecond":24,"prices":[],
        "onFailure":{"error":"refund","timeout":"refund","cancel":"refund",
                     "contentFilter":"refund"}}}""";

  static String job(String id, String status, String key) {
    String charged = status.equals("succeeded") ? "0.80" : "0.00";
    return "{\"id\":\"" + id + "\",\"object\":\"video\",\"model\":\"m1\","
        + "\"mode\":\"text-to-video\","
        + "\"status\":\"" + status + "\",\"progress\":0,\"seconds\":8,\"resolution\":\"720p\","
        + "\"charged\":\"" + charged + "\",\"currency\":\"USD\",\"idempotencyKey\":"
        + (key == null ? "null" : "\"" + key + "\"") + ",\"error\":null}";
  }

  static String list(String... jobs) {
    return "{\"object\":\"list\",\"data\":[" + String.join(",", jobs) + "],\"hasMore\":false}";
  }

  static String error(String code) {
    return "{\"error\":{\"code\":\"" + code + "\",\"message\":\"stub " + code + "\"}}";
  }
}
