package dev.vidsim.checker;

import java.util.ArrayList;
import java.util.List;

/**
 * no_charge_for_rejected_requests: a request answered 402, 429, any other 4xx, or 503 (region or
 * model unavailable) creates no job and writes no charge or hold for its tenant. (A 500 or a
 * dropped connection after a job was created is a lost response, checked by
 * lost_responses_settle_to_one_job.)
 */
final class NoChargeForRejectedRequests implements Check {
  @Override
  public boolean pairsRequests() {
    return true;
  }

  @Override
  public String name() {
    return "no_charge_for_rejected_requests";
  }

  @Override
  public String missing(Evidence e) {
    return e.journal().isEmpty() ? "no journal" : null;
  }

  @Override
  public void run(Evidence e, Sink sink) {
    for (Exchange x : e.exchanges()) {
      int s = x.status();
      if (!(s >= 400 && s < 500 || s == 503) || x.tenant() == null) continue;
      List<JournalEvent> taken = new ArrayList<>();
      for (JournalEvent l : x.ledgerEvents()) {
        String type = l.text("type");
        if ("charge".equals(type) || "hold".equals(type) || "capture".equals(type)) taken.add(l);
      }
      List<String> jobs = x.createdJobs();
      if (taken.isEmpty() && jobs.isEmpty()) continue;
      List<JournalEvent> shown = new ArrayList<>();
      shown.add(x.request());
      shown.addAll(x.inside());
      shown.add(x.response());
      sink.violation(x.jobInPath() != null ? "job " + x.jobInPath() : "tenant " + x.tenant(),
          "answered " + s + (x.errorCode() == null ? "" : " " + x.errorCode()) + " but "
              + (jobs.isEmpty() ? "" : "created " + jobs + " and ") + "wrote " + taken.size()
              + " charge/hold line(s) (" + x + ")", List.of(), shown);
    }
  }
}
