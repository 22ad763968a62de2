package dev.vidsim.client.example;

import dev.vidsim.client.ClientClock;
import dev.vidsim.client.GenerationRequest;
import dev.vidsim.client.GenerationResult;
import dev.vidsim.client.RequestRecord;
import dev.vidsim.client.VideoClient;
import dev.vidsim.client.VidsimClock;
import dev.vidsim.client.cost.Reconciliation;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Generates one video against a running simulator and prints the evidence: the result, every
 * request, and the cost reconciliation.
 *
 * <pre>java -cp ... dev.vidsim.client.example.GenerateOne http://127.0.0.1:8080 sk-test-alice
 *     "a cat surfing" 6</pre>
 *
 * When the simulator's clock is virtual, waiting advances it, so the run takes milliseconds.
 */
public final class GenerateOne {
  private GenerateOne() {}

  public static void main(String[] args) {
    if (args.length < 2) {
      System.err.println("usage: GenerateOne <baseUrl> <apiKey> [prompt] [seconds] [model...]");
      System.exit(2);
    }
    System.exit(run(args, System.out));
  }

  static int run(String[] args, PrintStream out) {
    String baseUrl = args[0];
    VidsimClock simClock = new VidsimClock(baseUrl, System.getenv("VIDSIM_ADMIN_TOKEN"));
    ClientClock clock = "virtual".equals(simClock.mode()) ? simClock : ClientClock.system();
    VideoClient client = VideoClient.builder(baseUrl, args[1]).clock(clock)
        .jobDeadline(Duration.ofMinutes(20)).build();
    GenerationRequest.Builder req = GenerationRequest.builder(args.length > 2 ? args[2]
        : "a cat surfing a wave at sunset");
    if (args.length > 3) req.seconds(Long.parseLong(args[3]));
    for (int i = 4; i < args.length; i++) req.models(args[i]);

    GenerationResult result = client.generate(req.build());
    out.println("result: " + result);
    out.println("quote:  " + result.choice().quote());
    out.println("requests:");
    for (RequestRecord r : client.requestLog().records()) out.println("  " + r);
    Reconciliation bill = client.reconcile();
    out.println("reconciliation: " + bill);
    return bill.isBalanced() && result.succeeded() ? 0 : 1;
  }
}
