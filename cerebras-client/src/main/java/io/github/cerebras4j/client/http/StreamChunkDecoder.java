package io.github.cerebras4j.client.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.UnaryOperator;

import io.github.cerebras4j.client.GenerationChunk;
import io.github.cerebras4j.client.CerebrasJson;
import io.github.cerebras4j.client.error.CerebrasApiException;
import io.github.cerebras4j.client.error.CerebrasMalformedResponseException;
import io.github.cerebras4j.client.error.CerebrasStreamInterruptedException;
import io.github.cerebras4j.client.error.ErrorChunk;
import org.jspecify.annotations.Nullable;
import reactor.core.Exceptions;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;

/**
 * Turns the body of one streamed response into typed chunks: splits it into server-sent events, ends at
 * {@code data: [DONE]}, raises an error event as the exception its {@code status_code} selects, and parses every
 * other event's JSON straight from its bytes. One instance per response; not thread-safe.
 *
 * <p>{@link #decode(DataBuffer)} owns the buffer it is given and releases it exactly once, and never throws: a
 * failure travels inside the returned iterable, which throws it after the chunks decoded before it. So the
 * caller's pipeline never has to release a buffer that reached the decoder, whatever happens next.
 *
 * @param <T> the chunk type
 */
public final class StreamChunkDecoder<T extends GenerationChunk> {

	private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.US_ASCII);

	private final ObjectReader reader;

	private final HttpHeaders headers;

	private final UnaryOperator<String> scrubber;

	private final ServerSentEventDecoder events;

	private List<T> decoded = new ArrayList<>();

	private int eventsReceived;

	private boolean finishReasonReceived;

	// read by the body's cancellation, which may run on another thread
	private volatile boolean doneReceived;

	private boolean failed;

	private final boolean trace = WireLog.isTraceEnabled();

	/**
	 * Creates a decoder for one response.
	 * @param chunkType the type each event's JSON is read into
	 * @param headers the response headers, attached to in-stream errors
	 * @param maxEventBytes the most bytes a line or an event may have
	 * @param scrubber removes secrets from text that goes into an exception
	 */
	public StreamChunkDecoder(Class<T> chunkType, HttpHeaders headers, int maxEventBytes,
			UnaryOperator<String> scrubber) {
		this.reader = CerebrasJson.mapper().readerFor(chunkType);
		this.headers = headers;
		this.scrubber = scrubber;
		this.events = new ServerSentEventDecoder(this::onEvent, maxEventBytes);
	}

	/**
	 * Decodes the events that complete in this buffer and releases it. Bytes after {@code data: [DONE]} or after a
	 * failure are released unread.
	 * @param buffer the next piece of the body
	 * @return the chunks completed by this buffer, in order, possibly none; when an event in it is an error, the
	 * iteration throws that error after the chunks that came before it
	 */
	public Iterable<T> decode(DataBuffer buffer) {
		RuntimeException failure = null;
		try {
			if (!isDone()) {
				this.events.feed(buffer);
			}
		}
		catch (RuntimeException ex) {
			this.failed = true;
			failure = ex;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
		// what is returned is never written again: it may wait in a queue while the next buffers are decoded
		List<T> chunks = this.decoded.isEmpty() ? List.of() : this.decoded;
		if (!chunks.isEmpty()) {
			this.decoded = new ArrayList<>();
		}
		return (failure != null) ? new ChunksThenFailure<>(chunks, failure) : chunks;
	}

	/** Tells whether the decoder wants no more of the body: it saw {@code data: [DONE]} or a failure. */
	private boolean isDone() {
		return this.doneReceived || this.failed;
	}

	/**
	 * Tells whether the stream ended properly with {@code data: [DONE]}; the rest of the body, if any, can be read
	 * and dropped so that the connection is reused.
	 * @return whether {@code data: [DONE]} arrived
	 */
	public boolean receivedDone() {
		return this.doneReceived;
	}

	/**
	 * Returns an element that throws the body's failure when it is iterated: queued behind the chunks decoded before
	 * the failure, it reaches the reader after them.
	 * @param failure how the body failed
	 * @param <T> the chunk type
	 * @return no chunks, then the failure
	 */
	public static <T> Iterable<T> failure(Throwable failure) {
		return new ChunksThenFailure<>(List.of(), Exceptions.propagate(failure));
	}

	/**
	 * Checks, once the body has ended, that the answer is complete: it ended with {@code data: [DONE]}, or
	 * without it but after a chunk carrying a {@code finish_reason} (as the official SDKs accept, and as some
	 * servers and proxies send).
	 * @return nothing when the answer is complete, else an element that throws a
	 * {@link CerebrasStreamInterruptedException}
	 */
	public Iterable<T> finish() {
		if (isDone() || (this.finishReasonReceived && !this.events.hasIncompleteEvent())) {
			return List.of();
		}
		String detail = this.events.hasIncompleteEvent() ? " in the middle of an event" : "";
		return new ChunksThenFailure<>(List.of(), new CerebrasStreamInterruptedException("The stream ended" + detail
				+ " before data: [DONE] or a finish_reason, after " + this.eventsReceived + " events", this.eventsReceived,
				null));
	}

	private void onEvent(@Nullable String event, byte[] data, int length) {
		if (isDone()) {
			return;
		}
		if (this.trace) {
			WireLog.event(data, length);
		}
		this.eventsReceived++;
		if (event == null || event.isEmpty() || event.equals("message")) {
			if (startsWith(data, length, DONE)) {
				this.doneReceived = true;
				return;
			}
			T chunk = read(data, length);
			if (chunk.extra().get("error") != null) {
				throw streamError(data, length);
			}
			this.finishReasonReceived |= chunk.finishesAChoice();
			this.decoded.add(chunk);
		}
		else if (event.equals("error")) {
			throw streamError(data, length);
		}
	}

	private T read(byte[] data, int length) {
		try {
			return this.reader.readValue(data, 0, length);
		}
		catch (JacksonException ex) {
			throw new CerebrasMalformedResponseException("A stream event is not valid JSON", text(data, length), ex);
		}
	}

	private CerebrasApiException streamError(byte[] data, int length) {
		// scrubbed before it is parsed: a server may echo the key, and the error keeps the event's JSON
		String text = text(data, length);
		ErrorChunk error;
		try {
			error = CerebrasJson.mapper().readValue(text, ErrorChunk.class);
		}
		catch (JacksonException ex) {
			throw new CerebrasMalformedResponseException("A stream error event is not valid JSON", text, ex);
		}
		return CerebrasApiException.ofStreamError(error, this.headers);
	}

	private String text(byte[] data, int length) {
		return this.scrubber.apply(new String(data, 0, length, StandardCharsets.UTF_8));
	}

	/**
	 * The chunks decoded before an event failed, then the failure: iterating yields the chunks and then throws,
	 * which Reactor's {@code concatMapIterable} turns into the chunks followed by the error signal, so the caller
	 * gets every chunk that arrived before the error.
	 */
	private record ChunksThenFailure<T>(List<T> chunks, RuntimeException failure) implements Iterable<T> {

		@Override
		public Iterator<T> iterator() {
			Iterator<T> iterator = this.chunks.iterator();
			return new Iterator<>() {

				@Override
				public boolean hasNext() {
					if (iterator.hasNext()) {
						return true;
					}
					throw ChunksThenFailure.this.failure;
				}

				@Override
				public T next() {
					return iterator.next();
				}

			};
		}

	}

	private static boolean startsWith(byte[] data, int length, byte[] prefix) {
		if (length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (data[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
