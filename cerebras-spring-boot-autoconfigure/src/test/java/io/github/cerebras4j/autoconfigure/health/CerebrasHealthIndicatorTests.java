package io.github.cerebras4j.autoconfigure.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cerebras4j.autoconfigure.health.HealthWireMock.ReceivedRequests;
import io.github.cerebras4j.client.ReactiveCerebrasTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.scheduler.VirtualTimeScheduler;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.cerebras4j.autoconfigure.health.HealthWireMock.API_KEY;
import static io.github.cerebras4j.autoconfigure.health.HealthWireMock.WARMING;
import static io.github.cerebras4j.autoconfigure.health.HealthWireMock.baseUrl;
import static io.github.cerebras4j.autoconfigure.health.HealthWireMock.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

class CerebrasHealthIndicatorTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	private static final Duration TTL = Duration.ofSeconds(30);

	private static final ReceivedRequests received = new ReceivedRequests();

	@RegisterExtension
	static final WireMockExtension server = HealthWireMock.server(received);

	private final MutableClock clock = new MutableClock();

	private final ReactiveCerebrasTemplate template = template(baseUrl(server));

	@BeforeEach
	void resetCount() {
		received.reset();
	}

	@AfterEach
	void closeTemplate() {
		this.template.close();
	}

	private CerebrasHealthIndicator indicator() {
		return indicator(this.template, baseUrl(server));
	}

	private CerebrasHealthIndicator indicator(ReactiveCerebrasTemplate template, String baseUrl) {
		return new CerebrasHealthIndicator(template, baseUrl, TIMEOUT, TTL, this.clock);
	}

	private CerebrasHealthIndicator indicator(Duration timeout) {
		return new CerebrasHealthIndicator(this.template, baseUrl(server), timeout, TTL, this.clock);
	}

	private static Health check(CerebrasHealthIndicator indicator) {
		return indicator.health().block(Duration.ofSeconds(5));
	}

	private static void answer(int status, String body) {
		server.stubFor(get(WARMING).willReturn(aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody(body)));
	}

	private static void answerOk(int delayMillis) {
		server.stubFor(get(WARMING).willReturn(aResponse().withStatus(200).withFixedDelay(delayMillis)));
	}

	private static int requests() {
		return received.count();
	}

	@Test
	void upWithLatencyAndHostWhenTheApiAnswers() {
		answerOk(100);

		Health health = check(indicator());

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("host", "127.0.0.1").containsOnlyKeys("host", "latency");
		assertThat((String) health.getDetails().get("latency")).matches("\\d+ ms");
		assertThat(requests()).isEqualTo(1);
		server.verify(getRequestedFor(urlEqualTo(WARMING)).withHeader("Authorization",
				WireMock.equalTo("Bearer " + API_KEY)));
	}

	@Test
	void downWithApiKeyRejectedWhenTheServerAnswers401() {
		answer(401, """
				{"message":"Wrong API Key","type":"invalid_request_error","param":"api_key","code":"wrong_api_key"}
				""");

		Health health = check(indicator());

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsOnly(entry("reason", "API key rejected"), entry("host", "127.0.0.1"));
	}

	@Test
	void downWithServerErrorAndStatusWhenTheServerAnswers503() {
		answer(503, """
				{"message":"Service temporarily unavailable","type":"server_error","code":"service_unavailable"}
				""");

		Health health = check(indicator());

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("reason", "server error 503");
	}

	@Test
	void downWithHttpStatusWhenTheServerAnswersAnotherErrorStatus() {
		answer(403, """
				{"message":"Forbidden","type":"permission_denied","code":"forbidden"}
				""");

		Health health = check(indicator());

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("reason", "HTTP 403");
	}

	@Test
	void downWithTimeoutAtTheHealthTimeoutWhenTheServerIsSlow() throws Exception {
		// the server answers after 30 s: the check ends at its timeout, whose timer runs on Reactor's virtual clock
		answerOk(30_000);
		Duration timeout = Duration.ofSeconds(10);
		VirtualTimeScheduler clock = VirtualTimeScheduler.getOrSet();
		try {
			CompletableFuture<Health> health = indicator(timeout).health().toFuture();
			await().atMost(Duration.ofSeconds(5)).until(() -> requests() == 1);

			clock.advanceTimeBy(timeout.minusMillis(1));
			assertThat(health).as("not given up before the timeout").isNotDone();
			clock.advanceTimeBy(Duration.ofMillis(1));

			assertThat(health.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.get().getDetails()).containsEntry("reason", "timeout");
		}
		finally {
			VirtualTimeScheduler.reset();
		}
	}

	@Test
	void downWithUnreachableWithinTheHealthTimeoutWhenNothingListens() {
		// Port 1 (tcpmux) is privileged and never served here; a port found free could be taken meanwhile.
		String closed = "http://127.0.0.1:1";
		try (ReactiveCerebrasTemplate unreachable = template(closed)) {
			Health health = check(indicator(unreachable, closed));

			// refused at once, not ended by the timeout: that would be "timeout"
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("reason", "unreachable");
		}
	}

	@Test
	void resultIsReusedWithinTheCacheTtl() {
		answerOk(0);
		CerebrasHealthIndicator indicator = indicator();

		Health first = check(indicator);
		this.clock.advance(TTL.minusMillis(1));
		Health second = check(indicator);

		assertThat(second).isEqualTo(first);
		assertThat(requests()).isEqualTo(1);
	}

	@Test
	void downResultIsReusedWithinTheCacheTtl() {
		answer(503, "{}");
		CerebrasHealthIndicator indicator = indicator();

		check(indicator);
		this.clock.advance(TTL.minusMillis(1));
		Health second = check(indicator);

		assertThat(second.getStatus()).isEqualTo(Status.DOWN);
		assertThat(requests()).isEqualTo(1);
	}

	@Test
	void apiIsCheckedAgainOnceTheCacheTtlHasPassed() {
		answer(503, "{}");
		CerebrasHealthIndicator indicator = indicator();
		check(indicator);
		answerOk(0);

		this.clock.advance(TTL);
		Health health = check(indicator);

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(requests()).isEqualTo(2);
	}

	@Test
	void concurrentHealthRequestsDuringACheckShareOneRequest() {
		answerOk(300);
		CerebrasHealthIndicator indicator = indicator();

		List<Health> results = Flux.range(0, 16)
			.flatMap((i) -> indicator.health().subscribeOn(Schedulers.boundedElastic()), 16)
			.collectList()
			.block(Duration.ofSeconds(5));

		assertThat(results).hasSize(16).allSatisfy((health) -> assertThat(health.getStatus()).isEqualTo(Status.UP));
		assertThat(requests()).isEqualTo(1);
	}

	@Test
	void checkRunsToItsEndWhenTheHealthRequestIsCancelled() {
		answerOk(300);
		CerebrasHealthIndicator indicator = indicator();

		assertThatIllegalStateException().isThrownBy(() -> indicator.health().block(Duration.ofMillis(50)));
		Health health = check(indicator);

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(requests()).isEqualTo(1);
	}

	@Test
	void detailsNeverContainTheApiKeyOrTheServersMessage() {
		answer(401, """
				{"message":"Wrong API Key: %s","type":"invalid_request_error","code":"wrong_api_key"}
				""".formatted(API_KEY));

		Health health = check(indicator());

		assertThat(health.getDetails()).containsOnlyKeys("reason", "host");
		assertThat(health.toString()).doesNotContain(API_KEY).doesNotContain("Wrong API Key");
	}

	@Test
	void constructorArgumentsAreChecked() {
		String url = baseUrl(server);
		assertThatIllegalArgumentException().isThrownBy(() -> new CerebrasHealthIndicator(null, url, TIMEOUT, TTL))
			.withMessage("'template' must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CerebrasHealthIndicator(this.template, " ", TIMEOUT, TTL))
			.withMessage("'baseUrl' must not be empty");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CerebrasHealthIndicator(this.template, "/v1", TIMEOUT, TTL))
			.withMessage("'baseUrl' must be an absolute URL with a host");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CerebrasHealthIndicator(this.template, url, Duration.ZERO, TTL))
			.withMessage("'timeout' must be positive");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CerebrasHealthIndicator(this.template, url, TIMEOUT, Duration.ofSeconds(-1)))
			.withMessage("'cacheTtl' must not be negative");
	}

	/** A clock that moves only when told. */
	static final class MutableClock extends Clock {

		private final AtomicLong millis = new AtomicLong(1_000_000);

		void advance(Duration duration) {
			this.millis.addAndGet(duration.toMillis());
		}

		@Override
		public long millis() {
			return this.millis.get();
		}

		@Override
		public Instant instant() {
			return Instant.ofEpochMilli(millis());
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

	}

}
