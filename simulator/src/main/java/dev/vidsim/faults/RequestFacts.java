package dev.vidsim.faults;

/**
 * What fault rules may match on for one request or webhook delivery. Unknown parts are null.
 *
 * @param event the webhook event type ("video.completed"), for webhook deliveries only
 */
public record RequestFacts(Endpoint endpoint, String tenant, String model, String region,
                           String tier, String event) {
  public RequestFacts {
    java.util.Objects.requireNonNull(endpoint, "endpoint");
  }

  public static RequestFacts request(Endpoint endpoint, String tenant, String model,
                                     String region, String tier) {
    return new RequestFacts(endpoint, tenant, model, region, tier, null);
  }
}
