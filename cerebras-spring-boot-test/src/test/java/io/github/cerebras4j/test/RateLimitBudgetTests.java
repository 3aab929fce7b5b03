package io.github.cerebras4j.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.cerebras4j.client.CerebrasStream;
import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.client.ReactiveCerebrasTemplate;
import io.github.cerebras4j.client.chat.ChatCompletion;
import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.completions.Completion;
import io.github.cerebras4j.client.completions.CompletionChunk;
import io.github.cerebras4j.client.completions.CompletionRequest;
import io.github.cerebras4j.client.core.CerebrasJson;
import io.github.cerebras4j.client.core.RateLimits;
import io.github.cerebras4j.client.core.RawResponse;
import io.github.cerebras4j.client.core.Usage;
import io.github.cerebras4j.client.error.InternalServerException;
import io.github.cerebras4j.client.error.RateLimitException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The rate-limit budget of {@link CerebrasMockServer}, enforced over real HTTP for several clients: a
 * {@link CerebrasTemplate}, a {@link ReactiveCerebrasTemplate} and raw {@code java.net.http} requests. The
 * server's clock stands still unless a test moves it on, so that windows end when the test says.
 */
@ExtendWith(CerebrasMockServerExtension.class)
class RateLimitBudgetTests {

	private static final Instant START = Instant.parse("2026-03-02T10:15:30.250Z");

	private static final String MODEL = "llama3.1-8b";

	private final CerebrasMockServer server;

	private final MutableClock clock = new MutableClock(START);

	private CerebrasTemplate blocking;

	private ReactiveCerebrasTemplate reactive;

	RateLimitBudgetTests(CerebrasMockServer server) {
		this.server = server;
	}

	@BeforeEach
	void connect() {
		this.server.clock(this.clock);
		this.blocking = CerebrasTemplate.builder()
			.apiKey(CerebrasMockServer.TEST_API_KEY)
			.baseUrl(this.server.baseUrl())
			.environment((name) -> null)
			.maxRetries(0)
			.warmUp(false)
			.build();
		this.reactive = ReactiveCerebrasTemplate.builder()
			.apiKey(CerebrasMockServer.TEST_API_KEY)
			.baseUrl(this.server.baseUrl())
			.environment((name) -> null)
			.maxRetries(0)
			.warmUp(false)
			.build();
	}

	@AfterEach
	void disconnect() {
		this.blocking.close();
		this.reactive.close();
	}

	private static ChatCompletionRequest question(String text) {
		return ChatCompletionRequest.builder().model(MODEL).system("Be brief.").user(text).build();
	}

	private static ChatCompletionRequest question(String text, int maxCompletionTokens) {
		return question(text).toBuilder().maxCompletionTokens(maxCompletionTokens).build();
	}

	private RawResponse<ChatCompletion> create(ChatCompletionRequest request) {
		return this.blocking.chat().completions().withRawResponse().create(request);
	}

	private RateLimitException rejected(ChatCompletionRequest request) {
		try {
			create(request);
		}
		catch (RateLimitException ex) {
			return ex;
		}
		throw new AssertionError("The request was not rejected with 429");
	}

	private static long remainingRequests(RateLimits limits) {
		return limits.requests(RateLimits.Window.DAY).remaining();
	}

	private static long remainingTokens(RateLimits limits) {
		return limits.tokens(RateLimits.Window.MINUTE).remaining();
	}

	/** What a request without a maximum reserves: its prompt and the default completion tokens. */
	private static long reservation(Usage usage) {
		return usage.promptTokens() + RateLimit.DEFAULT_MAX_COMPLETION_TOKENS;
	}

	@Test
	void budgetCountsDownAcrossClients() {
		this.server.rateLimit(5, 10_000, Duration.ofMinutes(1));

		RawResponse<ChatCompletion> first = create(question("First"));
		RawResponse<ChatCompletion> second = this.reactive.chat().completions().withRawResponse()
			.create(question("Second"))
			.block();
		RawResponse<ChatCompletion> third = create(question("Third"));

		long firstTokens = first.getBody().usage().totalTokens();
		long secondTokens = second.getBody().usage().totalTokens();
		long thirdTokens = third.getBody().usage().totalTokens();
		assertThat(List.of(first, second, third)).extracting((response) -> remainingRequests(response.rateLimits()))
			.containsExactly(4L, 3L, 2L);
		// each response counts its own whole reservation, and what the earlier ones really used
		assertThat(List.of(first, second, third)).extracting((response) -> remainingTokens(response.rateLimits()))
			.containsExactly(10_000 - reservation(first.getBody().usage()),
					10_000 - firstTokens - reservation(second.getBody().usage()),
					10_000 - firstTokens - secondTokens - reservation(third.getBody().usage()));
		assertThat(this.server.rateLimitStats().tokensUsed()).isEqualTo(firstTokens + secondTokens + thirdTokens);
		RateLimits.Bucket requests = third.rateLimits().requests(RateLimits.Window.DAY);
		RateLimits.Bucket tokens = third.rateLimits().tokens(RateLimits.Window.MINUTE);
		assertThat(requests.limit()).isEqualTo(5);
		assertThat(tokens.limit()).isEqualTo(10_000);
		assertThat(requests.resetAfter()).isEqualTo(Duration.ofMinutes(1));
		assertThat(tokens.resetAfter()).isEqualTo(Duration.ofMinutes(1));
		RateLimitStats stats = this.server.rateLimitStats();
		assertThat(stats.requestsAdmitted()).isEqualTo(3);
		assertThat(stats.requestsRejected()).isZero();
		assertThat(stats.tokensUsed()).isEqualTo(firstTokens + secondTokens + thirdTokens);
		assertThat(stats.windows()).extracting(RateLimitStats.Window::index, RateLimitStats.Window::start,
				RateLimitStats.Window::tokensUsed)
			.containsExactly(tuple(0L, START, firstTokens + secondTokens + thirdTokens));
	}

	@Test
	void requestOverTheRequestLimitGets429WithRetryAfterAndTheHeaders() {
		this.server.rateLimit(2, 100_000, Duration.ofSeconds(2));
		this.clock.advance(Duration.ofMillis(500));
		create(question("One"));
		this.reactive.chat().completions().create(question("Two")).block();

		RateLimitException error = rejected(question("Three"));

		assertThat(error.statusCode()).isEqualTo(429);
		assertThat(error.retryAfter()).isEqualTo(Duration.ofMillis(1500));
		assertThat(error.error().message())
			.isEqualTo("Requests per 2 seconds limit exceeded - too many requests sent.");
		assertThat(error.error().type()).isEqualTo("too_many_requests_error");
		assertThat(error.error().param()).isEqualTo("quota");
		assertThat(error.error().code()).isEqualTo("request_quota_exceeded");
		RateLimits.Bucket requests = error.rateLimits().requests(RateLimits.Window.DAY);
		assertThat(requests.limit()).isEqualTo(2);
		assertThat(requests.remaining()).isZero();
		assertThat(requests.resetAfter()).isEqualTo(Duration.ofMillis(1500));
		assertThat(error.rateLimits().tokens(RateLimits.Window.MINUTE).remaining())
			.isEqualTo(100_000 - this.server.rateLimitStats().tokensUsed());
		assertThat(this.server.chatRequests()).as("received, and rejected").hasSize(3);
		assertThat(this.server.rateLimitStats().requestsAdmitted()).isEqualTo(2);
		assertThat(this.server.rateLimitStats().requestsRejected()).isEqualTo(1);
	}

	@Test
	void rejectionOnTheWireHasTheApisBodyRetryAfterInSecondsAndTheSixHeaders() throws Exception {
		this.server.rateLimit(0, 1000, Duration.ofSeconds(2));
		this.clock.advance(Duration.ofNanos(250_000_001));

		HttpResponse<String> response = post("/v1/chat/completions", CerebrasJson.toJson(question("Hi")));

		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("retry-after")).as("1.749999999 s, rounded up to the millisecond")
			.hasValue("1.75");
		assertThat(response.headers().firstValue("x-ratelimit-limit-requests-day")).hasValue("0");
		assertThat(response.headers().firstValue("x-ratelimit-limit-tokens-minute")).hasValue("1000");
		assertThat(response.headers().firstValue("x-ratelimit-remaining-requests-day")).hasValue("0");
		assertThat(response.headers().firstValue("x-ratelimit-remaining-tokens-minute")).hasValue("1000");
		assertThat(response.headers().firstValue("x-ratelimit-reset-requests-day")).hasValue("1.749999999");
		assertThat(response.headers().firstValue("x-ratelimit-reset-tokens-minute")).hasValue("1.749999999");
		JsonNode body = CerebrasJson.mapper().readTree(response.body());
		assertThat(body.get("message").stringValue())
			.isEqualTo("Requests per 2 seconds limit exceeded - too many requests sent.");
		assertThat(body.get("type").stringValue()).isEqualTo("too_many_requests_error");
		assertThat(body.get("param").stringValue()).isEqualTo("quota");
		assertThat(body.get("code").stringValue()).isEqualTo("request_quota_exceeded");
	}

	@Test
	void tokenLimitRejectsAReservationThatDoesNotFitAndAdmitsASmallerOne() {
		int prompt = Answer.promptTokens(question("Count"));
		this.server.rateLimit(10, prompt + 100);

		RateLimitException error = rejected(question("Count", 101));
		RawResponse<ChatCompletion> admitted = create(question("Count", 100));

		assertThat(error.error().code()).isEqualTo("token_quota_exceeded");
		assertThat(error.error().message())
			.isEqualTo("Tokens per minute limit exceeded - too many tokens processed.");
		assertThat(error.retryAfter()).isEqualTo(Duration.ofMinutes(1));
		assertThat(remainingTokens(error.rateLimits())).isEqualTo(prompt + 100);
		assertThat(admitted.getBody().usage().promptTokens()).isEqualTo(prompt);
		assertThat(remainingTokens(admitted.rateLimits())).as("the whole reservation counted in the answer's headers")
			.isZero();
	}

	@Test
	void unusedPartOfTheReservationIsGivenBackAfterTheAnswer() {
		this.server.reply("one two three");
		int prompt = Answer.promptTokens(question("Count"));
		this.server.rateLimit(10, prompt + 500);

		RawResponse<ChatCompletion> first = create(question("Count", 500));
		// fits only if the 497 completion tokens the first answer did not use came back
		RawResponse<ChatCompletion> second = create(question("Count", 497 - prompt));

		assertThat(first.getBody().usage().completionTokens()).isEqualTo(3);
		assertThat(remainingTokens(first.rateLimits())).as("the answer's headers count the whole reservation").isZero();
		assertThat(remainingTokens(second.rateLimits())).as("497 given back, all reserved again").isZero();
		assertThat(this.server.rateLimitStats().tokensUsed()).isEqualTo(2 * (prompt + 3));
	}

	@Test
	void requestWithoutAMaximumReservesTheDefaultCompletionTokens() {
		int prompt = Answer.promptTokens(question("Hi"));
		this.server.rateLimit(10, prompt + RateLimit.DEFAULT_MAX_COMPLETION_TOKENS - 1);
		RateLimitException tooMuch = rejected(question("Hi"));

		this.server.rateLimit(10, prompt + RateLimit.DEFAULT_MAX_COMPLETION_TOKENS);
		RawResponse<ChatCompletion> fits = create(question("Hi"));

		this.server.rateLimit(RateLimit.builder()
			.tokens(prompt + 100, Duration.ofMinutes(1))
			.defaultMaxCompletionTokens(100)
			.build());
		RawResponse<ChatCompletion> fitsTheSmallerDefault = create(question("Hi"));

		assertThat(tooMuch.error().code()).isEqualTo("token_quota_exceeded");
		assertThat(fits.getStatusCode().value()).isEqualTo(200);
		assertThat(fitsTheSmallerDefault.getStatusCode().value()).isEqualTo(200);
	}

	@Test
	void textCompletionsReserveTheirMaxTokens() {
		CompletionRequest request = CompletionRequest.builder().model(MODEL).prompt("Once upon").maxTokens(50).build();
		int prompt = Answer.promptTokens(request.prompt());
		this.server.rateLimit(10, prompt + 49);

		RateLimitException error = (RateLimitException) catchThrowable(
				() -> this.blocking.completions().create(request));
		Completion smaller = this.blocking.completions().create(request.toBuilder().maxTokens(49).build());

		assertThat(error.error().code()).isEqualTo("token_quota_exceeded");
		assertThat(smaller.usage().promptTokens()).isEqualTo(prompt);
	}

	@Test
	void streamedRequestsAndTextCompletionsCount() {
		this.server.rateLimit(3, 10_000, Duration.ofMinutes(1));
		List<ChatCompletionChunk> chatChunks = new ArrayList<>();
		List<CompletionChunk> textChunks = new ArrayList<>();
		CompletionRequest text = CompletionRequest.builder().model(MODEL).prompt("Once").build();

		RateLimits chatLimits;
		try (CerebrasStream<ChatCompletionChunk> stream = this.blocking.chat().completions().stream(question("Hi"))) {
			chatLimits = stream.response().rateLimits();
			stream.forEach(chatChunks::add);
		}
		RateLimits textLimits;
		try (CerebrasStream<CompletionChunk> stream = this.blocking.completions().stream(text)) {
			textLimits = stream.response().rateLimits();
			stream.forEach(textChunks::add);
		}
		RawResponse<Completion> completion = this.blocking.completions().withRawResponse().create(text);
		Throwable overBudget = catchThrowable(() -> {
			try (CerebrasStream<ChatCompletionChunk> stream = this.blocking.chat().completions()
				.stream(question("Hi"))) {
				stream.forEach((chunk) -> {
				});
			}
		});

		long chatTokens = chatChunks.get(chatChunks.size() - 1).usage().totalTokens();
		long textTokens = textChunks.get(textChunks.size() - 1).usage().totalTokens();
		long completionTokens = completion.getBody().usage().totalTokens();
		assertThat(remainingRequests(chatLimits)).isEqualTo(2);
		assertThat(remainingTokens(chatLimits))
			.isEqualTo(10_000 - reservation(chatChunks.get(chatChunks.size() - 1).usage()));
		assertThat(remainingRequests(textLimits)).isEqualTo(1);
		assertThat(remainingTokens(textLimits))
			.isEqualTo(10_000 - chatTokens - reservation(textChunks.get(textChunks.size() - 1).usage()));
		assertThat(remainingRequests(completion.rateLimits())).isZero();
		assertThat(remainingTokens(completion.rateLimits()))
			.isEqualTo(10_000 - chatTokens - textTokens - reservation(completion.getBody().usage()));
		assertThat(overBudget).isInstanceOf(RateLimitException.class);
		assertThat(this.server.rateLimitStats().tokensUsed()).isEqualTo(chatTokens + textTokens + completionTokens);
	}

	@Test
	void windowResetsAtItsEnd() {
		this.server.rateLimit(1, 100_000, Duration.ofSeconds(2));
		RawResponse<ChatCompletion> first = create(question("One"));
		this.clock.advance(Duration.ofMillis(1999));
		RateLimitException lastMillisecond = rejected(question("Two"));

		this.clock.advance(Duration.ofMillis(1));
		RawResponse<ChatCompletion> nextWindow = create(question("Three"));

		assertThat(lastMillisecond.retryAfter()).isEqualTo(Duration.ofMillis(1));
		assertThat(remainingRequests(nextWindow.rateLimits())).isZero();
		assertThat(remainingTokens(nextWindow.rateLimits()))
			.isEqualTo(100_000 - reservation(nextWindow.getBody().usage()));
		assertThat(nextWindow.rateLimits().requests(RateLimits.Window.DAY).resetAfter())
			.isEqualTo(Duration.ofSeconds(2));
		assertThat(this.server.rateLimitStats().windows())
			.extracting(RateLimitStats.Window::index, RateLimitStats.Window::start,
					RateLimitStats.Window::requestsAdmitted, RateLimitStats.Window::requestsRejected,
					RateLimitStats.Window::tokensUsed)
			.containsExactly(tuple(0L, START, 1L, 1L, (long) first.getBody().usage().totalTokens()),
					tuple(1L, START.plusSeconds(2), 1L, 0L, (long) nextWindow.getBody().usage().totalTokens()));
	}

	@Test
	void requestAndTokenWindowsEachResetAtTheirOwnEnd() {
		int prompt = Answer.promptTokens(question("Hi"));
		this.server.rateLimit(RateLimit.builder()
			.requests(2, Duration.ofSeconds(10))
			.tokens(prompt + 100, Duration.ofSeconds(2))
			.build());
		create(question("Hi", 100));
		RateLimitException tokensSpent = rejected(question("Hi", 100));

		this.clock.advance(Duration.ofSeconds(2));
		RawResponse<ChatCompletion> newTokenWindow = create(question("Hi", 100));
		RateLimitException requestsSpent = rejected(question("Hi", 1));

		assertThat(tokensSpent.error().code()).isEqualTo("token_quota_exceeded");
		assertThat(tokensSpent.retryAfter()).isEqualTo(Duration.ofSeconds(2));
		assertThat(newTokenWindow.rateLimits().requests(RateLimits.Window.DAY).resetAfter())
			.isEqualTo(Duration.ofSeconds(8));
		assertThat(newTokenWindow.rateLimits().tokens(RateLimits.Window.MINUTE).resetAfter())
			.isEqualTo(Duration.ofSeconds(2));
		assertThat(requestsSpent.error().code()).isEqualTo("request_quota_exceeded");
		assertThat(requestsSpent.retryAfter()).isEqualTo(Duration.ofSeconds(8));
	}

	@Test
	void eachModelHasABudgetOfItsOwn() {
		this.server.rateLimit(1, 100_000);
		create(question("Hi"));
		rejected(question("Hi"));

		RawResponse<ChatCompletion> otherModel = create(question("Hi").toBuilder().model("qwen-3-32b").build());

		assertThat(remainingRequests(otherModel.rateLimits())).isZero();
		assertThat(this.server.rateLimitStats(MODEL).requestsAdmitted()).isEqualTo(1);
		assertThat(this.server.rateLimitStats(MODEL).requestsRejected()).isEqualTo(1);
		assertThat(this.server.rateLimitStats("qwen-3-32b").requestsAdmitted()).isEqualTo(1);
		assertThat(this.server.rateLimitStats("qwen-3-32b").requestsRejected()).isZero();
		assertThat(this.server.rateLimitStats().requestsAdmitted()).isEqualTo(2);
		assertThat(this.server.rateLimitStats("gpt-oss-120b")).isEqualTo(RateLimitStats.NONE);
	}

	@Test
	void modelResponsesCarryTheBudgetsHeadersAndUseNothing() throws Exception {
		this.server.rateLimit(5, 10_000, Duration.ofSeconds(30));
		long used = create(question("Hi")).getBody().usage().totalTokens();

		HttpResponse<String> model = get("/v1/models/" + MODEL);
		HttpResponse<String> list = get("/v1/models");
		RawResponse<ChatCompletion> next = create(question("Hi"));

		assertThat(model.headers().firstValue("x-ratelimit-remaining-requests-day")).hasValue("4");
		assertThat(model.headers().firstValue("x-ratelimit-remaining-tokens-minute"))
			.hasValue(Long.toString(10_000 - used));
		assertThat(model.headers().firstValue("x-ratelimit-reset-tokens-minute")).hasValue("30");
		assertThat(list.headers().firstValue("x-ratelimit-limit-requests-day")).hasValue("5");
		assertThat(list.headers().firstValue("x-ratelimit-remaining-requests-day")).as("no model's quota")
			.hasValue("5");
		assertThat(remainingRequests(next.rateLimits())).isEqualTo(3);
	}

	@Test
	void budgetReplacesTheScriptedHeadersUntilReset() {
		this.server.rateLimitHeaders(42, 1234).rateLimit(1, 10_000, Duration.ofMinutes(1));
		RawResponse<ChatCompletion> budgeted = create(question("Hi"));
		rejected(question("Hi"));

		this.server.reset();
		RawResponse<ChatCompletion> afterReset = create(question("Hi"));
		RawResponse<ChatCompletion> again = create(question("Hi"));

		assertThat(remainingRequests(budgeted.rateLimits())).isZero();
		assertThat(budgeted.rateLimits().requests(RateLimits.Window.DAY).limit()).isEqualTo(1);
		assertThat(this.server.rateLimitStats()).isEqualTo(RateLimitStats.NONE);
		assertThat(afterReset.rateLimits().requests(RateLimits.Window.DAY).limit())
			.isEqualTo(RateLimit.FREE_TIER_REQUESTS_PER_DAY);
		assertThat(remainingRequests(afterReset.rateLimits())).isEqualTo(RateLimit.FREE_TIER_REQUESTS_PER_DAY - 1);
		assertThat(remainingRequests(again.rateLimits())).isEqualTo(RateLimit.FREE_TIER_REQUESTS_PER_DAY - 2);
	}

	@Test
	void requestTheScriptFailsCountsButUsesNoTokens() {
		this.server.rateLimit(1, 10_000).failWith(500, "Model crashed");

		InternalServerException failed = (InternalServerException) catchThrowable(() -> create(question("Hi")));
		this.server.fault(CerebrasMockServer.Fault.CONNECTION_RESET);
		RateLimitException overBudget = rejected(question("Hi"));

		assertThat(remainingRequests(failed.rateLimits())).isZero();
		assertThat(remainingTokens(failed.rateLimits())).as("the reservation, counted until the failure gave it back")
			.isEqualTo(10_000 - Answer.promptTokens(question("Hi")) - RateLimit.DEFAULT_MAX_COMPLETION_TOKENS);
		assertThat(overBudget.error().code()).as("429 wins over the scripted fault")
			.isEqualTo("request_quota_exceeded");
		assertThat(this.server.rateLimitStats().tokensUsed()).isZero();
	}

	@Test
	void reservationOfARequestWhoseReplierThrowsIsGivenBack() {
		int prompt = Answer.promptTokens(question("Hi"));
		this.server.rateLimit(10, prompt + RateLimit.DEFAULT_MAX_COMPLETION_TOKENS).replyWith((request) -> {
			throw new IllegalStateException("The replier failed");
		});
		Throwable failed = catchThrowable(() -> create(question("Hi")));

		this.server.reply("Fine.");
		RawResponse<ChatCompletion> fits = create(question("Hi"));

		assertThat(failed).isNotNull().isNotInstanceOf(RateLimitException.class);
		assertThat(fits.getBody().content()).isEqualTo("Fine.");
		assertThat(this.server.rateLimitStats().requestsAdmitted()).isEqualTo(2);
	}

	@Test
	void concurrentClientsNeverGetMoreRequestsThanTheBudget() throws Exception {
		this.server.rateLimit(10, 1_000_000, Duration.ofMinutes(1));

		List<HttpResponse<String>> responses = postTogether(40, question("Hi"));

		assertThat(responses).filteredOn((response) -> response.statusCode() == 200).hasSize(10);
		assertThat(responses).filteredOn((response) -> response.statusCode() == 429).hasSize(30);
		assertThat(this.server.rateLimitStats().requestsAdmitted()).isEqualTo(10);
		assertThat(this.server.rateLimitStats().requestsRejected()).isEqualTo(30);
		assertThat(responses).extracting((response) -> response.headers()
			.firstValue("x-ratelimit-remaining-requests-day")
			.orElseThrow()).filteredOn("0"::equals).hasSizeGreaterThanOrEqualTo(31);
	}

	@Test
	void concurrentClientsNeverGetMoreTokensThanTheBudget() throws Exception {
		this.server.reply("one two three four five");
		ChatCompletionRequest request = question("Count", 5);
		int cost = Answer.promptTokens(request) + 5;
		this.server.rateLimit(1000, 7L * cost + cost / 2);

		List<HttpResponse<String>> responses = postTogether(40, request);

		assertThat(responses).filteredOn((response) -> response.statusCode() == 200).hasSize(7);
		assertThat(responses).filteredOn((response) -> response.statusCode() == 429)
			.allSatisfy((response) -> assertThat(response.body()).contains("token_quota_exceeded"))
			.hasSize(33);
		assertThat(this.server.rateLimitStats().tokensUsed()).isEqualTo(7L * cost);
	}

	private List<HttpResponse<String>> postTogether(int clients, ChatCompletionRequest request) throws Exception {
		String body = CerebrasJson.toJson(request);
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(clients);
		try {
			List<Future<HttpResponse<String>>> futures = new ArrayList<>();
			for (int i = 0; i < clients; i++) {
				futures.add(executor.submit(() -> {
					start.await();
					return http.send(postRequest("/v1/chat/completions", body), HttpResponse.BodyHandlers.ofString());
				}));
			}
			start.countDown();
			List<HttpResponse<String>> responses = new ArrayList<>();
			for (Future<HttpResponse<String>> future : futures) {
				responses.add(future.get(30, TimeUnit.SECONDS));
			}
			return responses;
		}
		finally {
			executor.shutdownNow();
		}
	}

	private HttpResponse<String> post(String path, String body) throws Exception {
		return HttpClient.newHttpClient().send(postRequest(path, body), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest postRequest(String path, String body) {
		return HttpRequest.newBuilder(URI.create(this.server.baseUrl() + path))
			.header("Authorization", "Bearer " + CerebrasMockServer.TEST_API_KEY)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private HttpResponse<String> get(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.server.baseUrl() + path))
				.header("Authorization", "Bearer " + CerebrasMockServer.TEST_API_KEY)
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
