package io.github.cerebras4j.client;

import java.time.Duration;

import io.github.cerebras4j.client.core.RequestOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

/**
 * {@link RequestOptions#merge(RequestOptions)}: what a later set of options sets wins, what it leaves unset is kept,
 * and options are checked when they are set.
 */
class RequestOptionsMergeTests {

	private static final RequestOptions FULL = RequestOptions.builder()
		.maxRetries(3)
		.responseTimeout(Duration.ofSeconds(10))
		.streamIdleTimeout(Duration.ofSeconds(20))
		.deadline(Duration.ofSeconds(30))
		.header("X-Team", "a")
		.removeHeader("User-Agent")
		.query("q", "1")
		.extraBody("seed", 7)
		.build();

	@Test
	void laterWinsPerFieldAndUnsetFieldsAreKept() {
		RequestOptions later = RequestOptions.builder().maxRetries(0).deadline(Duration.ofSeconds(5)).build();

		RequestOptions merged = FULL.merge(later);

		assertThat(merged.maxRetries()).isZero();
		assertThat(merged.deadline()).isEqualTo(Duration.ofSeconds(5));
		assertThat(merged.responseTimeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(merged.streamIdleTimeout()).isEqualTo(Duration.ofSeconds(20));
		assertThat(merged.headers().get("X-Team")).containsExactly("a");
		assertThat(merged.removedHeaders()).containsExactly("user-agent");
		assertThat(merged.query()).containsExactly(entry("q", "1"));
		assertThat(merged.extraBody()).containsExactly(entry("seed", 7));
	}

	@Test
	void laterTimeoutsReplaceEarlierOnes() {
		RequestOptions later = RequestOptions.builder()
			.responseTimeout(Duration.ofMillis(200))
			.streamIdleTimeout(Duration.ofMillis(300))
			.build();

		RequestOptions merged = FULL.merge(later);

		assertThat(merged.responseTimeout()).isEqualTo(Duration.ofMillis(200));
		assertThat(merged.streamIdleTimeout()).isEqualTo(Duration.ofMillis(300));
		assertThat(merged.maxRetries()).isEqualTo(3);
	}

	@Test
	void headersAreReplacedWhateverTheCaseOfTheirName() {
		RequestOptions earlier = RequestOptions.builder().header("X-Team", "a").header("X-Keep", "k").build();
		RequestOptions later = RequestOptions.builder().header("x-team", "b").build();

		RequestOptions merged = earlier.merge(later);

		assertThat(merged.headers().get("X-TEAM")).containsExactly("b");
		assertThat(merged.headers().get("X-Keep")).containsExactly("k");
		assertThat(merged.headers().headerNames()).hasSize(2);
	}

	@Test
	void removingAHeaderDropsItFromEarlierOptionsWhateverTheCase() {
		RequestOptions earlier = RequestOptions.builder().header("X-Team", "a").build();
		RequestOptions later = RequestOptions.builder().removeHeader("x-TEAM").build();

		RequestOptions merged = earlier.merge(later);

		assertThat(merged.headers().containsHeader("X-Team")).isFalse();
		assertThat(merged.removedHeaders()).containsExactly("x-team");
	}

	@Test
	void headerSetAfterItsRemovalIsSentAgain() {
		RequestOptions removed = RequestOptions.builder().removeHeader("X-Team").build();
		RequestOptions readded = RequestOptions.builder().header("X-TEAM", "b").build();

		RequestOptions merged = removed.merge(readded);

		assertThat(merged.headers().get("X-Team")).containsExactly("b");
		assertThat(merged.removedHeaders()).isEmpty();
	}

	@Test
	void headerSetAfterItsRemovalInTheSameOptionsIsSent() {
		RequestOptions options = RequestOptions.builder().removeHeader("X-Team").header("x-team", "b").build();

		assertThat(options.headers().get("X-Team")).containsExactly("b");
		assertThat(options.removedHeaders()).isEmpty();
	}

	@Test
	void headerRemovedAfterBeingSetInTheSameOptionsIsNotSent() {
		RequestOptions options = RequestOptions.builder().header("X-Team", "b").removeHeader("X-TEAM").build();

		assertThat(options.headers().containsHeader("X-Team")).isFalse();
		assertThat(options.removedHeaders()).containsExactly("x-team");
	}

	@Test
	void removalSurvivesALaterMergeThatDoesNotSetTheHeader() {
		RequestOptions removed = RequestOptions.builder().removeHeader("X-Team").build();
		RequestOptions unrelated = RequestOptions.builder().header("X-Trace", "t1").build();

		RequestOptions merged = removed.merge(unrelated);

		assertThat(merged.removedHeaders()).containsExactly("x-team");
		assertThat(merged.headers().get("X-Trace")).containsExactly("t1");
	}

	@Test
	void queryAndExtraBodyAreMergedWithTheLaterWinning() {
		RequestOptions earlier = RequestOptions.builder()
			.query("q", "1")
			.query("keep", "k")
			.extraBody("seed", 7)
			.extraBody("top_k", 5)
			.build();
		RequestOptions later = RequestOptions.builder().query("q", "2").extraBody("seed", 8).extraBody("n", null).build();

		RequestOptions merged = earlier.merge(later);

		assertThat(merged.query()).containsOnly(entry("q", "2"), entry("keep", "k"));
		assertThat(merged.extraBody()).containsOnly(entry("seed", 8), entry("top_k", 5), entry("n", null));
	}

	@Test
	void mergingNoneChangesNothing() {
		assertSameOptions(FULL.merge(RequestOptions.NONE), FULL);
		assertSameOptions(RequestOptions.NONE.merge(FULL), FULL);
		assertSameOptions(RequestOptions.NONE.merge(RequestOptions.NONE), RequestOptions.NONE);
	}

	@Test
	void noneSetsNothing() {
		assertThat(RequestOptions.NONE.maxRetries()).isNull();
		assertThat(RequestOptions.NONE.responseTimeout()).isNull();
		assertThat(RequestOptions.NONE.streamIdleTimeout()).isNull();
		assertThat(RequestOptions.NONE.deadline()).isNull();
		assertThat(RequestOptions.NONE.headers().isEmpty()).isTrue();
		assertThat(RequestOptions.NONE.removedHeaders()).isEmpty();
		assertThat(RequestOptions.NONE.query()).isEmpty();
		assertThat(RequestOptions.NONE.extraBody()).isEmpty();
	}

	@Test
	void mergingLeavesBothOriginalsUnchanged() {
		RequestOptions earlier = RequestOptions.builder().header("X-Team", "a").query("q", "1").build();
		RequestOptions later = RequestOptions.builder().removeHeader("X-Team").query("q", "2").build();

		earlier.merge(later);

		assertThat(earlier.headers().get("X-Team")).containsExactly("a");
		assertThat(earlier.removedHeaders()).isEmpty();
		assertThat(earlier.query()).containsExactly(entry("q", "1"));
		assertThat(later.query()).containsExactly(entry("q", "2"));
	}

	@Test
	void negativeMaxRetriesIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> RequestOptions.builder().maxRetries(-1))
			.withMessageContaining("maxRetries")
			.withMessageContaining("-1");
	}

	@Test
	void zeroOrNegativeDurationsAreRejected() {
		for (Duration invalid : new Duration[] { Duration.ZERO, Duration.ofMillis(-1) }) {
			assertThatIllegalArgumentException().isThrownBy(() -> RequestOptions.builder().responseTimeout(invalid))
				.withMessageContaining("responseTimeout must be positive");
			assertThatIllegalArgumentException().isThrownBy(() -> RequestOptions.builder().streamIdleTimeout(invalid))
				.withMessageContaining("streamIdleTimeout must be positive");
			assertThatIllegalArgumentException().isThrownBy(() -> RequestOptions.builder().deadline(invalid))
				.withMessageContaining("deadline must be positive");
		}
	}

	@Test
	void authorizationCanNeitherBeSetNorRemoved() {
		assertThatIllegalArgumentException().isThrownBy(() -> RequestOptions.builder().header("Authorization", "Bearer x"))
			.withMessageContaining("apiKey(..)");
		assertThatIllegalArgumentException().isThrownBy(() -> RequestOptions.builder().removeHeader("authorization"));
	}

	@Test
	void headerParametersAreSetAsHeaders() {
		RequestOptions options = RequestOptions.builder().cfRay("ray-1").amzCfId("amz-1").delayTime(1).build();

		assertThat(options.headers().toSingleValueMap()).containsOnly(entry("CF-RAY", "ray-1"),
				entry("X-Amz-Cf-Id", "amz-1"), entry("X-delay-time", "1.0"));
		assertThat(RequestOptions.builder().delayTime(1.5).build().headers().getFirst("X-delay-time")).isEqualTo("1.5");
	}

	@Test
	void headerParametersMergeLikeOtherHeaders() {
		RequestOptions earlier = RequestOptions.builder().cfRay("ray-1").amzCfId("amz-1").build();
		RequestOptions later = RequestOptions.builder().header("cf-ray", "ray-2").removeHeader("X-Amz-Cf-Id").build();

		RequestOptions merged = earlier.merge(later);

		assertThat(merged.headers().get("CF-RAY")).containsExactly("ray-2");
		assertThat(merged.headers().containsHeader("X-Amz-Cf-Id")).isFalse();
		assertThat(merged.removedHeaders()).containsExactly("x-amz-cf-id");
	}

	@Test
	void headerParametersAreCheckedWhenSetWithoutRepeatingTheValue() {
		for (String value : new String[] { "ray\r\nX-Injected: 1", "ray\nX-Injected: 1", "ray\0X-Injected" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> RequestOptions.builder().cfRay(value))
				.withMessageContaining("CF-RAY")
				.withMessageNotContaining("X-Injected");
			assertThatIllegalArgumentException().isThrownBy(() -> RequestOptions.builder().amzCfId(value))
				.withMessageContaining("X-Amz-Cf-Id")
				.withMessageNotContaining("X-Injected");
		}
		assertThatIllegalArgumentException().isThrownBy(() -> RequestOptions.builder().cfRay(null))
			.withMessageContaining("CF-RAY");
		assertThatIllegalArgumentException().isThrownBy(() -> RequestOptions.builder().amzCfId(null))
			.withMessageContaining("X-Amz-Cf-Id");
		for (double value : new double[] { Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY }) {
			assertThatIllegalArgumentException().isThrownBy(() -> RequestOptions.builder().delayTime(value))
				.withMessageContaining("X-delay-time");
		}
	}

	@Test
	void blankNamesAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> RequestOptions.builder().header(" ", "v"));
		assertThatIllegalArgumentException().isThrownBy(() -> RequestOptions.builder().removeHeader(""));
		assertThatIllegalArgumentException().isThrownBy(() -> RequestOptions.builder().query(" ", "v"));
		assertThatIllegalArgumentException().isThrownBy(() -> RequestOptions.builder().extraBody("", 1));
	}

	@Test
	void headerNamesMustBeTokens() {
		for (String name : new String[] { "X Trace", "X-Trace:", "X-Trace\r\nX-Injected", "X-Tr\u00e4ce", "X\0" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> RequestOptions.builder().header(name, "v"))
				.withMessageContaining("header name");
			assertThatIllegalArgumentException().isThrownBy(() -> RequestOptions.builder().removeHeader(name))
				.withMessageContaining("header name");
		}
	}

	@Test
	void headerValuesMustNotHoldLineBreaksOrNul() {
		for (String value : new String[] { "a\r\nX-Injected: 1", "a\nX-Injected: 1", "a\rX-Injected: 1", "a\0X-Injected" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> RequestOptions.builder().header("X-Trace", "ok", value))
				.withMessageContaining("X-Trace")
				.withMessageNotContaining("X-Injected");
		}
		assertThatIllegalArgumentException().isThrownBy(() -> RequestOptions.builder().header("X-Trace", (String) null))
			.withMessageContaining("X-Trace");
	}

	@Test
	void builtOptionsDoNotChangeWhenTheirBuilderDoes() {
		RequestOptions.Builder builder = RequestOptions.builder().header("X-Team", "a");
		RequestOptions built = builder.build();

		builder.header("X-Later", "b").header("X-Team", "changed").removeHeader("X-Team");

		assertThat(built.headers().toSingleValueMap()).containsExactly(entry("X-Team", "a"));
		assertThat(built.removedHeaders()).isEmpty();
	}

	private static void assertSameOptions(RequestOptions actual, RequestOptions expected) {
		assertThat(actual.maxRetries()).isEqualTo(expected.maxRetries());
		assertThat(actual.responseTimeout()).isEqualTo(expected.responseTimeout());
		assertThat(actual.streamIdleTimeout()).isEqualTo(expected.streamIdleTimeout());
		assertThat(actual.deadline()).isEqualTo(expected.deadline());
		assertThat(actual.headers().toSingleValueMap()).isEqualTo(expected.headers().toSingleValueMap());
		assertThat(actual.removedHeaders()).isEqualTo(expected.removedHeaders());
		assertThat(actual.query()).isEqualTo(expected.query());
		assertThat(actual.extraBody()).isEqualTo(expected.extraBody());
	}

}
