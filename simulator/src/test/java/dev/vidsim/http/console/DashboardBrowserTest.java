package dev.vidsim.http.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.engine.Simulator;
import dev.vidsim.http.VidsimServer;
import dev.vidsim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in headless Chromium against {@link ConsoleFixture}'s simulator: the rendered
 * cards, tables, chart and job detail carry the run's values, at 1280x800 and 1920x1080, and the
 * screenshots land in target/dashboard/ for a person to look at.
 */
class DashboardBrowserTest {
  private static final Path SHOTS = Path.of("target", "dashboard");
  private static Chromium chromium;
  private static ConsoleFixture fixture;
  private static String ui;

  @BeforeAll
  static void start() throws Exception {
    chromium = Chromium.require();
    fixture = new ConsoleFixture().populate();
    ui = fixture.server.baseUrl() + "/_sim/ui";
  }

  @AfterAll
  static void stop() {
    if (fixture != null) fixture.close();
  }

  @Test
  void the_summary_cards_chart_and_tables_show_the_runs_numbers_for_all_tenants()
      throws Exception {
    String dom = chromium.dom(ui, 1280, 800);
    Files.createDirectories(SHOTS);
    Files.writeString(SHOTS.resolve("all-tenants.html"), dom);
    // alice 7.70 + bob 4.50; alice's running per-second job holds 0.80
    assertThat(dom).contains("id=\"c-balance\">12.20 USD<", "id=\"c-held\">0.80<",
        "id=\"c-spent\">2.80<", "id=\"c-jobs\">8<",
        // no-break spaces keep "1 timed out" on one line
        "1&nbsp;queued · 1&nbsp;in&nbsp;progress · 1&nbsp;succeeded · 1&nbsp;failed"
            + " · 1&nbsp;timed&nbsp;out · 1&nbsp;cancelled · 2&nbsp;expired",
        "id=\"c-fail\">40.0%<", "2 of 5 ended jobs failed", "id=\"c-retries\">1<")
        .doesNotContain("Loading…", "answered 4", "answered 5");
    // tenants: balance, held and available side by side
    assertThat(dom).contains("<td>free · us-east</td><td class=\"num\">7.70</td>"
        + "<td class=\"num\">0.80</td><td class=\"num\">6.90</td>");
    // the chart: a simulated-time axis in 5-minute ticks and the spend per model in the legend
    assertThat(dom).contains(">00:05</text>", ">00:35</text>", "per-second 0.80",
        "task-1 2.00");
    // jobs: times, status, failure reason and cost
    assertThat(dom).contains("error: render node crashed", "timeout: failed by the admin API",
        ">timed out</span>", ">00:02:00</td>", ">0.50 so far</td>",
        ">0.00 + 0.80 held</td>");
    // ledger: signed amounts and running balances
    assertThat(dom).contains("<td class=\"num pos\">+10.00</td><td class=\"num\">10.00</td>",
        "<td class=\"num neg\">−0.50</td><td class=\"num\">9.50</td>",
        "<td class=\"num held\">−0.80 held</td><td class=\"num\">9.50</td>"
            + "<td class=\"num\">0.80</td>",
        "<td class=\"num pos\">+0.50</td><td class=\"num\">8.70</td>",
        "<td class=\"num held\">+0.80 held</td>", "<span class=\"badge b-release\">release");
    // request log: tenant, dialect, error codes, the SDK retry marker; faults; webhooks
    assertThat(dom).contains("model_not_found", "region_unavailable", "↻ SDK retry #1",
        "POST /v1/videos/", ">endpoint: balance</td>", ">status: 503</td>",
        "video.completed", "b-5xx\">500<", "b-2xx\">200<");
    // the retried create made a paid job: the log shows which and what it cost
    assertThat(dom).containsPattern("SDK retry #1</span></td><td class=\"mono\">"
        + "vid_[0-9a-f]+ \\(charged 0\\.50\\)</td>");
  }

  @Test
  void filters_by_tenant_model_and_status_narrow_every_panel() throws Exception {
    String dom = chromium.dom(ui + "#tenant=sk-alice&model=task-1&status=failed", 1920, 1080);
    assertThat(dom).contains("id=\"c-balance\">7.70 USD<", "id=\"c-spent\">2.30<",
        "id=\"jobs-count\">1 of 7<", "error: render node crashed", "task-1 1.50")
        .doesNotContain("<td>sk-bob</td><td>vidsim</td>", "per-second 0.80", "timed out</span>");
  }

  @Test
  void a_jobs_detail_view_shows_its_timeline_money_requests_and_webhooks() throws Exception {
    String job = fixture.admin().get("/_sim/jobs?tenant=sk-alice").then().extract()
        .path("data.find { it.model == 'per-second' }.id");
    String dom = chromium.dom(ui + "#job=" + job, 1280, 800);
    assertThat(dom).contains("id=\"detail\" aria-label=\"job detail\" class=\"open\"",
        "Job " + job, "<b>queued</b> — created", "<b>in progress</b> — render started",
        "<b>succeeded</b> — video delivered", "<b>expired</b>",
        "<td class=\"num held\">−0.80 held</td>", "<td class=\"num neg\">−0.80</td>",
        "2026-01-01 00:01:02 UTC", "http://127.0.0.1:");
    chromium.screenshot(ui + "#job=" + job, 1280, 800, SHOTS.resolve("job-1280x800.png"));
  }

  @Test
  void screenshots_at_both_sizes() throws Exception {
    chromium.screenshot(ui, 1280, 800, SHOTS.resolve("dashboard-1280x800.png"));
    chromium.screenshot(ui, 1920, 1080, SHOTS.resolve("dashboard-1920x1080.png"));
    // the whole page at once, request log and webhooks included, for a reviewer
    chromium.screenshot(ui, 1280, 2300, SHOTS.resolve("dashboard-1280-full.png"));
  }

  @Test
  void until_data_arrives_tables_say_loading_not_empty() throws Exception {
    // a token-protected server the page has no token for: its data never arrives
    try (Simulator sim = new Simulator(ScenarioLoader.builtInDefault());
         VidsimServer locked = VidsimServer.start(sim, "127.0.0.1", 0, "secret")) {
      String dom = chromium.dom(locked.baseUrl() + "/_sim/ui", 1280, 800);
      assertThat(dom).contains("<body class=\"loading\" aria-busy=\"true\">",
          "<td colspan=\"10\">Loading…</td>", "<td colspan=\"8\">Loading…</td>",
          "the admin API needs its token: open /_sim/ui#token=…");
    }
  }
}
