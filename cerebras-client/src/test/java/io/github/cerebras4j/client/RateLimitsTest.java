package io.github.cerebras4j.client;

import java.time.Duration;

import io.github.cerebras4j.client.core.RateLimits;
import io.github.cerebras4j.client.core.RateLimits.Bucket;
import io.github.cerebras4j.client.core.RateLimits.Window;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RateLimitsTest {

	@Test
	void documentedHeadersAreParsedWithFractionalResets() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("x-ratelimit-limit-requests-day", "1000000000");
		headers.add("x-ratelimit-limit-tokens-minute", "1000000000");
		headers.add("x-ratelimit-remaining-requests-day", "999997455");
		headers.add("x-ratelimit-remaining-tokens-minute", "999998298");
		headers.add("x-ratelimit-reset-requests-day", "33011.382867097855");
		headers.add("x-ratelimit-reset-tokens-minute", "11.382867097854614");

		RateLimits limits = RateLimits.from(headers);

		assertThat(limits.requests(Window.DAY))
			.isEqualTo(new Bucket(1000000000L, 999997455L, Duration.ofSeconds(33011, 382867098)));
		assertThat(limits.tokens(Window.MINUTE))
			.isEqualTo(new Bucket(1000000000L, 999998298L, Duration.ofSeconds(11, 382867098)));
		assertThat(limits.requests()).containsOnlyKeys(Window.DAY);
		assertThat(limits.tokens()).containsOnlyKeys(Window.MINUTE);
		assertThat(limits.isEmpty()).isFalse();
	}

	@Test
	void hourAndMinuteVariantsOfBothResourcesAreParsed() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("x-ratelimit-limit-requests-hour", "900");
		headers.add("x-ratelimit-remaining-requests-hour", "899");
		headers.add("x-ratelimit-reset-requests-hour", "1800.5");
		headers.add("x-ratelimit-limit-requests-minute", "30");
		headers.add("x-ratelimit-limit-tokens-hour", "1000000");
		headers.add("x-ratelimit-limit-tokens-day", "1000000");

		RateLimits limits = RateLimits.from(headers);

		assertThat(limits.requests(Window.HOUR)).isEqualTo(new Bucket(900L, 899L, Duration.ofMillis(1800500)));
		assertThat(limits.requests(Window.MINUTE)).isEqualTo(new Bucket(30L, null, null));
		assertThat(limits.tokens(Window.HOUR)).isEqualTo(new Bucket(1000000L, null, null));
		assertThat(limits.tokens(Window.DAY)).isEqualTo(new Bucket(1000000L, null, null));
		assertThat(limits.requests(Window.DAY)).isNull();
		assertThat(limits.tokens(Window.MINUTE)).isNull();
	}

	@Test
	void headerNamesAreCaseInsensitive() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("X-RateLimit-Remaining-Tokens-Minute", "59000");
		headers.add("X-RATELIMIT-RESET-TOKENS-MINUTE", "2");

		RateLimits limits = RateLimits.from(headers);

		assertThat(limits.tokens(Window.MINUTE)).isEqualTo(new Bucket(null, 59000L, Duration.ofSeconds(2)));
	}

	@Test
	void countsSentAsFloatsAreAccepted() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("x-ratelimit-limit-tokens-minute", "60000.0");
		headers.add("x-ratelimit-remaining-tokens-minute", " 1.5e3 ");

		RateLimits limits = RateLimits.from(headers);

		assertThat(limits.tokens(Window.MINUTE)).isEqualTo(new Bucket(60000L, 1500L, null));
	}

	@Test
	void garbageValuesAreIgnoredWhileGoodOnesAreKept() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("x-ratelimit-limit-requests-day", "lots");
		headers.add("x-ratelimit-remaining-requests-day", "");
		headers.add("x-ratelimit-reset-requests-day", "1m2s");
		headers.add("x-ratelimit-limit-tokens-minute", "NaN");
		headers.add("x-ratelimit-remaining-tokens-minute", "1e400");
		headers.add("x-ratelimit-reset-tokens-minute", "1e300");
		headers.add("x-ratelimit-limit-tokens-day", "100");

		RateLimits limits = RateLimits.from(headers);

		assertThat(limits.requests()).isEmpty();
		assertThat(limits.tokens()).containsOnlyKeys(Window.DAY);
		assertThat(limits.tokens(Window.DAY)).isEqualTo(new Bucket(100L, null, null));
	}

	@Test
	void headersOutsideTheFamilyAreIgnored() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("x-ratelimit-limit-requests-week", "5");
		headers.add("x-ratelimit-used-requests-day", "5");
		headers.add("x-ratelimit-limit-requests", "5");
		headers.add("x-ratelimit-limit-images-day", "5");

		assertThat(RateLimits.from(headers)).isSameAs(RateLimits.NONE);
	}

	@Test
	void noRateLimitHeadersGiveNone() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("content-type", "application/json");

		RateLimits limits = RateLimits.from(headers);

		assertThat(limits).isSameAs(RateLimits.NONE);
		assertThat(limits.isEmpty()).isTrue();
		assertThat(RateLimits.from(HttpHeaders.EMPTY).isEmpty()).isTrue();
	}

	@Test
	void bucketMapsAreUnmodifiable() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("x-ratelimit-limit-requests-day", "10");

		RateLimits limits = RateLimits.from(headers);

		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> limits.requests().put(Window.HOUR, new Bucket(1L, null, null)));
	}

}
