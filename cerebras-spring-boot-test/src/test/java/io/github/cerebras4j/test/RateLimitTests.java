package io.github.cerebras4j.test;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link RateLimit}: its factories, the builder's free-tier defaults and its checks.
 */
class RateLimitTests {

	@Test
	void builderStartsFromTheFreeTier() {
		RateLimit limit = RateLimit.builder().build();

		assertThat(limit.requests()).isEqualTo(14_400);
		assertThat(limit.requestWindow()).isEqualTo(Duration.ofDays(1));
		assertThat(limit.tokens()).isEqualTo(60_000);
		assertThat(limit.tokenWindow()).isEqualTo(Duration.ofMinutes(1));
		assertThat(limit.defaultMaxCompletionTokens()).isEqualTo(RateLimit.DEFAULT_MAX_COMPLETION_TOKENS);
	}

	@Test
	void factoriesCountRequestsAndTokensInWindowsOfOneLength() {
		RateLimit scaled = RateLimit.of(30, 6000, Duration.ofSeconds(2));

		assertThat(scaled).isEqualTo(RateLimit.builder()
			.requests(30, Duration.ofSeconds(2))
			.tokens(6000, Duration.ofSeconds(2))
			.build());
		assertThat(RateLimit.perMinute(30, 6000)).isEqualTo(RateLimit.of(30, 6000, Duration.ofMinutes(1)));
		assertThat(scaled.toBuilder().build()).isEqualTo(scaled).hasSameHashCodeAs(scaled);
		assertThat(scaled.toBuilder().defaultMaxCompletionTokens(10).build()).isNotEqualTo(scaled);
		assertThat(scaled).hasToString(
				"RateLimit[30 requests per PT2S, 6000 tokens per PT2S, defaultMaxCompletionTokens=1024]");
	}

	@Test
	void limitsMustNotBeNegativeAndWindowsAtLeastAMillisecond() {
		assertThatIllegalArgumentException().isThrownBy(() -> RateLimit.builder().requests(-1, Duration.ofMinutes(1)))
			.withMessage("requests must not be negative, was -1");
		assertThatIllegalArgumentException().isThrownBy(() -> RateLimit.builder().tokens(-1, Duration.ofMinutes(1)))
			.withMessage("tokens must not be negative, was -1");
		assertThatIllegalArgumentException().isThrownBy(() -> RateLimit.of(1, 1, Duration.ofNanos(999_999)))
			.withMessage("window must be at least 1ms, was PT0.000999999S");
		assertThatIllegalArgumentException().isThrownBy(() -> RateLimit.of(1, 1, null))
			.withMessage("window must be at least 1ms, was null");
		assertThatIllegalArgumentException().isThrownBy(() -> RateLimit.builder().defaultMaxCompletionTokens(-1))
			.withMessage("defaultMaxCompletionTokens must not be negative, was -1");
		assertThat(RateLimit.of(0, 0, Duration.ofMillis(1)).requests()).as("a budget that admits nothing").isZero();
	}

}
