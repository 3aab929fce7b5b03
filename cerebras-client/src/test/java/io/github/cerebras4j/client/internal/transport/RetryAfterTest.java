package io.github.cerebras4j.client.internal.transport;

import java.time.Duration;
import java.time.Instant;

import io.github.cerebras4j.client.internal.RetryAfter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

	/** Fri, 29 Sep 2023 16:26:37 GMT, the instant the official Python SDK's test uses. */
	private static final Instant NOW = Instant.ofEpochSecond(1696004797);

	private static final Duration CAP = Duration.ofSeconds(60);

	@ParameterizedTest(name = "retry-after \"{0}\" is {1} ms, usable: {2}")
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			20                                  | 20000   | true
			0                                   | 0       | false
			-10                                 | -10000  | false
			60                                  | 60000   | true
			61                                  | 61000   | false
			0.1                                 | 100     | true
			Fri, 29 Sep 2023 16:26:57 GMT       | 20000   | true
			Fri, 29 Sep 2023 16:26:37 GMT       | 0       | false
			Fri, 29 Sep 2023 16:26:27 GMT       | -10000  | false
			Fri, 29 Sep 2023 16:27:37 GMT       | 60000   | true
			Fri, 29 Sep 2023 16:27:38 GMT       | 61000   | false
			99999999999999999999999999999999999 | null    | false
			Zun, 29 Sep 2023 16:26:27 GMT       | null    | false
			""")
	void retryAfterIsParsedAsSecondsOrHttpDate(String value, Long millis, boolean usable) {
		HttpHeaders headers = new HttpHeaders();
		headers.add("Retry-After", value);

		Duration hint = RetryAfter.parse(headers, NOW);

		assertThat(hint).isEqualTo((millis != null) ? Duration.ofMillis(millis) : null);
		assertThat(RetryAfter.isUsable(hint, CAP)).isEqualTo(usable);
	}

	@Test
	void emptyRetryAfterIsNoHint() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("retry-after", "");

		assertThat(RetryAfter.parse(headers, NOW)).isNull();
	}

	@Test
	void noHeaderIsNoHint() {
		assertThat(RetryAfter.parse(new HttpHeaders(), NOW)).isNull();
	}

	@Test
	void retryAfterMsIsFloatMilliseconds() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("Retry-After-Ms", "10.5");

		assertThat(RetryAfter.parse(headers, NOW)).isEqualTo(Duration.ofNanos(10_500_000));
	}

	@Test
	void retryAfterMsWinsOverRetryAfter() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("retry-after-ms", "250");
		headers.add("retry-after", "20");

		assertThat(RetryAfter.parse(headers, NOW)).isEqualTo(Duration.ofMillis(250));
	}

	@Test
	void unparseableRetryAfterMsFallsBackToRetryAfter() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("retry-after-ms", "soon");
		headers.add("retry-after", "3");

		assertThat(RetryAfter.parse(headers, NOW)).isEqualTo(Duration.ofSeconds(3));
	}

	@Test
	void zeroRetryAfterMsIsReturnedAsSent() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("retry-after-ms", "0");
		headers.add("retry-after", "3");

		assertThat(RetryAfter.parse(headers, NOW)).isZero();
	}

	@Test
	void hintIsUsableOnlyWhenPositiveAndWithinTheCap() {
		assertThat(RetryAfter.isUsable(Duration.ofSeconds(20), CAP)).isTrue();
		assertThat(RetryAfter.isUsable(CAP, CAP)).isTrue();
		assertThat(RetryAfter.isUsable(Duration.ofNanos(1), CAP)).isTrue();
		assertThat(RetryAfter.isUsable(Duration.ZERO, CAP)).isFalse();
		assertThat(RetryAfter.isUsable(Duration.ofSeconds(-10), CAP)).isFalse();
		assertThat(RetryAfter.isUsable(Duration.ofSeconds(61), CAP)).isFalse();
		assertThat(RetryAfter.isUsable(null, CAP)).isFalse();
	}

}
