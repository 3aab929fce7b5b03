package io.github.cerebras4j.client.internal.transport;

import io.github.cerebras4j.client.core.GenerationChunk;
import io.github.cerebras4j.client.error.CerebrasConnectionException;
import io.github.cerebras4j.client.error.CerebrasStreamInterruptedException;
import io.github.cerebras4j.client.error.CerebrasTimeoutException;
import io.github.cerebras4j.client.observation.CerebrasObservationContext;

/**
 * The bookkeeper of one stream: every chunk that reaches the caller is recorded here once. The counts, the model, the
 * usage and the timing go to the call's {@link CerebrasObservationContext} (which the observation reads); the start
 * of the text (up to a limit, so that an endless stream cannot grow it without bound) stays here, for the exception of
 * a stream that fails after its first chunk. Once a chunk was recorded the stream is never retried, so no token is
 * delivered twice.
 */
final class StreamProgress {

	private final CerebrasObservationContext context;

	private final int maxText;

	private final StringBuilder text = new StringBuilder();

	private volatile boolean delivered;

	/**
	 * Creates the progress of one stream.
	 * @param context the observation context of the call, which keeps the counts
	 * @param maxText the most characters of text kept
	 */
	StreamProgress(CerebrasObservationContext context, int maxText) {
		this.context = context;
		this.maxText = maxText;
	}

	void record(GenerationChunk chunk) {
		this.delivered = true;
		this.context.onChunk(chunk);
		int room = this.maxText - this.text.length();
		if (room > 0) {
			String piece = chunk.generatedText();
			int end = Math.min(piece.length(), room);
			if (end < piece.length() && end > 0 && Character.isHighSurrogate(piece.charAt(end - 1))) {
				end--; // never keep half a character
			}
			this.text.append(piece, 0, end);
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
		int chunks = this.context.chunks();
		String what = (failure instanceof CerebrasTimeoutException) ? "timed out" : "was interrupted";
		String message = (failure instanceof CerebrasStreamInterruptedException) ? failure.getMessage()
				: "The stream " + what + " after " + chunks + " chunks: " + failure.getMessage();
		Throwable cause = (failure instanceof CerebrasStreamInterruptedException) ? failure.getCause() : failure;
		String partialText = this.text.toString();
		if (failure instanceof CerebrasTimeoutException) {
			return new CerebrasTimeoutException(message, chunks, partialText, this.context.usage(), cause);
		}
		return new CerebrasStreamInterruptedException(message, chunks, partialText, this.context.usage(), cause);
	}

}
