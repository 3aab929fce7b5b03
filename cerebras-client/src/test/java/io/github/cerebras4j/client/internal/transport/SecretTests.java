package io.github.cerebras4j.client.internal.transport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link Secret} alone: the API key is handed out only by {@link Secret#value()}, never shown by
 * {@link Secret#toString()}, and scrubbed from any text.
 */
class SecretTests {

	private static final String KEY = "csk-secret-0123456789";

	private final Secret secret = new Secret(KEY);

	@Test
	void toStringNeverShowsTheKey() {
		assertThat(this.secret.toString()).isEqualTo("[REDACTED]");
		assertThat("key: " + this.secret).doesNotContain(KEY);
	}

	@Test
	void valueIsTheKey() {
		assertThat(this.secret.value()).isEqualTo(KEY);
	}

	@Test
	void scrubReplacesEveryOccurrence() {
		assertThat(this.secret.scrub("Bearer " + KEY + " is invalid; " + KEY + KEY))
			.isEqualTo("Bearer [REDACTED] is invalid; [REDACTED][REDACTED]");
	}

	@Test
	void scrubLeavesTextWithoutTheKeyAlone() {
		assertThat(this.secret.scrub("csk-secret-01234 is another key")).isEqualTo("csk-secret-01234 is another key");
	}

	@Test
	void blankKeyIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Secret(" ")).withMessageContaining("apiKey");
	}

}
