package io.github.cerebras4j.client.retry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.DoubleSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.backoff.BackOffExecution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CerebrasBackOffTests {

	private static final Duration HALF_SECOND = Duration.ofMillis(500);

	private static final Duration EIGHT_SECONDS = Duration.ofSeconds(8);

	@Test
	void delaysDoubleFromTheInitialDelayThenStop() {
		CerebrasBackOff backOff = new CerebrasBackOff(3, HALF_SECOND, 2.0, EIGHT_SECONDS, 0.25, () -> 0);

		BackOffExecution execution = backOff.start();

		assertThat(execution.nextBackOff()).isEqualTo(500);
		assertThat(execution.nextBackOff()).isEqualTo(1000);
		assertThat(execution.nextBackOff()).isEqualTo(2000);
		assertThat(execution.nextBackOff()).isEqualTo(BackOffExecution.STOP);
		assertThat(execution.nextBackOff()).isEqualTo(BackOffExecution.STOP);
	}

	@Test
	void fullJitterShortensEachDelayByTheJitterFraction() {
		CerebrasBackOff backOff = new CerebrasBackOff(3, HALF_SECOND, 2.0, EIGHT_SECONDS, 0.25, () -> 1);

		assertThat(delays(backOff)).containsExactly(375L, 750L, 1500L);
	}

	@Test
	void eachDelayDrawsItsOwnRandomNumber() {
		DoubleSupplier random = sequence(0.0, 1.0, 0.5);
		CerebrasBackOff backOff = new CerebrasBackOff(3, HALF_SECOND, 2.0, EIGHT_SECONDS, 0.25, random);

		assertThat(delays(backOff)).containsExactly(500L, 750L, 1750L);
	}

	@Test
	void jitterNeverLengthensADelay() {
		CerebrasBackOff backOff = new CerebrasBackOff(5, HALF_SECOND, 2.0, EIGHT_SECONDS, 0.25);

		for (int run = 0; run < 200; run++) {
			List<Long> delays = delays(backOff);

			assertThat(delays).hasSize(5);
			assertThat(delays.get(0)).isBetween(375L, 500L);
			assertThat(delays.get(1)).isBetween(750L, 1000L);
			assertThat(delays.get(2)).isBetween(1500L, 2000L);
			assertThat(delays.get(3)).isBetween(3000L, 4000L);
			assertThat(delays.get(4)).isBetween(6000L, 8000L);
		}
	}

	@Test
	void zeroJitterGivesExactDelaysWhateverTheRandomNumber() {
		CerebrasBackOff backOff = new CerebrasBackOff(2, HALF_SECOND, 2.0, EIGHT_SECONDS, 0, () -> 1);

		assertThat(delays(backOff)).containsExactly(500L, 1000L);
	}

	@Test
	void delaysNeverExceedTheMaxDelay() {
		CerebrasBackOff backOff = new CerebrasBackOff(10, HALF_SECOND, 2.0, EIGHT_SECONDS, 0.25, () -> 0);

		assertThat(delays(backOff)).containsExactly(500L, 1000L, 2000L, 4000L, 8000L, 8000L, 8000L, 8000L, 8000L,
				8000L);
	}

	@Test
	void zeroMaxRetriesStopsAtOnce() {
		CerebrasBackOff backOff = new CerebrasBackOff(0, HALF_SECOND, 2.0, EIGHT_SECONDS, 0.25, () -> 0);

		assertThat(backOff.start().nextBackOff()).isEqualTo(BackOffExecution.STOP);
	}

	@Test
	void eachStartIsAnIndependentExecution() {
		CerebrasBackOff backOff = new CerebrasBackOff(2, HALF_SECOND, 2.0, EIGHT_SECONDS, 0.25, () -> 0);
		BackOffExecution first = backOff.start();
		first.nextBackOff();
		first.nextBackOff();

		BackOffExecution second = backOff.start();

		assertThat(first.nextBackOff()).isEqualTo(BackOffExecution.STOP);
		assertThat(second.nextBackOff()).isEqualTo(500);
		assertThat(second.nextBackOff()).isEqualTo(1000);
	}

	@Test
	void initialDelayAndMultiplierAreRespected() {
		CerebrasBackOff backOff = new CerebrasBackOff(4, Duration.ofMillis(100), 3.0, Duration.ofSeconds(1), 0.25,
				() -> 0);

		assertThat(delays(backOff)).containsExactly(100L, 300L, 900L, 1000L);
	}

	@Test
	void multiplierOfOneGivesEqualDelays() {
		CerebrasBackOff backOff = new CerebrasBackOff(3, Duration.ofMillis(250), 1.0, EIGHT_SECONDS, 0.25, () -> 0);

		assertThat(delays(backOff)).containsExactly(250L, 250L, 250L);
	}

	@Test
	void delaysAreRoundedToTheNearestMillisecond() {
		CerebrasBackOff backOff = new CerebrasBackOff(4, Duration.ofMillis(1), 1.5, EIGHT_SECONDS, 0.25, () -> 0);
		CerebrasBackOff halfJitter = new CerebrasBackOff(1, HALF_SECOND, 2.0, EIGHT_SECONDS, 0.25, () -> 0.5);

		assertThat(delays(backOff)).containsExactly(1L, 2L, 2L, 3L);
		assertThat(delays(halfJitter)).containsExactly(438L);
	}

	@Test
	void subMillisecondPartsOfTheDelaysCount() {
		CerebrasBackOff backOff = new CerebrasBackOff(2, Duration.ofNanos(1_600_000), 2.0, EIGHT_SECONDS, 0,
				() -> 0);

		assertThat(delays(backOff)).containsExactly(2L, 3L);
	}

	@Test
	void zeroInitialDelayRetriesAtOnce() {
		CerebrasBackOff backOff = new CerebrasBackOff(3, Duration.ZERO, 2.0, Duration.ZERO, 0.25, () -> 0);

		assertThat(delays(backOff)).containsExactly(0L, 0L, 0L);
	}

	@Test
	void farRetriesStayAtTheMaxDelayWithoutOverflow() {
		CerebrasBackOff backOff = new CerebrasBackOff(5000, HALF_SECOND, 10.0, EIGHT_SECONDS, 0.25, () -> 0);
		CerebrasBackOff longestDelay = new CerebrasBackOff(3, Duration.ofDays(365L * 200), 2.0,
				Duration.ofDays(365L * 250), 0, () -> 0);

		List<Long> delays = delays(backOff);

		assertThat(delays).hasSize(5000);
		assertThat(delays.subList(2, 5000)).containsOnly(8000L);
		assertThat(delays(longestDelay)).containsExactly(Duration.ofDays(365L * 200).toMillis(),
				Duration.ofDays(365L * 250).toMillis(), Duration.ofDays(365L * 250).toMillis());
	}

	/**
	 * The "remaining retries" rows of the Python SDK's {@code test_parse_retry_after_header} (maxRetries 3, no
	 * usable Retry-After): the retry index is {@code 3 - remaining}. The extremes of the jitter give the exact
	 * delay and three quarters of it.
	 */
	@ParameterizedTest(name = "remaining {0} -> {1} s")
	@CsvSource(textBlock = """
			3, 0.5
			2, 1.0
			1, 2.0
			-1100, 8.0
			""")
	void pythonRetryDelayTableIsReproduced(int remainingRetries, double seconds) {
		int retryIndex = 3 - remainingRetries;
		long expected = Math.round(seconds * 1000);

		assertThat(delayOfRetry(retryIndex, () -> 0)).isEqualTo(expected);
		assertThat(delayOfRetry(retryIndex, () -> 1)).isEqualTo(Math.round(expected * 0.75));
	}

	@ParameterizedTest(name = "{5}")
	@CsvSource(delimiter = '|', textBlock = """
			-1 | PT0.5S    | 2.0      | PT8S   | 0.25 | maxRetries must not be negative, was -1
			2  | PT-0.001S | 2.0      | PT8S   | 0.25 | initialDelay must not be negative, was -1ms
			2  | PT0.5S    | 0.5      | PT8S   | 0.25 | multiplier must be a finite number of at least 1, was 0.5
			2  | PT0.5S    | NaN      | PT8S   | 0.25 | multiplier must be a finite number of at least 1, was NaN
			2  | PT0.5S    | Infinity | PT8S   | 0.25 | multiplier must be a finite number of at least 1, was Infinity
			2  | PT0.5S    | 2.0      | PT0.4S | 0.25 | maxDelay must not be shorter than initialDelay (500ms), was 400ms
			2  | PT0.5S    | 2.0      | PT8S   | -0.1 | jitter must be between 0 and 1, was -0.1
			2  | PT0.5S    | 2.0      | PT8S   | 1.5  | jitter must be between 0 and 1, was 1.5
			2  | PT0.5S    | 2.0      | PT8S   | NaN  | jitter must be between 0 and 1, was NaN
			""")
	void invalidSettingsAreRejectedByName(int maxRetries, Duration initialDelay, double multiplier, Duration maxDelay,
			double jitter, String message) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CerebrasBackOff(maxRetries, initialDelay, multiplier, maxDelay, jitter))
			.withMessage(message);
	}

	@Test
	void toStringListsTheSettings() {
		CerebrasBackOff backOff = new CerebrasBackOff(3, HALF_SECOND, 2.0, EIGHT_SECONDS, 0.25);

		assertThat(backOff).hasToString(
				"CerebrasBackOff[maxRetries=3, initialDelay=PT0.5S, multiplier=2.0, maxDelay=PT8S, jitter=0.25]");
	}

	private static long delayOfRetry(int retryIndex, DoubleSupplier random) {
		CerebrasBackOff backOff = new CerebrasBackOff(retryIndex + 1, HALF_SECOND, 2.0, EIGHT_SECONDS, 0.25, random);
		return delays(backOff).get(retryIndex);
	}

	static List<Long> delays(CerebrasBackOff backOff) {
		BackOffExecution execution = backOff.start();
		List<Long> delays = new ArrayList<>();
		for (long delay = execution.nextBackOff(); delay != BackOffExecution.STOP; delay = execution.nextBackOff()) {
			delays.add(delay);
		}
		return delays;
	}

	private static DoubleSupplier sequence(Double... numbers) {
		Iterator<Double> iterator = List.of(numbers).iterator();
		return iterator::next;
	}

}
