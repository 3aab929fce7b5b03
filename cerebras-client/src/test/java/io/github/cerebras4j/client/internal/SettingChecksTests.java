package io.github.cerebras4j.client.internal;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link SettingChecks}: the messages name what the caller says, builder method or property, and show the
 * value as a property would set it.
 */
class SettingChecksTests {

	@Test
	void messagesStartWithTheNameGiven() {
		assertThatIllegalArgumentException().isThrownBy(() -> SettingChecks.positive("connectTimeout", Duration.ZERO))
			.withMessage("connectTimeout must be positive, was 0s");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SettingChecks.positive("cerebras.timeout.connect", Duration.ofSeconds(-1)))
			.withMessage("cerebras.timeout.connect must be positive, was -1s");
		assertThatIllegalArgumentException().isThrownBy(() -> SettingChecks.positive("connectTimeout", null))
			.withMessage("connectTimeout must not be null");
	}

	@Test
	void integersNameTheirMinimum() {
		assertThatIllegalArgumentException().isThrownBy(() -> SettingChecks.connections("maxConnections", 0))
			.withMessage("maxConnections must be at least 1, was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> SettingChecks.maxRetries("maxRetries", -1))
			.withMessage("maxRetries must not be negative, was -1");
		assertThat(SettingChecks.maxPartialText("maxPartialText", 0)).isZero();
	}

	@Test
	void eventSizeIsPositiveAndAtMostOneGigabyte() {
		assertThat(SettingChecks.maxEventSize("maxEventSize", DataSize.ofGigabytes(1))).isEqualTo(DataSize.ofGigabytes(1));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SettingChecks.maxEventSize("maxEventSize", DataSize.ofBytes(DataSize.ofGigabytes(1).toBytes() + 1)))
			.withMessage("maxEventSize must be positive and at most 1GB, was 1073741825B");
		assertThatIllegalArgumentException().isThrownBy(() -> SettingChecks.maxEventSize("maxEventSize", DataSize.ofBytes(0)))
			.withMessage("maxEventSize must be positive and at most 1GB, was 0B");
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(textBlock = """
			PT0S,          0s
			PT0.5S,        500ms
			PT8S,          8s
			PT-1S,         -1s
			PT10M,         10m
			PT1.5S,        1500ms
			PT2H,          2h
			PT48H,         2d
			PT0.000001S,   1us
			PT0.0000015S,  1500ns
			""")
	void durationsAreShownAsAPropertyWouldSetThem(Duration duration, String shown) {
		assertThat(SettingChecks.show(duration)).isEqualTo(shown);
	}

	@Test
	void hugeDurationsAreShownInIso() {
		assertThat(SettingChecks.show(Duration.ofDays(365L * 1000))).isEqualTo("PT8760000H");
	}

	@Test
	void sizesAreShownAsAPropertyWouldSetThem() {
		assertThat(SettingChecks.show(DataSize.ofMegabytes(4))).isEqualTo("4MB");
		assertThat(SettingChecks.show(DataSize.ofBytes(1500))).isEqualTo("1500B");
		assertThat(SettingChecks.show(DataSize.ofBytes(0))).isEqualTo("0B");
	}

	@Test
	void baseUrlIsTrimmedOfSpacesAndTrailingSlashes() {
		assertThat(SettingChecks.baseUrl("base URL", " https://proxy.example.com/cerebras// "))
			.isEqualTo("https://proxy.example.com/cerebras");
	}

	@ParameterizedTest
	@ValueSource(strings = { "api.cerebras.ai", "ftp://api.cerebras.ai", "/v1", "http://h/p?x=1", "http://h/p#f",
			"http://h p" })
	void baseUrlMustBeAnAbsoluteHttpUrlWithoutQueryOrFragment(String baseUrl) {
		assertThatIllegalArgumentException().isThrownBy(() -> SettingChecks.baseUrl("cerebras.base-url", baseUrl))
			.withMessageStartingWith("cerebras.base-url must be an absolute http or https URL without user "
					+ "information, query or fragment, such as https://api.cerebras.ai, was '" + baseUrl.trim() + "'")
			.withNoCause();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://user:s3cr3t@127.0.0.1:8080", "https://s3cr3t@api.cerebras.ai/v1",
			"ftp://user:s3cr3t@api.cerebras.ai", "http://user:s3cr3t@host name", "http://user:s3cr3t@h@st/v1",
			"user:s3cr3t@api.cerebras.ai", "http://user:s3cr3t@h/p?x=1" })
	void baseUrlMessagesNeverShowUserInformation(String baseUrl) {
		assertThatIllegalArgumentException().isThrownBy(() -> SettingChecks.baseUrl("base URL", baseUrl))
			.withMessageStartingWith("base URL must be an absolute http or https URL")
			.withMessageContaining("***@")
			.withMessageNotContaining("s3cr3t")
			.withNoCause();
	}

	@Test
	void blankBaseUrlIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> SettingChecks.baseUrl("cerebras.base-url", " "))
			.withMessage("cerebras.base-url must not be blank");
	}

	@Test
	void anAtInThePathIsNotMistakenForUserInformation() {
		assertThat(SettingChecks.withoutUserInfo("https://host/a@b")).isEqualTo("https://host/a@b");
		assertThat(SettingChecks.withoutUserInfo("https://u:p@host/a@b")).isEqualTo("https://***@host/a@b");
	}

}
