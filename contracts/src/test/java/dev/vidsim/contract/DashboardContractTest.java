package dev.vidsim.contract;

import dev.vidsim.jobs.Jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vidsim.junit.VidsimRuntimeInfo;
import dev.vidsim.junit.VidsimTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The dashboard page is self-contained and only talks to admin routes that exist. */
@VidsimTest
class DashboardContractTest {
  @Test
  void the_dashboard_is_one_offline_page_over_the_admin_api(VidsimRuntimeInfo vidsim) {
    String html = given().baseUri(vidsim.baseUrl()).get("/_sim/ui").then().statusCode(200)
        .contentType("text/html").extract().asString();
    assertThat(html).contains("<title>vidsim console</title>", "Spend per model", "Ledger",
        "Jobs", "Request log");
    assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//");
    // every admin path the page names (in api(...) calls and the list it loads together)
    Matcher calls = Pattern.compile("\"(/_sim/[a-z/.]+)").matcher(html);
    int seen = 0;
    while (calls.find()) {
      seen++;
      String path = calls.group(1);
      if (path.equals("/_sim/clock/advance") || path.equals("/_sim/reset")
          || path.endsWith("/")) {
        continue; // POSTs, and /_sim/jobs/ + an id (the job detail)
      }
      given().baseUri(vidsim.baseUrl()).get(path).then().statusCode(200);
    }
    assertThat(seen).isGreaterThanOrEqualTo(11);
  }
}
