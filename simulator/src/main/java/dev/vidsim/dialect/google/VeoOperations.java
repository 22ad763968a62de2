package dev.vidsim.dialect.google;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidsim.http.Json;
import dev.vidsim.http.PlaceholderVideo;
import dev.vidsim.jobs.JobStatus;
import dev.vidsim.jobs.JobView;
import dev.vidsim.pricing.FailureKind;
import java.util.Base64;

/**
 * Long-running operations as Veo shows them: {@code done} absent while running, then a
 * {@code response} (Vertex: {@code videos[]} inline or in Cloud Storage; Gemini API:
 * {@code generateVideoResponse.generatedSamples[]} with a file URI) or a google.rpc.Status
 * {@code error}. A content-filtered job is a done operation with RAI counts and no video.
 */
final class VeoOperations {
  /** Where the Gemini API's file URIs point; the SDK takes the id and calls its base URL. */
  static final String GEMINI_FILES = "https://generativelanguage.googleapis.com/v1beta/files/";

  private VeoOperations() {}

  /** The operation id is the job's id: Google jobs have no prefix (lowercase hex, a file id). */
  static String operationId(String jobId) {
    return jobId;
  }

  static String jobId(String operationId) {
    return operationId;
  }

  static ObjectNode operation(String name, JobView j, boolean vertex) {
    ObjectNode o = Json.object().put("name", name);
    if (!j.status().isTerminal()) {
      o.putObject("metadata").put("progressPercent", j.progress());
      return o;
    }
    o.put("done", true);
    if (j.failure() != null && j.failure() != FailureKind.CONTENT_FILTER) {
      o.putObject("error").put("code", rpcCode(j.failure())).put("message", j.errorMessage())
          .put("status", rpcStatus(j.failure()));
      return o;
    }
    boolean filtered = j.failure() == FailureKind.CONTENT_FILTER;
    return vertex ? vertexResponse(o, j, filtered) : geminiResponse(o, j, filtered);
  }

  private static ObjectNode vertexResponse(ObjectNode o, JobView j, boolean filtered) {
    ObjectNode r = o.putObject("response")
        .put("@type", "type.googleapis.com/cloud.ai.large_models.vision.GenerateVideoResponse")
        .put("raiMediaFilteredCount", filtered ? 1 : 0);
    ArrayNode reasons = r.putArray("raiMediaFilteredReasons");
    if (filtered) {
      reasons.add(j.errorMessage());
      return o;
    }
    ObjectNode video = r.putArray("videos").addObject();
    String storage = j.attributes().get(VeoRequest.STORAGE_URI);
    if (storage != null) {
      video.put("gcsUri", storage.replaceAll("/+$", "") + "/" + operationId(j.id())
          + "/sample_0.mp4");
    } else {
      video.put("bytesBase64Encoded", Base64.getEncoder().encodeToString(
          PlaceholderVideo.mp4(j.id(), j.seconds())));
    }
    video.put("mimeType", "video/mp4");
    return o;
  }

  private static ObjectNode geminiResponse(ObjectNode o, JobView j, boolean filtered) {
    ObjectNode g = o.putObject("response")
        .put("@type", "type.googleapis.com/google.ai.generativelanguage.v1beta"
            + ".PredictLongRunningResponse")
        .putObject("generateVideoResponse");
    if (filtered) {
      g.put("raiMediaFilteredCount", 1).putArray("raiMediaFilteredReasons")
          .add(j.errorMessage());
      return o;
    }
    g.putArray("generatedSamples").addObject().putObject("video")
        .put("uri", GEMINI_FILES + operationId(j.id()) + ":download?alt=media");
    return o;
  }

  static int rpcCode(FailureKind k) {
    return switch (k) {
      case CANCEL -> 1;
      case TIMEOUT -> 4;
      case EXPIRED -> 10;
      case ERROR, CONTENT_FILTER -> 13;
    };
  }

  static String rpcStatus(FailureKind k) {
    return switch (k) {
      case CANCEL -> "CANCELLED";
      case TIMEOUT -> "DEADLINE_EXCEEDED";
      case EXPIRED -> "ABORTED";
      case ERROR, CONTENT_FILTER -> "INTERNAL";
    };
  }

  static boolean delivered(JobView j) {
    return j.status() == JobStatus.SUCCEEDED;
  }
}
