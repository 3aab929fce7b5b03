package io.github.cerebras4j.sample;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.sun.net.httpserver.HttpServer;
import io.github.cerebras4j.client.chat.MessageContent;
import io.github.cerebras4j.client.chat.UserMessage;
import io.github.cerebras4j.test.AutoConfigureCerebrasMockServer;
import io.github.cerebras4j.test.CerebrasMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
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
					"--no-first-run", "--window-size=1280,1400", "--user-data-dir=" + profile,
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

		String caption = answer.findElement(By.cssSelector("svg.arrival text")).getAttribute("textContent");
		assertThat(caption).matches("\\d+ tokens in \\d+ ms; first after \\d+ ms \\(this browser\\)");
		int tokens = Integer.parseInt(caption.substring(0, caption.indexOf(' ')));
		assertThat(tokens).isGreaterThan(1);
		assertThat(answer.findElement(By.cssSelector("svg.arrival polyline")).getAttribute("points").split(" "))
			.as("the start, the wait for the first token and one step per token")
			.hasSize(tokens + 2);
		String appTtft = answer.findElement(By.className("ttft")).getText().split(" ")[0];
		WebElement sessionChart = browser.findElement(By.id("ttft-chart"));
		assertThat(sessionChart.isDisplayed()).isTrue();
		assertThat(sessionChart.findElements(By.cssSelector("rect.bar"))).singleElement()
			.extracting((bar) -> bar.findElement(By.tagName("title")).getAttribute("textContent"))
			.isEqualTo("answer 1: " + appTtft + " ms");
		keepScreenshot("streamed-answer-with-charts.png");
	}

	/**
	 * Leaves what the browser shows in {@code target/screenshots}, for people to look at; nothing reads it.
	 */
	private static void keepScreenshot(String name) {
		Path screenshot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
		try {
			Path directory = Files.createDirectories(Path.of("target", "screenshots"));
			Files.copy(screenshot, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void aRateLimitedQuestionShowsTheProblemDetailOnThePage() {
		browser.get("http://127.0.0.1:" + this.port + "/");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10), Duration.ofMillis(20));
		// the page lists the models first: only the question is to be rate limited, not that listing
		wait.until((page) -> page.findElements(By.cssSelector("#model option")).size() == 3);
		this.cerebras.failWith(429, "Requests per minute limit exceeded").retryAfter(Duration.ofSeconds(7));

		browser.findElement(By.id("send")).click();

		WebElement problem = wait.until((page) -> page.findElement(By.cssSelector("#answers article .problem")));
		wait.until((page) -> problem.getText().startsWith("429"));
		assertThat(problem.getText())
			.isEqualTo("429 Rate limited by Cerebras\nRequests per minute limit exceeded\nRetry in 7 s.");
	}

	@Test
	void thePageAsksTheModelChosenInTheList() {
		browser.get("http://127.0.0.1:" + this.port + "/");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10), Duration.ofMillis(20));
		wait.until((page) -> page.findElements(By.cssSelector("#model option")).size() == 3);

		new Select(browser.findElement(By.id("model"))).selectByValue("gpt-oss-120b");
		browser.findElement(By.id("send")).click();

		WebElement answer = wait.until((page) -> page.findElement(By.cssSelector("#answers article")));
		wait.until((page) -> "done".equals(read(answer).get(0)));
		assertThat(this.cerebras.lastChatRequest().model()).isEqualTo("gpt-oss-120b");
		assertThat(this.cerebras.lastChatRequest().messages()).singleElement()
			.isEqualTo(new UserMessage(MessageContent.text("Why does fast inference matter for agents?"), null));
	}

	@Test
	void theButtonsShowTheStructuredAnswerAndTheToolCalls() {
		browser.get("http://127.0.0.1:" + this.port + "/");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10), Duration.ofMillis(20));
		wait.until((page) -> !page.findElements(By.cssSelector("#model option")).isEmpty());
		WebElement answer = browser.findElement(By.id("extras-answer"));

		browser.findElement(By.id("structured")).click();
		wait.until((page) -> "done".equals(answer.getAttribute("data-state")));
		assertThat(answer.getText()).contains("\"city\"").contains("\"highlights\"");
		assertThat(this.cerebras.lastChatRequest().messages().get(1))
			.isEqualTo(new UserMessage(MessageContent.text("Tell me about Tokyo."), null));

		// a scripted call is made for every request, so it is scripted once the structured answer is there
		this.cerebras.toolCall("local_time", "{\"timeZone\":\"Asia/Tokyo\"}");
		browser.findElement(By.id("tools")).click();
		wait.until((page) -> "done".equals(answer.getAttribute("data-state")) && answer.getText().contains("local_time"));
		assertThat(answer.getText()).contains("\"name\": \"local_time\"").contains("+09:00");
		assertThat(this.cerebras.lastChatRequest().messages().get(1))
			.isEqualTo(new UserMessage(MessageContent.text("What time is it in Tokyo?"), null));
	}

	@Test
	void aPageOfAnotherOriginCannotMakeTheApplicationCallCerebras() throws IOException {
		HttpServer otherOrigin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		byte[] page = attackPage("http://127.0.0.1:" + this.port).getBytes(StandardCharsets.UTF_8);
		otherOrigin.createContext("/", (exchange) -> {
			exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, page.length);
			try (OutputStream body = exchange.getResponseBody()) {
				body.write(page);
			}
		});
		otherOrigin.start();
		try {
			browser.get("http://127.0.0.1:" + otherOrigin.getAddress().getPort() + "/");
			new WebDriverWait(browser, Duration.ofSeconds(10), Duration.ofMillis(20))
				.until((driver) -> "settled".equals(driver.getTitle()));

			@SuppressWarnings("unchecked")
			Map<String, String> outcomes = (Map<String, String>) ((JavascriptExecutor) browser)
				.executeScript("return window.outcomes;");
			assertThat(outcomes).containsEntry("eventSource", "failed").containsEntry("corsFetch", "failed");
			assertThat(this.cerebras.chatRequests()).isEmpty();
		}
		finally {
			otherOrigin.stop(0);
		}
	}

	/**
	 * A page that tries every way a page of another origin has to send the application a prompt, and sets its title
	 * to {@code settled} once each attempt has its outcome in {@code window.outcomes}.
	 */
	private static String attackPage(String application) {
		return """
				<!doctype html>
				<html><head><meta charset="utf-8"><title>attacking</title></head><body>
				<iframe name="sink"></iframe>
				<form id="form" method="post" enctype="text/plain" target="sink" action="APP/api/chat/stream">
				  <input type="hidden" name='{"prompt": "Spend the tokens", "padding": "' value='"}'>
				</form>
				<script>
				const app = 'APP';
				const body = JSON.stringify({ prompt: 'Spend the tokens' });
				const outcome = promise => promise.then(() => 'answered', () => 'failed');
				const attempts = {
				  eventSource: new Promise(resolve => {
				    const source = new EventSource(app + '/api/chat/stream?prompt=Spend+the+tokens');
				    source.onopen = () => { source.close(); resolve('answered'); };
				    source.onerror = () => { source.close(); resolve('failed'); };
				  }),
				  image: new Promise(resolve => {
				    const image = new Image();
				    image.onload = () => resolve('answered');
				    image.onerror = () => resolve('failed');
				    image.src = app + '/api/chat/stream?prompt=Spend+the+tokens';
				  }),
				  noCorsChat: outcome(fetch(app + '/api/chat', { method: 'POST', mode: 'no-cors',
				    headers: { 'Content-Type': 'text/plain' }, body })),
				  noCorsStream: outcome(fetch(app + '/api/chat/stream', { method: 'POST', mode: 'no-cors',
				    headers: { 'Content-Type': 'text/plain' }, body })),
				  corsFetch: outcome(fetch(app + '/api/chat/stream', { method: 'POST',
				    headers: { 'Content-Type': 'application/json' }, body })),
				  form: new Promise(resolve => {
				    document.querySelector('iframe').onload = () => resolve('loaded');
				    document.getElementById('form').submit();
				  })
				};
				Promise.all(Object.values(attempts)).then(values => {
				  window.outcomes = Object.fromEntries(Object.keys(attempts).map((name, i) => [name, values[i]]));
				  document.title = 'settled';
				});
				</script>
				</body></html>
				""".replace("APP", application);
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
