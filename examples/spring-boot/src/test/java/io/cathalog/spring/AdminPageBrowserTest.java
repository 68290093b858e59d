package io.cathalog.spring;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.sandbox.BlingSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The admin page in a real headless Chromium (Debian's chromium and chromium-driver; no driver
 * download): log in, see the account, plan, apply the reviewed plan, see "no changes"; a product
 * that someone named {@code <script>…} in Bling shows as text. Screenshots in
 * {@code target/screenshots/}. The app runs as the README's demo (the in-process sandbox), with the
 * scheduler off so that the page's buttons are the only writers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cathalog.sandbox=demo", "cathalog.requests-per-second=500", "cathalog.schedule.enabled=false",
        "cathalog.admin.password=" + AppHttp.PASSWORD,
        "spring.datasource.url=jdbc:h2:mem:browser-test;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000"})
class AdminPageBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String HOSTILE = "<script>alert('pwned')</script> Tênis";

    static ChromeDriverService service;
    static WebDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    BlingSandbox sandbox;

    @BeforeAll
    static void startChromium() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("this test needs Debian's chromium and chromium-driver:"
                    + " apt-get install -y chromium chromium-driver (.ci/run installs them)");
        }
        Files.createDirectories(SCREENSHOTS);
        Path profile = Files.createTempDirectory(Path.of("target"), "chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,1600");
        // The driver is the distribution's: Selenium Manager never runs, nothing is downloaded.
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofMinutes(3));
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
    }

    @Test
    void logInSeeTheAccountPlanApplySeeNoChangesAndBlingDataStaysText() throws IOException {
        String base = "http://localhost:" + port;
        browser.get(base + "/");
        assertThat(browser.getCurrentUrl()).as("the page is behind the login").endsWith("/login");
        browser.findElement(By.id("username")).sendKeys(AppHttp.USER);
        browser.findElement(By.id("password")).sendKeys("not-the-password");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(browser.getCurrentUrl()).contains("/login?error");
        browser.findElement(By.id("username")).sendKeys(AppHttp.USER);
        browser.findElement(By.id("password")).sendKeys(AppHttp.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement account = browser.findElement(By.id("account-demo"));
        assertThat(account.findElement(By.className("account-id")).getText()).isEqualTo("demo");
        assertThat(account.getText()).contains("connected");
        screenshot("1-accounts");

        click("button.plan");
        String plan = browser.findElement(By.cssSelector("#account-demo pre.plan-text")).getText();
        assertThat(plan).contains("+ category").contains("+ product MOD-CAL-NEW-001");
        assertThat(browser.findElement(By.cssSelector("#account-demo .summary")).getText()).startsWith("Plan: ");
        assertThat(sandbox.requestLog().writes()).as("planning writes nothing").isEmpty();
        screenshot("2-plan");

        click("button.apply");
        assertThat(browser.findElement(By.id("message")).getText()).contains("demo: Applied:");
        assertThat(browser.findElement(By.cssSelector("#account-demo .no-changes")).getText()).contains("No changes");
        assertThat(sandbox.requestLog().writes()).isNotEmpty();
        screenshot("3-applied-no-changes");

        // Someone names a product <script>… in Bling: the next plan shows Bling's value, as text.
        ObjectNode product = sandbox.account().productByCode("MOD-CAL-NEW-001").orElseThrow();
        product.put("nome", HOSTILE);
        sandbox.account().putProduct(product);
        click("button.plan");
        WebElement text = browser.findElement(By.cssSelector("#account-demo pre.plan-text"));
        assertThat(text.getText()).contains(HOSTILE);
        assertThat(browser.findElements(By.tagName("script"))).as("no script element made it into the page").isEmpty();
        assertThat(browser.getPageSource()).doesNotContain("<script>alert");
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        screenshot("4-script-name-as-text");
    }

    private void click(String css) {
        browser.findElement(By.cssSelector("#account-demo " + css)).click();
    }

    private static void screenshot(String name) throws IOException {
        Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
