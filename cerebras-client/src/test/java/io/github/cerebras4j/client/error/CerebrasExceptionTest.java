package io.github.cerebras4j.client.error;

import java.io.IOException;
import java.net.ConnectException;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class CerebrasExceptionTest {

	@Test
	void statusExceptionsAreApiExceptionsAndCerebrasExceptions() {
		CerebrasApiException exception = CerebrasApiException.of(429, HttpHeaders.EMPTY, null);

		assertThat(exception).isInstanceOf(RateLimitException.class)
			.isInstanceOf(CerebrasApiException.class)
			.isInstanceOf(CerebrasException.class)
			.isInstanceOf(RuntimeException.class)
			.isNotInstanceOf(CerebrasConnectionException.class);
	}

	@Test
	void timeoutIsAConnectionException() {
		IOException cause = new IOException("read timed out");

		CerebrasTimeoutException exception = new CerebrasTimeoutException("Request timed out after 60s", cause);

		assertThat(exception).isInstanceOf(CerebrasConnectionException.class)
			.isInstanceOf(CerebrasException.class)
			.hasMessage("Request timed out after 60s")
			.hasCause(cause);
	}

	@Test
	void connectionExceptionKeepsTheCause() {
		ConnectException cause = new ConnectException("Connection refused");

		CerebrasConnectionException exception = new CerebrasConnectionException("Connection error", cause);

		assertThat(exception).hasCause(cause).isNotInstanceOf(CerebrasApiException.class);
	}

	@Test
	void interruptedStreamIsAConnectionFailureThatCountsTheEventsReceived() {
		IOException cause = new IOException("Connection reset");

		CerebrasStreamInterruptedException exception = new CerebrasStreamInterruptedException("The stream ended", 3,
				cause);

		assertThat(exception).isInstanceOf(CerebrasConnectionException.class).hasCause(cause);
		assertThat(exception.chunksReceived()).isEqualTo(3);
	}

	@Test
	void malformedResponseKeepsAShortExcerptAndTheCause() {
		IllegalStateException cause = new IllegalStateException("Unexpected character");
		String text = "  <html>" + "y".repeat(1000) + "</html>";

		CerebrasMalformedResponseException exception = new CerebrasMalformedResponseException(
				"Could not decode a chat completion", text, cause);

		assertThat(exception).isInstanceOf(CerebrasException.class)
			.isNotInstanceOf(CerebrasConnectionException.class)
			.hasCause(cause);
		assertThat(exception.excerpt()).hasSize(200).startsWith("<html>yyy").endsWith("y...");
		assertThat(exception).hasMessage("Could not decode a chat completion: " + exception.excerpt());
	}

	@Test
	void malformedResponseWithShortTextKeepsItWhole() {
		CerebrasMalformedResponseException exception = new CerebrasMalformedResponseException(
				"Could not decode a chat completion chunk", "{\"id\":", null);

		assertThat(exception.excerpt()).isEqualTo("{\"id\":");
		assertThat(exception).hasMessage("Could not decode a chat completion chunk: {\"id\":");
	}

	@Test
	void malformedResponseWithEmptyTextSaysSo() {
		CerebrasMalformedResponseException exception = new CerebrasMalformedResponseException(
				"Could not decode a model list", "", null);

		assertThat(exception.excerpt()).isEmpty();
		assertThat(exception).hasMessage("Could not decode a model list (empty)");
	}

	@Test
	void excerptNeverSplitsASurrogatePair() {
		String text = "a".repeat(196) + "\uD83D\uDE00" + "b".repeat(10);

		String excerpt = CerebrasException.excerpt(text, 200);

		assertThat(excerpt).isEqualTo("a".repeat(196) + "...");
	}

}
