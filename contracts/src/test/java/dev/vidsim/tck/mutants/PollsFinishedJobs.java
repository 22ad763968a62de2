package dev.vidsim.tck.mutants;

import dev.vidsim.tck.ClientEnvironment;
import dev.vidsim.tck.ClientFactory;
import dev.vidsim.tck.ClientUnderTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * An integration that, after a wait has told it the job's outcome, polls the job once more to
 * read it (say, for its content URL): a status poll of a finished job, paid for where polls
 * cost a fee. Everything else is the reference client.
 */
final class PollsFinishedJobs extends ForwardingFactory {
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).build();

  PollsFinishedJobs(ClientFactory reference) {
    super(reference);
  }

  @Override
  public ClientUnderTest start(ClientEnvironment env) {
    ClientUnderTest client = reference.start(env);
    return new ForwardingClient(client) {
      @Override
      public Finished await(String id) {
        Finished f = client.await(id);
        if (f != null && f.jobId() != null && !f.stuck()) getJob(env, f.jobId());
        return f;
      }
    };
  }

  private static void getJob(ClientEnvironment env, String jobId) {
    HttpRequest r = HttpRequest.newBuilder(URI.create(env.baseUrl() + "/v1/videos/" + jobId))
        .header("Authorization", "Bearer " + env.apiKey()).timeout(Duration.ofSeconds(10))
        .GET().build();
    try {
      HTTP.send(r, HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      // the mutant only wanted to look; a failure changes nothing
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
