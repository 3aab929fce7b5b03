package io.github.cerebras4j.client;

import java.util.List;

import io.github.cerebras4j.client.internal.HeaderChecks;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link HeaderChecks}: names are RFC 9110 tokens, values hold no CR, LF or NUL, and messages name the header but
 * never repeat a value.
 */
class HeaderChecksTests {

	@Test
	void everyTokenCharacterIsAcceptedInAName() {
		String tchars = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

		assertThat(HeaderChecks.name(tchars)).isEqualTo(tchars);
	}

	@Test
	void everyOtherAsciiCharacterIsRejectedInAName() {
		String tchars = "!#$%&'*+-.^_`|~";
		for (char c = 0; c < 128; c++) {
			if (!Character.isLetterOrDigit(c) && tchars.indexOf(c) < 0) {
				String name = "X-" + c;
				assertThatIllegalArgumentException().isThrownBy(() -> HeaderChecks.name(name))
					.withMessageContaining("header name");
			}
		}
		assertThatIllegalArgumentException().isThrownBy(() -> HeaderChecks.name("X-\u00e9"));
		assertThatIllegalArgumentException().isThrownBy(() -> HeaderChecks.name(" "));
		assertThatIllegalArgumentException().isThrownBy(() -> HeaderChecks.name(null));
	}

	@Test
	void aRejectedNameIsShownWithItsControlCharactersEscaped() {
		assertThatIllegalArgumentException().isThrownBy(() -> HeaderChecks.name("X-A\r\nX-B"))
			.withMessageContaining("'X-A\\u000d\\u000aX-B'")
			.withMessageNotContaining("\r")
			.withMessageNotContaining("\n");
	}

	@Test
	void valuesMayHoldAnythingButCrLfAndNul() {
		String value = "tab\tspace ,;:=\"()<>@[]{}\u007f caf\u00e9 \u0001";

		assertThat(HeaderChecks.value("X-Trace", value)).isEqualTo(value);
		assertThat(HeaderChecks.value("X-Trace", "")).isEmpty();
		assertThat(HeaderChecks.optionalValue("X-Trace", null)).isNull();
	}

	@Test
	void aRejectedValueIsNeverRepeated() {
		for (String value : new String[] { "csk-secret\r\n", "csk-secret\n", "csk-secret\r", "csk-secret\0" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> HeaderChecks.value("X-Api-Token", value))
				.withMessageContaining("X-Api-Token")
				.withMessageContaining("CR, LF or NUL")
				.withMessageNotContaining("csk-secret");
		}
		assertThatIllegalArgumentException().isThrownBy(() -> HeaderChecks.value("X-Api-Token", null))
			.withMessageContaining("X-Api-Token");
	}

	@Test
	void headerChecksTheNameAndEveryValueAndCopiesThem() {
		String[] values = { "a", "b" };

		List<String> checked = HeaderChecks.header("X-Trace", values);
		values[0] = "changed";

		assertThat(checked).containsExactly("a", "b");
		assertThatIllegalArgumentException().isThrownBy(() -> HeaderChecks.header("X-Trace", "a", "b\n"));
		assertThatIllegalArgumentException().isThrownBy(() -> HeaderChecks.header("X Trace", "a"));
		assertThatIllegalArgumentException().isThrownBy(() -> HeaderChecks.header("X-Trace", (String[]) null));
	}

}
