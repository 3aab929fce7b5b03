package io.github.cerebras4j.client.retry;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.github.cerebras4j.client.error.CerebrasApiException;
import io.github.cerebras4j.client.error.CerebrasConnectionException;
import io.github.cerebras4j.client.error.CerebrasMalformedResponseException;
import io.github.cerebras4j.client.error.CerebrasStreamInterruptedException;
import io.github.cerebras4j.client.error.CerebrasTimeoutException;
import io.github.cerebras4j.client.error.InternalServerException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class CerebrasRetryPolicyTests {

	private final CerebrasRetryPolicy defaults = CerebrasRetryPolicy.defaults();

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(textBlock = """
			400, false
			401, false
			403, false
			404, false
			408, true
			409, true
			418, false
			422, false
			429, true
			500, true
			502, true
			503, true
			504, true
			599, true
			""")
	void statusDecidesByDefault(int status, boolean retried) {
		assertThat(this.defaults.shouldRetry(apiException(status))).isEqualTo(retried);
	}

	@ParameterizedTest(name = "{0} with x-should-retry: {1} -> {2}")
	@CsvSource(textBlock = """
			503, false, false
			429, False, false
			400, true, true
			404, TRUE, true
			422, true, true
			""")
	void shouldRetryHeaderOverridesTheStatus(int status, String shouldRetry, boolean retried) {
		CerebrasApiException exception = apiException(status, "x-should-retry", shouldRetry);

		assertThat(this.defaults.shouldRetry(exception)).isEqualTo(retried);
	}

	@ParameterizedTest(name = "{0} with x-should-retry: {1} -> {2}")
	@CsvSource(textBlock = """
			400, yes, false
			503, maybe, true
			429, '', true
			""")
	void otherShouldRetryValuesLeaveItToTheStatus(int status, String shouldRetry, boolean retried) {
		CerebrasApiException exception = apiException(status, "x-should-retry", shouldRetry);

		assertThat(this.defaults.shouldRetry(exception)).isEqualTo(retried);
	}

	@Test
	void customRetryableStatusesReplaceTheDefaults() {
		CerebrasRetryPolicy policy = CerebrasRetryPolicy.builder().retryableStatuses(Set.of(404, 425)).build();

		assertThat(policy.shouldRetry(apiException(404))).isTrue();
		assertThat(policy.shouldRetry(apiException(425))).isTrue();
		assertThat(policy.shouldRetry(apiException(429))).isFalse();
		assertThat(policy.shouldRetry(apiException(408))).isFalse();
		assertThat(policy.shouldRetry(apiException(503))).isTrue();
	}

	@Test
	void withoutRetryServerErrorsOnlyTheListedStatusesAreRetried() {
		CerebrasRetryPolicy policy = CerebrasRetryPolicy.builder().retryServerErrors(false).build();
		CerebrasRetryPolicy only503 = policy.toBuilder().retryableStatuses(Set.of(503)).build();

		assertThat(policy.shouldRetry(apiException(500))).isFalse();
		assertThat(policy.shouldRetry(apiException(503))).isFalse();
		assertThat(policy.shouldRetry(apiException(429))).isTrue();
		assertThat(policy.shouldRetry(apiException(503, "x-should-retry", "true"))).isTrue();
		assertThat(only503.shouldRetry(apiException(503))).isTrue();
		assertThat(only503.shouldRetry(apiException(502))).isFalse();
	}

	@ParameterizedTest
	@MethodSource("connectionFailures")
	void connectionFailuresAreRetried(CerebrasConnectionException exception) {
		assertThat(this.defaults.shouldRetry(exception)).isTrue();
	}

	static Stream<CerebrasConnectionException> connectionFailures() {
		return Stream.of(new CerebrasConnectionException("Connection refused", null),
				new CerebrasTimeoutException("No response headers within PT1M", null),
				new CerebrasStreamInterruptedException("Stream ended before [DONE]", 3, null));
	}

	@ParameterizedTest
	@MethodSource("otherFailures")
	void otherFailuresAreNotRetried(Throwable exception) {
		assertThat(this.defaults.shouldRetry(exception)).isFalse();
	}

	static Stream<Throwable> otherFailures() {
		return Stream.of(new CerebrasMalformedResponseException("Could not decode a chat completion", "{", null),
				new IllegalStateException("boom"),
				new RuntimeException(new CerebrasConnectionException("Connection reset", null)));
	}

	@Test
	void defaultsAreTheDocumentedConstants() {
		CerebrasBackOff backOff = this.defaults.getBackOff();

		assertThat(CerebrasRetryPolicy.DEFAULT_MAX_RETRIES).isEqualTo(2);
		assertThat(CerebrasRetryPolicy.DEFAULT_INITIAL_DELAY).isEqualTo(Duration.ofMillis(500));
		assertThat(CerebrasRetryPolicy.DEFAULT_MULTIPLIER).isEqualTo(2.0);
		assertThat(CerebrasRetryPolicy.DEFAULT_MAX_DELAY).isEqualTo(Duration.ofSeconds(8));
		assertThat(CerebrasRetryPolicy.DEFAULT_JITTER).isEqualTo(0.25);
		assertThat(CerebrasRetryPolicy.DEFAULT_MAX_RETRY_AFTER).isEqualTo(Duration.ofSeconds(60));
		assertThat(CerebrasRetryPolicy.DEFAULT_RETRYABLE_STATUSES).containsExactlyInAnyOrder(408, 409, 429);
		assertThat(this.defaults.maxRetries()).isEqualTo(CerebrasRetryPolicy.DEFAULT_MAX_RETRIES);
		assertThat(this.defaults.maxRetryAfter()).isEqualTo(CerebrasRetryPolicy.DEFAULT_MAX_RETRY_AFTER);
		assertThat(backOff.maxRetries()).isEqualTo(CerebrasRetryPolicy.DEFAULT_MAX_RETRIES);
		assertThat(backOff.initialDelay()).isEqualTo(CerebrasRetryPolicy.DEFAULT_INITIAL_DELAY);
		assertThat(backOff.multiplier()).isEqualTo(CerebrasRetryPolicy.DEFAULT_MULTIPLIER);
		assertThat(backOff.maxDelay()).isEqualTo(CerebrasRetryPolicy.DEFAULT_MAX_DELAY);
		assertThat(backOff.jitter()).isEqualTo(CerebrasRetryPolicy.DEFAULT_JITTER);
		assertThat(this.defaults.getTimeout()).isEqualTo(Duration.ZERO);
		assertThat(this.defaults).hasToString("CerebrasRetryPolicy[maxRetries=2, initialDelay=PT0.5S, multiplier=2.0, "
				+ "maxDelay=PT8S, jitter=0.25, maxRetryAfter=PT1M, retryableStatuses=[408, 409, 429], "
				+ "retryServerErrors=true]");
	}

	@Test
	void defaultBackOffIsTheSdksBackOff() {
		CerebrasRetryPolicy whole = this.defaults.toBuilder().randomSource(() -> 0).build();
		CerebrasRetryPolicy shortest = this.defaults.toBuilder().randomSource(() -> 1).build();

		assertThat(CerebrasBackOffTests.delays(whole.getBackOff())).containsExactly(500L, 1000L);
		assertThat(CerebrasBackOffTests.delays(shortest.getBackOff())).containsExactly(375L, 750L);
	}

	@Test
	void builderSettingsShapeTheBackOff() {
		CerebrasRetryPolicy policy = CerebrasRetryPolicy.builder()
			.maxRetries(3)
			.initialDelay(Duration.ofMillis(100))
			.multiplier(3.0)
			.maxDelay(Duration.ofMillis(800))
			.jitter(0.5)
			.randomSource(() -> 1)
			.build();

		assertThat(CerebrasBackOffTests.delays(policy.getBackOff())).containsExactly(50L, 150L, 400L);
	}

	@Test
	void withMaxRetriesCopiesAndLeavesTheOriginalUnchanged() {
		CerebrasRetryPolicy original = CerebrasRetryPolicy.builder()
			.initialDelay(Duration.ofMillis(100))
			.retryableStatuses(Set.of(425))
			.randomSource(() -> 0)
			.build();

		CerebrasRetryPolicy copy = original.withMaxRetries(4);

		assertThat(copy.maxRetries()).isEqualTo(4);
		assertThat(CerebrasBackOffTests.delays(copy.getBackOff())).containsExactly(100L, 200L, 400L, 800L);
		assertThat(copy.shouldRetry(apiException(425))).isTrue();
		assertThat(copy.toString()).isEqualTo(original.toString().replace("maxRetries=2", "maxRetries=4"));
		assertThat(original.maxRetries()).isEqualTo(2);
		assertThat(CerebrasBackOffTests.delays(original.getBackOff())).containsExactly(100L, 200L);
	}

	@Test
	void toBuilderKeepsEverySetting() {
		CerebrasRetryPolicy original = CerebrasRetryPolicy.builder()
			.maxRetries(3)
			.initialDelay(Duration.ofMillis(200))
			.multiplier(1.5)
			.maxDelay(Duration.ofSeconds(2))
			.jitter(0.5)
			.maxRetryAfter(Duration.ofSeconds(30))
			.retryableStatuses(Set.of(429, 425))
			.retryServerErrors(false)
			.randomSource(() -> 1)
			.build();

		CerebrasRetryPolicy copy = original.toBuilder().build();

		assertThat(copy).hasToString("CerebrasRetryPolicy[maxRetries=3, initialDelay=PT0.2S, multiplier=1.5, "
				+ "maxDelay=PT2S, jitter=0.5, maxRetryAfter=PT30S, retryableStatuses=[425, 429], "
				+ "retryServerErrors=false]");
		assertThat(copy).hasToString(original.toString());
		assertThat(CerebrasBackOffTests.delays(copy.getBackOff())).containsExactly(100L, 150L, 225L);
		assertThat(copy.shouldRetry(apiException(503))).isFalse();
	}

	@Test
	void builderCopiesTheRetryableStatuses() {
		Set<Integer> statuses = new HashSet<>(Set.of(425));
		CerebrasRetryPolicy.Builder builder = CerebrasRetryPolicy.builder().retryableStatuses(statuses);

		statuses.add(404);

		assertThat(builder.build().shouldRetry(apiException(404))).isFalse();
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("invalidSettings")
	void invalidSettingsAreRejectedByName(Consumer<CerebrasRetryPolicy.Builder> setting, String message) {
		CerebrasRetryPolicy.Builder builder = CerebrasRetryPolicy.builder();
		setting.accept(builder);

		assertThatIllegalArgumentException().isThrownBy(builder::build).withMessage(message);
	}

	static Stream<Arguments> invalidSettings() {
		return Stream.of(
				invalid((builder) -> builder.maxRetries(-1), "maxRetries must not be negative, was -1"),
				invalid((builder) -> builder.initialDelay(Duration.ofMillis(-1)),
						"initialDelay must not be negative, was -1ms"),
				invalid((builder) -> builder.initialDelay(Duration.ofSeconds(10)),
						"maxDelay must not be shorter than initialDelay (10s), was 8s"),
				invalid((builder) -> builder.maxDelay(Duration.ofMillis(100)),
						"maxDelay must not be shorter than initialDelay (500ms), was 100ms"),
				invalid((builder) -> builder.multiplier(0.9),
						"multiplier must be a finite number of at least 1, was 0.9"),
				invalid((builder) -> builder.jitter(1.01), "jitter must be between 0 and 1, was 1.01"),
				invalid((builder) -> builder.jitter(-0.25), "jitter must be between 0 and 1, was -0.25"),
				invalid((builder) -> builder.maxRetryAfter(Duration.ofSeconds(-1)),
						"maxRetryAfter must not be negative, was -1s"),
				invalid((builder) -> builder.retryableStatuses(Set.of(42)),
						"retryableStatuses must be HTTP status codes from 100 to 999, was 42"),
				invalid((builder) -> builder.retryableStatuses(Set.of(1000)),
						"retryableStatuses must be HTTP status codes from 100 to 999, was 1000"));
	}

	@Test
	void withMaxRetriesRejectsANegativeCount() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.defaults.withMaxRetries(-1))
			.withMessage("maxRetries must not be negative, was -1");
	}

	@Test
	void zeroMaxRetryAfterIsAllowed() {
		CerebrasRetryPolicy policy = CerebrasRetryPolicy.builder().maxRetryAfter(Duration.ZERO).build();

		assertThat(policy.maxRetryAfter()).isZero();
	}

	@Test
	void springRetryTemplateMakesMaxRetriesPlusOneAttempts() {
		CerebrasRetryPolicy policy = CerebrasRetryPolicy.builder()
			.initialDelay(Duration.ZERO)
			.maxDelay(Duration.ZERO)
			.build();
		RetryTemplate template = new RetryTemplate(policy);
		AtomicInteger attempts = new AtomicInteger();

		assertThatExceptionOfType(RetryException.class).isThrownBy(() -> template.execute(() -> {
			attempts.incrementAndGet();
			throw apiException(503);
		})).withCauseInstanceOf(InternalServerException.class);
		assertThat(attempts).hasValue(3);
	}

	@Test
	void springRetryTemplateDoesNotRetryANonRetryableFailure() {
		RetryTemplate template = new RetryTemplate(CerebrasRetryPolicy.defaults());
		AtomicInteger attempts = new AtomicInteger();

		assertThatExceptionOfType(RetryException.class).isThrownBy(() -> template.execute(() -> {
			attempts.incrementAndGet();
			throw apiException(400);
		}));
		assertThat(attempts).hasValue(1);
	}

	private static Arguments invalid(Consumer<CerebrasRetryPolicy.Builder> setting, String message) {
		return arguments(setting, message);
	}

	private static CerebrasApiException apiException(int status, String... headerNamesAndValues) {
		HttpHeaders headers = new HttpHeaders();
		for (int i = 0; i < headerNamesAndValues.length; i += 2) {
			headers.add(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
		}
		return CerebrasApiException.of(status, headers, null);
	}

}
