package io.github.cerebras4j.client;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cerebras4j.client.chat.ChatCompletion;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.core.RateLimits.Window;
import io.github.cerebras4j.client.error.RateLimitException;
import io.github.cerebras4j.client.throttle.BudgetLimits;
import io.github.cerebras4j.client.throttle.LocalBudgetStore;
import io.github.cerebras4j.client.throttle.Remaining;
import io.github.cerebras4j.client.throttle.ThrottleSettings;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The client's throttle end to end against WireMock, on Reactor's virtual time: a call whose budget is short waits for
 * it without a thread and is then sent; one whose budget resets after the longest wait fails at once, unsent and not
 * retried; the server's headers set the budget; usage gives back what was reserved and not used, for streams too.
 */
class ThrottleTests {

	@RegisterExtension
	static WireMockExtension server = CerebrasWireMock.server();

	private static final String CHAT = "/v1/chat/completions";

	private static final String MODEL = "llama3.1-8b";

	private static final Duration NO_HANG = Duration.ofSeconds(10);

	private static final ChatCompletionRequest REQUEST = ChatCompletionRequest.builder()
		.model(MODEL)
		.user("Why is fast inference useful?")
		.maxCompletionTokens(100)
		.build();

	private final TestObservationRegistry observations = TestObservationRegistry.create();

	@BeforeEach
	void answerChat() {
		answerChatWith(aResponse().withHeader("Content-Type", "application/json")
			.withBody(CerebrasWireMock.chatCompletion()));
	}

	@Test
	void aCallWhoseBudgetIsShortWaitsUntilItResetsWithoutAThreadAndIsThenSent() throws Exception {
		try (VirtualClock clock = VirtualClock.install()) {
			LocalBudgetStore store = new LocalBudgetStore(BudgetLimits.NONE.withRequests(Window.MINUTE, 1),
					on(clock));
			try (ReactiveCerebrasTemplate cerebras = CerebrasWireMock.reactive(server)
				.throttle(new ThrottleSettings(store, Duration.ofMinutes(2), 1024))
				.observationRegistry(this.observations)
				.build()) {
				cerebras.chat().completions().create(REQUEST).block(NO_HANG);

				CompletableFuture<ChatCompletion> second = cerebras.chat().completions().create(REQUEST).toFuture();
				assertThat(clock.nextTimer()).as("the wait for the next window").isEqualTo(Duration.ofMinutes(1));
				clock.advanceTimeBy(Duration.ofSeconds(59));
				assertThat(second).as("no thread waits: the call is a pending timer").isNotDone();
				assertThat(chatRequests()).as("not sent before the window resets").isEqualTo(1);
				clock.advanceTimeBy(Duration.ofSeconds(1));

				assertThat(second.get(NO_HANG.toSeconds(), TimeUnit.SECONDS).content())
					.isEqualTo("Fast inference makes AI feel instant.");
				assertThat(chatRequests()).isEqualTo(2);
			}
		}
		assertThat(this.observations).hasNumberOfObservationsWithNameEqualTo("cerebras.client.throttle", 2)
			.hasAnObservationWithAKeyValue("outcome", "admitted");
	}

	@Test
	void aCallWhoseBudgetResetsAfterTheLongestWaitFailsAtOnceUnsentAndIsNotRetried() {
		LocalBudgetStore store = new LocalBudgetStore(BudgetLimits.NONE.withRequests(Window.MINUTE, 1));
		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server)
			.maxRetries(3)
			.throttle(new ThrottleSettings(store, Duration.ofSeconds(10), 1024))
			.observationRegistry(this.observations)
			.build()) {
			cerebras.chat().completions().create(REQUEST);

			assertThatExceptionOfType(RateLimitException.class)
				.isThrownBy(() -> cerebras.chat().completions().create(REQUEST))
				.satisfies((ex) -> {
					assertThat(ex.isThrottled()).isTrue();
					assertThat(ex.statusCode()).isEqualTo(429);
					assertThat(ex.retryAfter()).isBetween(Duration.ofSeconds(50), Duration.ofSeconds(60));
					assertThat(ex.getMessage()).contains("Not sent", "requests per minute", MODEL,
							"cerebras.throttle.max-wait");
				});
		}
		assertThat(chatRequests()).isEqualTo(1);
		assertThat(this.observations).as("one admission per attempt: the refusal was not retried")
			.hasNumberOfObservationsWithNameEqualTo("cerebras.client.throttle", 2)
			.hasAnObservationWithAKeyValue("outcome", "refused");
	}

	@Test
	void theServersRateLimitHeadersSetTheBudget() {
		answerChatWith(aResponse().withHeader("Content-Type", "application/json")
			.withHeader("x-ratelimit-limit-tokens-minute", "100000")
			.withHeader("x-ratelimit-remaining-tokens-minute", "0")
			.withHeader("x-ratelimit-reset-tokens-minute", "42.5")
			.withBody(CerebrasWireMock.chatCompletion()));
		LocalBudgetStore store = new LocalBudgetStore();
		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server)
			.throttle(ThrottleSettings.local().withStore(store).withMaxWait(Duration.ZERO))
			.build()) {
			cerebras.chat().completions().create(REQUEST);
			assertThat(store.remaining()).as("the header's 0 tokens, then what the call reserved and did not use")
				.containsEntry(MODEL, new Remaining(null, estimate(REQUEST) - 24));

			assertThatExceptionOfType(RateLimitException.class)
				.isThrownBy(() -> cerebras.chat().completions().create(REQUEST))
				.satisfies((ex) -> assertThat(ex.retryAfter()).isBetween(Duration.ofSeconds(42),
						Duration.ofMillis(42_500)));
		}
		assertThat(chatRequests()).isEqualTo(1);
	}

	@Test
	void aStreamTakesItsCostAndItsUsageGivesBackWhatItDidNotUse() {
		answerChatWith(aResponse().withHeader("Content-Type", "text/event-stream")
			.withBody(CerebrasWireMock.chatStream(List.of("Fast ", "inference"))));
		LocalBudgetStore store = new LocalBudgetStore(BudgetLimits.NONE.withTokens(Window.MINUTE, 10_000));
		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server)
			.throttle(ThrottleSettings.local().withStore(store))
			.build()) {
			try (CerebrasStream<?> stream = cerebras.chat().completions().stream(REQUEST)) {
				stream.forEach((chunk) -> {
				});
			}
		}
		assertThat(store.remaining()).as("the stream used 14 tokens (its usage), whatever it reserved")
			.containsEntry(MODEL, new Remaining(null, 10_000L - 14));
	}

	@Test
	void aCallWithoutAMaximumReservesTheDefaultCompletionTokensAndKeepsThemWithoutUsage() {
		answerChatWith(aResponse().withHeader("Content-Type", "application/json")
			.withBody(CerebrasWireMock.chatCompletion().replaceAll("(?s),\\s*\"usage\":\\{.*?}}", "")));
		ChatCompletionRequest noMaximum = ChatCompletionRequest.builder().model(MODEL).user("Hi").build();
		LocalBudgetStore store = new LocalBudgetStore(BudgetLimits.NONE.withTokens(Window.MINUTE, 10_000));
		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server)
			.throttle(ThrottleSettings.local().withStore(store).withDefaultCompletionTokens(600))
			.build()) {
			assertThat(cerebras.chat().completions().create(noMaximum).usage()).isNull();
		}
		int bodyBytes = server.getAllServeEvents().get(0).getRequest().getBody().length;
		assertThat(store.remaining()).containsEntry(MODEL, new Remaining(null, 10_000L - 600 - (bodyBytes + 3) / 4));
	}

	@Test
	void callsThatGenerateNothingAreNotThrottled() {
		server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/v1/models")
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody("{\"object\":\"list\",\"data\":[]}")));
		LocalBudgetStore store = new LocalBudgetStore(BudgetLimits.NONE.withRequests(Window.MINUTE, 1));
		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server)
			.throttle(ThrottleSettings.local().withStore(store).withMaxWait(Duration.ZERO))
			.build()) {
			cerebras.models().list();
			cerebras.models().list();
			cerebras.chat().completions().create(REQUEST);
		}
		assertThat(store.remaining()).containsOnlyKeys(MODEL);
	}

	/** What the throttle estimates: the completion maximum and a quarter of the body's bytes. */
	private static long estimate(ChatCompletionRequest request) {
		int bodyBytes = server.getAllServeEvents().get(0).getRequest().getBody().length;
		return request.maxOutputTokens() + (bodyBytes + 3) / 4;
	}

	private static InstantSource on(VirtualClock clock) {
		return () -> Instant.EPOCH.plusNanos(clock.now(TimeUnit.NANOSECONDS));
	}

	private static void answerChatWith(ResponseDefinitionBuilder response) {
		server.stubFor(post(urlEqualTo(CHAT)).willReturn(response));
	}

	private static int chatRequests() {
		await().atMost(NO_HANG).until(() -> server.getAllServeEvents().size() >= 0);
		return server.findAll(postRequestedFor(urlEqualTo(CHAT))).size();
	}

}
