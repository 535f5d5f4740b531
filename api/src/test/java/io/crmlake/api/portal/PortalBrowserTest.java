package io.crmlake.api.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmlake.api.support.ServiceTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portal page in real headless Chromium (Debian's chromium and chromium-driver, installed by
 * scripts/setup.sh from scripts/packages/browser.list): sign in, see the KPI tiles, filter a
 * mart, download its CSV. The screenshot lands in api/target/portal.png.
 */
class PortalBrowserTest extends ServiceTest {

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private WebDriver browser;
    private Path downloads;

    @BeforeEach
    void startBrowser() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
                "needs chromium and chromium-driver: run scripts/setup.sh");
        downloads = Files.createDirectories(Path.of("target", "portal-downloads")).toAbsolutePath();
        Files.deleteIfExists(downloads.resolve("mart_kpi.csv"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1000", "--lang=zh-CN");
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toString(),
                "download.prompt_for_download", false,
                "intl.accept_languages", "zh-CN"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void signInSeeTilesFilterAMartAndDownloadItsCsv() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(url("/"));
        browser.findElement(By.id("login-user")).sendKeys("analyst");
        browser.findElement(By.id("login-password")).sendKeys("analyst-demo");
        browser.findElement(By.id("login-submit")).click();

        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".kpi-tile"), 3));
        List<String> tiles = browser.findElements(By.cssSelector(".kpi-tile")).stream().map(e -> e.getText()).toList();
        assertThat(tiles).anySatisfy(t -> assertThat(t).contains("离网率").contains("2.1 %").contains("达标"));
        assertThat(browser.findElement(By.cssSelector(".kpi-tile.missed")).getText()).contains("复购率").contains("未达标");

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result-total"), "共 6 行"));
        new Select(browser.findElement(By.id("filter-column"))).selectByValue("kpi");
        new Select(browser.findElement(By.id("filter-op"))).selectByValue("eq");
        browser.findElement(By.id("filter-value")).sendKeys("churn_rate");
        browser.findElement(By.id("filter-add")).click();
        browser.findElement(By.id("apply")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result-total"), "共 4 行"));
        assertThat(browser.findElements(By.cssSelector("#rows tbody tr"))).hasSize(4);

        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(Path.of("target", "portal.png"), png);

        browser.findElement(By.id("download-csv")).click();
        Path csv = downloads.resolve("mart_kpi.csv");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> Files.exists(csv));
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("\uFEFFas_of_date,month_key,org_unit_id,org_unit_level,kpi");
        assertThat(lines.subList(1, 5)).allSatisfy(l -> assertThat(l).contains(",churn_rate,"));

        browser.findElement(By.id("lang-toggle")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("kpi-tiles"), "Churn rate"));
    }

    /** The report section: an archived pack is listed and downloads as a PDF; an admin runs a schedule from the page. */
    @Test
    void seeTheReportArchiveDownloadAPdfAndRunAScheduleNow() throws Exception {
        assertThat(post("/api/reports/schedules/latest-pack/run", "admin").statusCode()).isEqualTo(200);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get(url("/"));
        browser.findElement(By.id("login-user")).sendKeys("admin");
        browser.findElement(By.id("login-password")).sendKeys("admin-demo");
        browser.findElement(By.id("login-submit")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#report-archive .archive-entry.ok")));
        List<String> rows = browser.findElements(By.cssSelector("#report-archive .archive-entry.ok")).stream()
                .map(e -> e.getText()).toList();
        assertThat(rows).anySatisfy(r -> assertThat(r).contains("monthly-pack", "2024-03", "zh-CN"));

        String fileName = "monthly-pack_2024-03_ALL_en.pdf";
        Files.deleteIfExists(downloads.resolve(fileName));
        browser.findElements(By.cssSelector(".download-report")).stream()
                .filter(a -> a.getText().contains(fileName)).findFirst().orElseThrow().click();
        Path pdf = downloads.resolve(fileName);
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> Files.exists(pdf));
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

        int worklists = browser.findElements(By.xpath("//tr[contains(@class,'archive-entry')][contains(., 'warning-worklist')]")).size();
        browser.findElement(By.cssSelector(".run-now[data-schedule='latest-worklist']")).click();
        wait.until(d -> d.findElements(By.xpath("//tr[contains(@class,'archive-entry')][contains(., 'warning-worklist')]")).size()
                >= worklists + 2);
        Files.write(Path.of("target", "portal-reports.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
