package dev.vidsim.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vidsim.engine.Simulator;
import dev.vidsim.scenario.ScenarioLoader;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The pricing page against real charges: for every price row of the built-in default scenario a
 * tenant of that tier can buy, a job of the row's mode, resolution and default length is created
 * through /v1, and what it charges and holds at create must be what the page says.
 */
class PricingPageTest {
  private final Simulator sim = new Simulator(ScenarioLoader.builtInDefault());
  private final VidsimServer server = VidsimServer.start(sim, 0);

  @AfterEach
  void stop() {
    server.close();
    sim.close();
  }

  private RequestSpecification admin() {
    return RestAssured.given().baseUri(server.baseUrl()).contentType("application/json");
  }

  @Test
  void every_price_row_is_what_a_create_charges() {
    JsonNode page = Json.parse(admin().get("/_sim/pricing").then().statusCode(200)
        .contentType("application/json").extract().asString());
    int checked = 0;
    for (JsonNode m : page.get("models")) {
      for (JsonNode row : m.get("prices")) {
        String tier = row.get("tier").isNull() ? "free" : row.get("tier").asText();
        if (!m.get("tiers").isEmpty() && !contains(m.get("tiers"), tier)) continue;
        String key = "sk-page-" + checked;
        admin().body("{\"apiKey\":\"" + key + "\",\"balance\":\"1000.00\",\"tier\":\"" + tier
            + "\",\"region\":\"" + m.get("regions").get(0).asText() + "\"}")
            .post("/_sim/tenants").then().statusCode(201);
        String images = row.get("inputImages").asInt() == 0 ? ""
            : ",\"images\":[\"https://example.com/a.png\"]";
        JsonNode job = Json.parse(RestAssured.given().baseUri(server.baseUrl())
            .header("Authorization", "Bearer " + key).contentType("application/json")
            .body("{\"model\":\"" + m.get("id").asText() + "\",\"prompt\":\"p\",\"mode\":\""
                + row.get("mode").asText() + "\",\"resolution\":\""
                + row.get("resolution").asText() + "\",\"seconds\":"
                + row.get("seconds").asText() + images + "}")
            .post("/v1/videos").then().statusCode(201).extract().asString());
        String what = m.get("id").asText() + " " + row;
        JsonNode quote = row.get("quote");
        assertThat(job.get("quote").get("total").asText()).as(what)
            .isEqualTo(quote.get("total").asText());
        JsonNode balance = Json.parse(admin().get("/_sim/ledger?tenant=" + key).then()
            .extract().asString()).get("balance");
        assertThat(money(balance, "held")).as(what)
            .isEqualTo(quote.get("heldOnCreate").asText());
        assertThat(new java.math.BigDecimal("1000.00").subtract(
            new java.math.BigDecimal(balance.get("balance").asText())).toPlainString()).as(what)
            .isEqualTo(quote.get("chargedOnCreate").asText());
        checked++;
      }
    }
    assertThat(checked).as("price rows checked").isGreaterThan(40);
  }

  @Test
  void a_browser_gets_the_same_page_as_html() {
    admin().header("Accept", "text/html").get("/_sim/pricing").then().statusCode(200)
        .contentType(containsString("text/html"))
        .body(containsString("<h2 id=\"reel-1\">reel-1</h2>"))
        .body(containsString("held when the job is accepted, captured when the video is"))
        .body(containsString("<td class=n>0.80<td class=n>0.00<td class=n>0.80"));
  }

  private static String money(JsonNode balance, String field) {
    return balance.get(field).asText();
  }

  private static boolean contains(JsonNode array, String value) {
    for (JsonNode v : array) {
      if (v.asText().equals(value)) return true;
    }
    return false;
  }
}
