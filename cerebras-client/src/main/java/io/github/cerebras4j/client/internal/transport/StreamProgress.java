package io.github.cerebras4j.client.internal.transport;

import io.github.cerebras4j.client.core.GenerationChunk;
import io.github.cerebras4j.client.core.Usage;
import io.github.cerebras4j.client.error.CerebrasConnectionException;
import io.github.cerebras4j.client.error.CerebrasStreamInterruptedException;
import io.github.cerebras4j.client.error.CerebrasTimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * What of one stream has reached the caller: whether any chunk did (after that the stream is never retried, so no
 * token is delivered twice), the start of the text so far (up to a limit, so that an endless stream cannot grow it
 * without bound) and the last usage, which a failed stream reports.
 */
final class StreamProgress {

	private final int maxText;

	private final StringBuilder text = new StringBuilder();

	private @Nullable Usage usage;

	private int chunks;

	private volatile boolean delivered;

	/**
	 * Creates the progress of one stream.
	 * @param maxText the most characters of text kept
	 */
	StreamProgress(int maxText) {
		this.maxText = maxText;
	}

	void record(GenerationChunk chunk) {
		this.delivered = true;
		this.chunks++;
		int room = this.maxText - this.text.length();
		if (room > 0) {
			String piece = chunk.generatedText();
			this.text.append(piece, 0, Math.min(piece.length(), room));
		}
		Usage chunkUsage = chunk.usage();
		if (chunkUsage != null) {
			this.usage = chunkUsage;
		}
	}

	boolean nothingDelivered() {
		return !this.delivered;
	}

	/**
	 * Turns a connection lost or silent after the first chunk into an exception that carries what was received:
	 * a {@link CerebrasTimeoutException} for a silence, a {@link CerebrasStreamInterruptedException} otherwise.
	 * Other failures, and any failure before the first chunk, pass unchanged.
	 * @param failure the failure
	 * @return the failure to give the caller
	 */
	Throwable interrupted(Throwable failure) {
		if (!this.delivered || !(failure instanceof CerebrasConnectionException)) {
			return failure;
		}
		String what = (failure instanceof CerebrasTimeoutException) ? "timed out" : "was interrupted";
		String message = (failure instanceof CerebrasStreamInterruptedException) ? failure.getMessage()
				: "The stream " + what + " after " + this.chunks + " chunks: " + failure.getMessage();
		Throwable cause = (failure instanceof CerebrasStreamInterruptedException) ? failure.getCause() : failure;
		String partialText = this.text.toString();
		if (failure instanceof CerebrasTimeoutException) {
			return new CerebrasTimeoutException(message, this.chunks, partialText, this.usage, cause);
		}
		return new CerebrasStreamInterruptedException(message, this.chunks, partialText, this.usage, cause);
	}

}
