package io.github.cerebras4j.client.internal.transport;

import java.io.IOException;

import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import io.github.cerebras4j.client.core.CerebrasJson;
import io.github.cerebras4j.client.error.CerebrasApiException;
import io.github.cerebras4j.client.error.CerebrasConnectionException;
import io.github.cerebras4j.client.error.CerebrasStreamInterruptedException;
import io.github.cerebras4j.client.error.CerebrasTimeoutException;
import io.github.cerebras4j.client.observation.CerebrasObservationContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link StreamProgress} alone: it keeps the start of a stream's text up to its limit, leaves a failure before the
 * first chunk alone, and turns a connection lost or silent after it into an exception that carries the chunk count,
 * the partial text and the usage the observation context recorded.
 */
class StreamProgressTests {

	private final CerebrasObservationContext context = new CerebrasObservationContext("chat", "llama3.1-8b", true,
			"api.test");

	private final StreamProgress progress = new StreamProgress(this.context, 8);

	@Test
	void textIsKeptUpToTheLimit() {
		this.progress.record(chunk("Hello", null));
		this.progress.record(chunk(", world", null));
		this.progress.record(chunk("!", null));

		CerebrasConnectionException interrupted = (CerebrasConnectionException) this.progress
			.interrupted(new CerebrasConnectionException("reset", null));

		assertThat(interrupted.partialText()).isEqualTo("Hello, w");
		assertThat(interrupted.chunksReceived()).isEqualTo(3);
	}

	@Test
	void textIsNotCutInsideACharacter() {
		this.progress.record(chunk("Hello, \uD83D\uDE00", null));

		CerebrasConnectionException interrupted = (CerebrasConnectionException) this.progress
			.interrupted(new CerebrasConnectionException("reset", null));

		assertThat(interrupted.partialText()).isEqualTo("Hello, ");
	}

	@Test
	void failureBeforeAnyChunkPassesUnchanged() {
		CerebrasConnectionException reset = new CerebrasConnectionException("reset", new IOException());

		assertThat(this.progress.nothingDelivered()).isTrue();
		assertThat(this.progress.interrupted(reset)).isSameAs(reset);
	}

	@Test
	void connectionLostAfterAChunkIsAnInterruptedStreamWithWhatWasReceived() {
		this.progress.record(chunk("Hel", null));
		this.progress.record(chunk("lo", "{\"prompt_tokens\":3,\"completion_tokens\":2,\"total_tokens\":5}"));
		CerebrasConnectionException reset = new CerebrasConnectionException("Connection error: reset", null);

		Throwable interrupted = this.progress.interrupted(reset);

		assertThat(this.progress.nothingDelivered()).isFalse();
		assertThat(interrupted).isInstanceOfSatisfying(CerebrasStreamInterruptedException.class, ex -> {
			assertThat(ex).hasMessage("The stream was interrupted after 2 chunks: Connection error: reset")
				.hasCause(reset);
			assertThat(ex.chunksReceived()).isEqualTo(2);
			assertThat(ex.partialText()).isEqualTo("Hello");
			assertThat(ex.usage().totalTokens()).isEqualTo(5);
		});
	}

	@Test
	void timeoutAfterAChunkStaysATimeoutWithWhatWasReceived() {
		this.progress.record(chunk("Hel", "{\"prompt_tokens\":3,\"completion_tokens\":1,\"total_tokens\":4}"));
		CerebrasTimeoutException silence = new CerebrasTimeoutException("Request timed out", null);

		Throwable timedOut = this.progress.interrupted(silence);

		assertThat(timedOut).isExactlyInstanceOf(CerebrasTimeoutException.class)
			.hasMessage("The stream timed out after 1 chunks: Request timed out")
			.hasCause(silence);
		assertThat(((CerebrasTimeoutException) timedOut).chunksReceived()).isEqualTo(1);
		assertThat(((CerebrasTimeoutException) timedOut).partialText()).isEqualTo("Hel");
		assertThat(((CerebrasTimeoutException) timedOut).usage().totalTokens()).isEqualTo(4);
	}

	@Test
	void interruptionFoundByTheDecoderKeepsItsMessageAndGainsWhatWasReceived() {
		this.progress.record(chunk("Hel", null));
		IOException cause = new IOException("closed");
		CerebrasStreamInterruptedException fromDecoder = new CerebrasStreamInterruptedException(
				"The body ended in the middle of an event", 1, cause);

		Throwable interrupted = this.progress.interrupted(fromDecoder);

		assertThat(interrupted).isInstanceOfSatisfying(CerebrasStreamInterruptedException.class, ex -> {
			assertThat(ex).hasMessage("The body ended in the middle of an event").hasCause(cause);
			assertThat(ex.partialText()).isEqualTo("Hel");
		});
	}

	@Test
	void apiErrorAfterAChunkPassesUnchanged() {
		this.progress.record(chunk("Hel", null));
		CerebrasApiException inStream = CerebrasApiException.of(500, new HttpHeaders(), "{\"message\":\"boom\"}");

		assertThat(this.progress.interrupted(inStream)).isSameAs(inStream);
	}

	@Test
	void everyChunkIsCountedInTheObservationContext() {
		this.progress.record(chunk("Hel", null));
		this.progress.record(chunk("lo", null));

		assertThat(this.context.chunks()).isEqualTo(2);
		assertThat(this.context.responseModel()).isEqualTo("llama3.1-8b");
	}

	private static ChatCompletionChunk chunk(String content, @Nullable String usage) {
		return CerebrasJson.mapper().readValue("{\"id\":\"chatcmpl-1\",\"model\":\"llama3.1-8b\",\"choices\":[{\"index\":0,"
				+ "\"delta\":{\"content\":\"" + content + "\"}}]" + ((usage != null) ? ",\"usage\":" + usage : "") + "}",
				ChatCompletionChunk.class);
	}

}
