package io.github.cerebras4j.client.http;

import io.github.cerebras4j.client.GenerationChunk;
import io.github.cerebras4j.client.Usage;
import io.github.cerebras4j.client.error.CerebrasConnectionException;
import io.github.cerebras4j.client.error.CerebrasStreamInterruptedException;
import org.jspecify.annotations.Nullable;

/**
 * What of one stream has reached the caller: whether any chunk did (after that the stream is never retried, so no
 * token is delivered twice), the text so far and the last usage, which an interrupted stream reports.
 *
 * @param <T> the chunk type
 */
final class StreamProgress {

	private final StringBuilder text = new StringBuilder();

	private @Nullable Usage usage;

	private int chunks;

	private volatile boolean delivered;

	void record(GenerationChunk chunk) {
		this.delivered = true;
		this.chunks++;
		this.text.append(chunk.generatedText());
		Usage chunkUsage = chunk.usage();
		if (chunkUsage != null) {
			this.usage = chunkUsage;
		}
	}

	boolean nothingDelivered() {
		return !this.delivered;
	}

	/**
	 * Turns a connection lost after the first chunk into a {@link CerebrasStreamInterruptedException} that carries
	 * what was received; other failures, and any failure before the first chunk, pass unchanged.
	 * @param failure the failure
	 * @return the failure to give the caller
	 */
	Throwable interrupted(Throwable failure) {
		if (!this.delivered || !(failure instanceof CerebrasConnectionException)) {
			return failure;
		}
		String message = (failure instanceof CerebrasStreamInterruptedException) ? failure.getMessage()
				: "The stream was interrupted after " + this.chunks + " chunks: " + failure.getMessage();
		return new CerebrasStreamInterruptedException(message, this.chunks, this.text.toString(), this.usage,
				(failure instanceof CerebrasStreamInterruptedException) ? failure.getCause() : failure);
	}

}
