package org.mdmatrials.cli;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.print.PrintOptions;

/**
 * report.html as a browser shows it: two nights harvested from the four stand-in registries, then
 * the published report opened in headless Chromium (Debian's chromium and chromium-driver, which
 * .ci/run installs; without them this test fails rather than skips). Saves a screenshot to
 * target/report.png, and to the path in the system property {@code report.screenshot} when set
 * ({@code mvn test -Dtest=ReportInBrowserTest -Dreport.screenshot=docs/report.png}).
 */
class ReportInBrowserIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @RegisterExtension
  static WireMockExtension registry =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path output;
  @TempDir Path profile;

  private ChromeDriver browser;

  @BeforeEach
  void twoNightsAndABrowser() throws Exception {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Skipped: the report is opened in Debian's headless Chromium, and "
            + CHROMIUM
            + " or "
            + CHROMEDRIVER
            + " is missing (apt-get install chromium chromium-driver; .ci/run installs both)");
    harvest(false);
    harvest(true);
    // Named explicitly, so that Selenium Manager never looks for a driver to download.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
        "--user-data-dir=" + profile,
        "--window-size=1200,900");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .build();
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void drawsTheStartsChartWithVisibleBarsAxesAndLegend() throws Exception {
    browser.get(output.resolve("latest/report.html").toUri().toString());

    assertThat(browser.getTitle()).startsWith("MDMA-assisted therapy trials: snapshot ");
    WebElement chart = browser.findElement(By.cssSelector("#starts svg.starts"));
    assertThat(chart.getSize().getWidth()).isGreaterThan(300);
    assertThat(chart.getSize().getHeight()).isGreaterThan(200);
    List<Map<String, Object>> bars = boxes("#starts svg.starts rect.bar");
    // 18 MDMA-like trials give a start date, in 18 pairs of year and category.
    assertThat(bars).hasSize(18);
    for (Map<String, Object> bar : bars) {
      assertThat(number(bar, "width")).as("bar width").isGreaterThan(5);
      assertThat(number(bar, "height")).as("bar height").isGreaterThan(5);
    }
    assertThat(boxes("#starts svg.starts text.tick.x")).hasSizeGreaterThan(20);
    assertThat(browser.findElements(By.cssSelector("#starts ul.legend li svg rect")))
        .hasSize(5)
        .allMatch(WebElement::isDisplayed);
    assertThat(browser.findElement(By.cssSelector("#starts svg text.label.y")).getText())
        .isEqualTo("Trials started");
    screenshot();
  }

  @Test
  void showsTheTablesAndLinksEachTrialToItsRegistry() {
    browser.get(output.resolve("latest/report.html").toUri().toString());

    List<String> statuses = texts("#status thead th");
    assertThat(statuses).startsWith("Category", "Completed", "Recruiting");
    assertThat(texts("#status tfoot td")).last().isEqualTo("18");
    assertThat(browser.findElement(By.cssSelector("#changes p")).getText())
        .contains("1 added, 1 removed, and 3 field changes in 3 trials");
    WebElement link = browser.findElement(By.linkText(MdmaLikeRegistries.mdmaLikeId(13)));
    assertThat(link.getAttribute("href"))
        .isEqualTo("https://clinicaltrials.gov/study/" + MdmaLikeRegistries.mdmaLikeId(13));
    WebElement records = browser.findElement(By.cssSelector("#registries table"));
    assertThat(records.findElements(By.cssSelector("tbody th")).stream().map(WebElement::getText))
        .containsExactly("ClinicalTrials.gov", "ISRCTN", "EU CTIS", "EU Clinical Trials Register");
  }

  @Test
  void printsWithThePrintStylesheet() {
    browser.get(output.resolve("latest/report.html").toUri().toString());
    WebElement nav = browser.findElement(By.cssSelector("nav"));
    assertThat(nav.isDisplayed()).isTrue();

    browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));

    assertThat(nav.isDisplayed()).isFalse();
    String pdf = browser.print(new PrintOptions()).getContent();
    assertThat(
            new String(
                Base64.getDecoder().decode(pdf), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
  }

  private void harvest(boolean secondNight) {
    MdmaLikeRegistries.serve(registry, secondNight);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    List<String> args = new ArrayList<>(List.of("run", "--full"));
    args.addAll(MdmaLikeRegistries.runFlags(output.toString(), registry.baseUrl()));
    assertThat(cli.execute(args.toArray(String[]::new))).as(err.toString()).isZero();
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> boxes(String selector) {
    return (List<Map<String, Object>>)
        browser.executeScript(
            "return Array.from(document.querySelectorAll(arguments[0])).map(e => {"
                + " const r = e.getBoundingClientRect(); return {width: r.width, height: r.height};"
                + " });",
            selector);
  }

  private List<String> texts(String selector) {
    return browser.findElements(By.cssSelector(selector)).stream()
        .map(WebElement::getText)
        .toList();
  }

  private static double number(Map<String, Object> box, String key) {
    return ((Number) box.get(key)).doubleValue();
  }

  /** The whole page, 1200 pixels wide. */
  private void screenshot() throws Exception {
    long height =
        ((Number) browser.executeScript("return document.documentElement.scrollHeight;"))
            .longValue();
    browser.manage().window().setSize(new Dimension(1200, (int) height + 120));
    byte[] png = browser.getScreenshotAs(OutputType.BYTES);
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target/report.png"), png);
    String wanted = System.getProperty("report.screenshot");
    if (wanted != null && !wanted.isBlank()) {
      Files.write(Path.of(wanted), png);
    }
  }
}
