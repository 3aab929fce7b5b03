package io.github.cerebras4j.sample;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.github.cerebras4j.test.AutoConfigureCerebrasMockServer;
import io.github.cerebras4j.test.CerebrasMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The page in a real browser: headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) driven by
 * Selenium. Skipped only when {@code /usr/bin/chromium} is missing; {@code .ci/run} installs it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "cerebras.retry.max-retries=0")
@AutoConfigureCerebrasMockServer
class BrowserTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static Path profile;

	private static WebDriver browser;

	@LocalServerPort
	private int port;

	@Autowired
	private CerebrasMockServer cerebras;

	@BeforeAll
	static void startChromium() throws IOException {
		assumeTrue(Files.isExecutable(CHROMIUM),
				"/usr/bin/chromium is missing: install Debian's chromium and chromium-driver to run the browser test");
		profile = Files.createTempDirectory("chromium-profile");
		ChromeDriverService driver = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER.toString()))
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toString())
			.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--no-first-run", "--user-data-dir=" + profile,
					"--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1");
		browser = new ChromeDriver(driver, options);
	}

	@AfterAll
	static void stopChromium() throws IOException {
		if (browser != null) {
			browser.quit();
		}
		if (profile != null) {
			FileSystemUtils.deleteRecursively(profile);
		}
	}

	@Test
	void theAnswerGrowsOnThePageWhileItStreamsAndTheTimeToFirstTokenAppears() {
		String reply = IntStream.range(1, 41).mapToObj((i) -> "word" + i).collect(Collectors.joining(" "));
		this.cerebras.reply(reply).tokensPerSecond(30);
		browser.get("http://127.0.0.1:" + this.port + "/");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10), Duration.ofMillis(20));
		wait.until((page) -> !page.findElements(By.cssSelector("#model option")).isEmpty());

		WebElement prompt = browser.findElement(By.id("prompt"));
		prompt.clear();
		prompt.sendKeys("Count to forty");
		browser.findElement(By.id("send")).click();

		WebElement answer = wait.until((page) -> page.findElement(By.cssSelector("#answers article")));
		List<String> first = wait.until((page) -> nonEmpty(read(answer)));
		List<String> second = wait.until((page) -> longer(read(answer), first));
		assertThat(first.get(0)).as("state at the first read").isEqualTo("streaming");
		assertThat(second.get(0)).as("state at the second read").isEqualTo("streaming");
		assertThat(second.get(1)).startsWith(first.get(1));
		assertThat(first.get(2)).as("the browser's time to first token, shown at once")
			.matches("\\d+ ms \\(in this browser\\)");

		wait.until((page) -> "done".equals(read(answer).get(0)));
		assertThat(read(answer).get(1)).isEqualTo(reply);
		assertThat(answer.findElement(By.className("ttft")).getText())
			.matches("\\d+ ms \\(measured by the app, \\d+ ms in this browser\\)");
		assertThat(answer.findElement(By.className("tps")).getText()).contains("(measured by the app)");
		assertThat(answer.findElement(By.className("time-info")).getText())
			.matches("queue [\\d.]+ ms, prompt [\\d.]+ ms, completion [\\d.]+ ms, total [\\d.]+ ms");
		assertThat(answer.findElement(By.className("prompt")).getText()).isEqualTo("Count to forty");
	}

	@Test
	void aRateLimitedQuestionShowsTheProblemDetailOnThePage() {
		this.cerebras.failWith(429, "Requests per minute limit exceeded").retryAfter(Duration.ofSeconds(7));
		browser.get("http://127.0.0.1:" + this.port + "/");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10), Duration.ofMillis(20));

		browser.findElement(By.id("send")).click();

		WebElement problem = wait.until((page) -> page.findElement(By.cssSelector("#answers article .problem")));
		wait.until((page) -> problem.getText().startsWith("429"));
		assertThat(problem.getText())
			.isEqualTo("429 Rate limited by Cerebras\nRequests per minute limit exceeded\nRetry in 7 s.");
	}

	/**
	 * Reads the answer's state, text and time to first token in one go, so that they belong together.
	 */
	@SuppressWarnings("unchecked")
	private static List<String> read(WebElement answer) {
		return (List<String>) ((JavascriptExecutor) browser).executeScript("""
				const answer = arguments[0];
				return [answer.dataset.state, answer.querySelector('.content').textContent,
				        answer.querySelector('.ttft').textContent];
				""", answer);
	}

	private static List<String> nonEmpty(List<String> read) {
		return read.get(1).isEmpty() ? null : read;
	}

	private static List<String> longer(List<String> read, List<String> than) {
		return (read.get(1).length() > than.get(1).length()) ? read : null;
	}

}
