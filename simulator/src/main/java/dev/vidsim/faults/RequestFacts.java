package dev.vidsim.faults;

/**
 * What fault rules may match on for one request or webhook delivery. Unknown parts are null.
 *
 * @param event    the webhook event type ("video.completed"), for webhook deliveries only
 * @param upstream the provider an aggregator is trying for a create, for upstream attempts only
 */
public record RequestFacts(Endpoint endpoint, String tenant, String model, String region,
                           String tier, String event, String upstream) {
  public RequestFacts(Endpoint endpoint, String tenant, String model, String region,
                      String tier, String event) {
    this(endpoint, tenant, model, region, tier, event, null);
  }

  public RequestFacts {
    java.util.Objects.requireNonNull(endpoint, "endpoint");
  }

  public static RequestFacts request(Endpoint endpoint, String tenant, String model,
                                     String region, String tier) {
    return new RequestFacts(endpoint, tenant, model, region, tier, null);
  }

  /** An aggregator's create attempt on one upstream provider's model. */
  public static RequestFacts upstream(String tenant, String provider, String model,
                                      String region, String tier) {
    return new RequestFacts(Endpoint.CREATE, tenant, model, region, tier, null, provider);
  }
}
