package io.github.cerebras4j.client.internal.transport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.UnaryOperator;

import io.github.cerebras4j.client.core.CerebrasJson;
import io.github.cerebras4j.client.core.GenerationChunk;
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
 * other event's JSON straight from its bytes. One instance per response; not thread-safe: one thread at a time
 * decodes buffers and iterates what they gave.
 *
 * <p>{@link #decode(DataBuffer)} owns the buffer it is given and releases it exactly once, and never throws: a
 * failure travels inside the returned iterable, which throws it after the chunks decoded before it. So the
 * caller's pipeline never has to release a buffer that reached the decoder, whatever happens next.
 *
 * <p>Splitting into events happens in {@code decode}; parsing an event's JSON, most of the work, happens when the
 * iteration reaches it (but for buffers of more than 32 KiB, parsed at once rather than copied). So whoever reads the
 * chunks does the parsing: a blocking reader parses on its own thread the events that arrived while it was busy,
 * instead of the network thread parsing them all and waking it for each.
 * Iterate what {@code decode} returned before calling {@link #finish()}, as a stream's pipeline does.
 *
 * @param <T> the chunk type
 */
public final class StreamChunkDecoder<T extends GenerationChunk> {

	private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.US_ASCII);

	/**
	 * A buffer larger than this is parsed as it is decoded: it carries many events (a reader far behind, or a server
	 * that writes in bulk), so a hand-off per chunk is not what costs, and copying its events would.
	 */
	private static final int PARSE_NOW_BYTES = 32 * 1024;

	private final ObjectReader reader;

	private final HttpHeaders headers;

	private final UnaryOperator<String> scrubber;

	private final ServerSentEventDecoder events;

	private RawEvents received = new RawEvents();

	private List<T> parsedNow = new ArrayList<>();

	private boolean parseNow;

	// the arrays of events that were all read, kept for the next buffer's events; touched only by the one thread at a
	// time that decodes or iterates
	private @Nullable RawEvents spare;

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
				int readable = buffer.readableByteCount();
				this.parseNow = readable > PARSE_NOW_BYTES;
				if (!this.parseNow) {
					// the events' data is shorter than the bytes that carry it, but for an event begun earlier
					this.received.reserve(readable);
				}
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
		List<T> parsed = List.of();
		if (!this.parsedNow.isEmpty()) {
			parsed = this.parsedNow;
			this.parsedNow = new ArrayList<>();
		}
		RawEvents events = null;
		if (this.received.count > 0) {
			events = this.received;
			RawEvents next = this.spare;
			this.spare = null;
			this.received = (next != null) ? next : new RawEvents();
		}
		// within one buffer either every event was parsed now or none was
		if (events != null) {
			return new Decoded(events, failure);
		}
		return (failure != null) ? new ChunksThenFailure<>(parsed, failure) : parsed;
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
	 * Checks, once the body has ended and the chunks decoded before were iterated, that the answer is complete: it
	 * ended with {@code data: [DONE]}, or without it but after a chunk carrying a {@code finish_reason} (as the
	 * official SDKs accept, and as some servers and proxies send).
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
			if (this.parseNow) {
				this.parsedNow.add(parse(data, 0, length, false));
			}
			else {
				this.received.add(data, length, false);
			}
		}
		else if (event.equals("error")) {
			if (this.parseNow) {
				parse(data, 0, length, true);
			}
			else {
				this.received.add(data, length, true);
			}
		}
	}

	private T parse(RawEvents events, int index) {
		int start = events.start(index);
		return parse(events.bytes, start, events.end(index) - start, events.isError(index));
	}

	/** Parses one event's JSON, or raises an error event; a failure stops the decoder. */
	private T parse(byte[] data, int offset, int length, boolean errorEvent) {
		try {
			if (errorEvent) {
				throw streamError(data, offset, length);
			}
			T chunk = read(data, offset, length);
			if (chunk.extra().get("error") != null) {
				throw streamError(data, offset, length);
			}
			this.finishReasonReceived |= chunk.finishesAChoice();
			return chunk;
		}
		catch (RuntimeException ex) {
			this.failed = true;
			throw ex;
		}
	}

	private T read(byte[] data, int offset, int length) {
		try {
			return this.reader.readValue(data, offset, length);
		}
		catch (JacksonException ex) {
			throw new CerebrasMalformedResponseException("A stream event is not valid JSON", text(data, offset, length),
					ex);
		}
	}

	private CerebrasApiException streamError(byte[] data, int offset, int length) {
		// scrubbed before it is parsed: a server may echo the key, and the error keeps the event's JSON
		String text = text(data, offset, length);
		ErrorChunk error;
		try {
			error = CerebrasJson.mapper().readValue(text, ErrorChunk.class);
		}
		catch (JacksonException ex) {
			throw new CerebrasMalformedResponseException("A stream error event is not valid JSON", text, ex);
		}
		return CerebrasApiException.ofStreamError(error, this.headers);
	}

	private String text(byte[] data, int offset, int length) {
		return this.scrubber.apply(new String(data, offset, length, StandardCharsets.UTF_8));
	}

	/** Takes back the arrays of events that were all read, unless they grew large. */
	private void recycle(RawEvents events) {
		if (this.spare == null && events.bytes.length <= RawEvents.MAX_KEPT_BYTES) {
			events.clear();
			this.spare = events;
		}
	}

	/**
	 * The data of the events one buffer completed, copied into one array (the event decoder reuses its own), with
	 * the end of each event and which ones came as {@code event: error}. Once they are all read, the arrays serve the
	 * events of a later buffer, so a stream copies its events without allocating for each.
	 */
	private static final class RawEvents {

		static final int MAX_KEPT_BYTES = 64 * 1024;

		private byte[] bytes = new byte[0];

		private int[] ends = new int[8];

		private boolean[] errors = new boolean[8];

		private int count;

		void add(byte[] data, int length, boolean error) {
			reserve(length);
			int start = start(this.count);
			System.arraycopy(data, 0, this.bytes, start, length);
			if (this.count == this.ends.length) {
				this.ends = Arrays.copyOf(this.ends, 2 * this.count);
				this.errors = Arrays.copyOf(this.errors, 2 * this.count);
			}
			this.errors[this.count] = error;
			this.ends[this.count++] = start + length;
		}

		int start(int index) {
			return (index == 0) ? 0 : this.ends[index - 1];
		}

		void reserve(int length) {
			int needed = start(this.count) + length;
			if (needed > this.bytes.length) {
				int capacity = Math.max(needed, Math.min(2 * this.bytes.length, MAX_KEPT_BYTES));
				this.bytes = (this.count == 0) ? new byte[capacity] : Arrays.copyOf(this.bytes, capacity);
			}
		}

		void clear() {
			this.count = 0;
		}

		int end(int index) {
			return this.ends[index];
		}

		boolean isError(int index) {
			return this.errors[index];
		}

	}

	/**
	 * The events one buffer completed, parsed as the iteration reaches them, then the failure that stopped the
	 * buffer's decoding, if any: a failure, whether of an event or of the buffer, is thrown by {@code hasNext()}
	 * after the chunks before it, which Reactor's {@code concatMapIterable} turns into those chunks followed by the
	 * error signal. Iterated once: its arrays then serve a later buffer.
	 */
	private final class Decoded implements Iterable<T> {

		private @Nullable RawEvents events;

		private final @Nullable RuntimeException failure;

		Decoded(RawEvents events, @Nullable RuntimeException failure) {
			this.events = events;
			this.failure = failure;
		}

		@Override
		public Iterator<T> iterator() {
			if (this.events == null) {
				throw new IllegalStateException("These chunks were already read");
			}
			return new Iterator<>() {

				private int index;

				private @Nullable T parsed;

				@Override
				public boolean hasNext() {
					if (this.parsed != null) {
						return true;
					}
					RawEvents raw = Decoded.this.events;
					if (raw != null && this.index < raw.count) {
						this.parsed = parse(raw, this.index++);
						return true;
					}
					if (Decoded.this.failure != null) {
						throw Decoded.this.failure;
					}
					if (raw != null) {
						Decoded.this.events = null;
						recycle(raw);
					}
					return false;
				}

				@Override
				public T next() {
					if (!hasNext()) {
						throw new NoSuchElementException();
					}
					T chunk = this.parsed;
					this.parsed = null;
					return chunk;
				}

			};
		}

	}

	/**
	 * The chunks parsed before a failure, then the failure, thrown by {@code hasNext()}: Reactor's
	 * {@code concatMapIterable} turns it into the chunks followed by the error signal.
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
