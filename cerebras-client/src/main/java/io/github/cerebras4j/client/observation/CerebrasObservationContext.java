package io.github.cerebras4j.client.observation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.github.cerebras4j.client.core.Generation;
import io.github.cerebras4j.client.core.GenerationChunk;
import io.github.cerebras4j.client.core.RateLimits;
import io.github.cerebras4j.client.core.ResponseMetadata;
import io.github.cerebras4j.client.core.TimeInfo;
import io.github.cerebras4j.client.core.Usage;
import io.github.cerebras4j.client.error.CerebrasApiException;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * The state of one observed Cerebras call: what was asked (operation, model, streaming) and what came back
 * (status, rate limits, usage, the server's timing, retries) and, for a stream, when its first content arrived and
 * the longest silence between two chunks. Filled by the client as the call runs; read by conventions and handlers.
 */
public final class CerebrasObservationContext extends Observation.Context {

	/** The {@code gen_ai.operation.name} of chat completions. */
	public static final String CHAT = "chat";

	/** The {@code gen_ai.operation.name} of text completions. */
	public static final String TEXT_COMPLETION = "text_completion";

	/** The operation name of the model catalogue, which the GenAI conventions do not name. */
	public static final String MODELS = "models";

	private final String operation;

	private final @Nullable String requestModel;

	private final boolean streaming;

	private final String serverAddress;

	private final long startNanos = System.nanoTime();

	private @Nullable ResponseMetadata response;

	private @Nullable String responseModel;

	private @Nullable Usage usage;

	private @Nullable TimeInfo timeInfo;

	private final List<String> retryCauses = new ArrayList<>(0);

	private boolean cancelled;

	private long firstContentNanos = -1;

	private long lastChunkNanos = -1;

	private long longestGapNanos;

	private int chunks;

	/**
	 * Creates the context of a call about to be sent.
	 * @param operation the operation, {@link #CHAT}, {@link #TEXT_COMPLETION} or {@link #MODELS}
	 * @param requestModel the model asked for, or {@code null}
	 * @param streaming whether the response is streamed
	 * @param serverAddress the API's host
	 */
	public CerebrasObservationContext(String operation, @Nullable String requestModel, boolean streaming,
			String serverAddress) {
		this.operation = operation;
		this.requestModel = requestModel;
		this.streaming = streaming;
		this.serverAddress = serverAddress;
	}

	/**
	 * Records the status and headers of the response that answered.
	 * @param response the response metadata
	 */
	public void onResponse(ResponseMetadata response) {
		this.response = response;
	}

	/**
	 * Records a whole generation.
	 * @param generation the completion
	 */
	public void onGeneration(Generation generation) {
		this.responseModel = generation.model();
		this.usage = generation.usage();
		this.timeInfo = generation.timeInfo();
	}

	/**
	 * Records a chunk as it reaches the caller: the first one with content marks the time to first token.
	 * @param chunk the chunk
	 */
	public void onChunk(GenerationChunk chunk) {
		long now = System.nanoTime();
		if (this.lastChunkNanos >= 0) {
			this.longestGapNanos = Math.max(this.longestGapNanos, now - this.lastChunkNanos);
		}
		this.lastChunkNanos = now;
		this.chunks++;
		if (this.firstContentNanos < 0 && chunk.hasContent()) {
			this.firstContentNanos = now;
		}
		if (this.responseModel == null) {
			this.responseModel = chunk.model();
		}
		Usage chunkUsage = chunk.usage();
		if (chunkUsage != null) {
			this.usage = chunkUsage;
		}
		TimeInfo chunkTimeInfo = chunk.timeInfo();
		if (chunkTimeInfo != null) {
			this.timeInfo = chunkTimeInfo;
		}
	}

	/**
	 * Records that a failure is about to be retried.
	 * @param failure the failure retried
	 */
	public void onRetry(Throwable failure) {
		this.retryCauses.add((failure instanceof CerebrasApiException api) ? String.valueOf(api.statusCode())
				: failure.getClass().getSimpleName());
	}

	/**
	 * Records that the caller cancelled the call.
	 */
	public void onCancel() {
		this.cancelled = true;
	}

	/**
	 * Returns the operation: {@link #CHAT}, {@link #TEXT_COMPLETION} or {@link #MODELS}.
	 * @return the operation
	 */
	public String operation() {
		return this.operation;
	}

	/**
	 * Returns the model the request asked for.
	 * @return the model id, or {@code null} when the call names none
	 */
	public @Nullable String requestModel() {
		return this.requestModel;
	}

	/**
	 * Tells whether the response is streamed.
	 * @return whether the call streams
	 */
	public boolean streaming() {
		return this.streaming;
	}

	/**
	 * Returns the API's host.
	 * @return the host
	 */
	public String serverAddress() {
		return this.serverAddress;
	}

	/**
	 * Returns the status and headers of the response that answered.
	 * @return the response, or {@code null} when none did (a failure before the response, or an error status)
	 */
	public @Nullable ResponseMetadata response() {
		return this.response;
	}

	/**
	 * Returns the rate limits of the response that answered.
	 * @return the rate limits, {@link RateLimits#NONE} when there was no response
	 */
	public RateLimits rateLimits() {
		return (this.response != null) ? this.response.rateLimits() : RateLimits.NONE;
	}

	/**
	 * Returns the model that answered.
	 * @return the model id, or {@code null}
	 */
	public @Nullable String responseModel() {
		return this.responseModel;
	}

	/**
	 * Returns the token usage, for a stream from its final chunk.
	 * @return the usage, or {@code null}
	 */
	public @Nullable Usage usage() {
		return this.usage;
	}

	/**
	 * Returns the server's timing, for a stream from its final chunk.
	 * @return the timing, or {@code null}
	 */
	public @Nullable TimeInfo timeInfo() {
		return this.timeInfo;
	}

	/**
	 * Returns the retries the call made.
	 * @return the retries
	 */
	public int retries() {
		return this.retryCauses.size();
	}

	/**
	 * Returns why each retry was made: the HTTP status of an error response, or the simple class name of the
	 * exception, such as {@code CerebrasTimeoutException}.
	 * @return the causes, in order, one per retry
	 */
	public List<String> retryCauses() {
		return Collections.unmodifiableList(this.retryCauses);
	}

	/**
	 * Tells whether the caller cancelled the call.
	 * @return whether it was cancelled
	 */
	public boolean cancelled() {
		return this.cancelled;
	}

	/**
	 * Returns the time from sending the request to the first chunk that carried content or reasoning.
	 * @return the time to first token, or {@code null} when no such chunk arrived or the call does not stream
	 */
	public @Nullable Duration timeToFirstChunk() {
		return (this.firstContentNanos >= 0) ? Duration.ofNanos(this.firstContentNanos - this.startNanos) : null;
	}

	/**
	 * Returns the time from the first chunk with content to the last chunk.
	 * @return the generation time, or {@code null} when no chunk with content arrived
	 */
	public @Nullable Duration generationTime() {
		return (this.firstContentNanos >= 0) ? Duration.ofNanos(this.lastChunkNanos - this.firstContentNanos) : null;
	}

	/**
	 * Returns the longest silence between two chunks of a stream.
	 * @return the longest gap, or {@code null} when fewer than two chunks arrived
	 */
	public @Nullable Duration longestChunkGap() {
		return (this.chunks >= 2) ? Duration.ofNanos(this.longestGapNanos) : null;
	}

	/**
	 * Returns how many chunks reached the caller.
	 * @return the chunks
	 */
	public int chunks() {
		return this.chunks;
	}

}
