package io.github.cerebras4j.client.internal.transport;

import java.util.Iterator;
import java.util.NoSuchElementException;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * One element of a streamed body on its way to the decoder: a buffer, the body's failure, or its end. Buffers are
 * decoded when the reader asks for them (on the reader's thread for a blocking stream, which then wakes up less
 * often), so a part may wait in a queue; it owns its buffer until {@link #decode} hands the buffer to the decoder,
 * which releases it, and {@link #release()} releases a buffer that never got there. Either way, once.
 */
final class BodyPart {

	/** Follows the last chunk of a stream that received {@code data: [DONE]}: what comes after it is dropped. */
	static final Object END = new Object();

	private @Nullable DataBuffer buffer;

	private final @Nullable Throwable failure;

	private BodyPart(@Nullable DataBuffer buffer, @Nullable Throwable failure) {
		this.buffer = buffer;
		this.failure = failure;
	}

	static BodyPart of(DataBuffer buffer) {
		return new BodyPart(buffer, null);
	}

	static BodyPart failed(Throwable failure) {
		return new BodyPart(null, failure);
	}

	static BodyPart end() {
		return new BodyPart(null, null);
	}

	/**
	 * Decodes this part; called once, by the single thread that drains the queue of parts.
	 * @param decoder the stream's decoder
	 * @return the chunks of this part, followed by {@link #END} once the stream received {@code data: [DONE]}; an
	 * iteration that throws after its chunks for a failure
	 */
	Iterable<?> decode(StreamChunkDecoder<?> decoder) {
		if (this.failure != null) {
			return StreamChunkDecoder.failure(this.failure);
		}
		DataBuffer claimed = this.buffer;
		if (claimed == null) {
			return decoder.finish();
		}
		this.buffer = null;
		Iterable<?> chunks = decoder.decode(claimed);
		return decoder.receivedDone() ? followedByEnd(chunks) : chunks;
	}

	/** Releases the buffer if it never reached the decoder, for a part dropped from a queue. */
	void release() {
		DataBuffer unclaimed = this.buffer;
		if (unclaimed != null) {
			this.buffer = null;
			DataBufferUtils.release(unclaimed);
		}
	}

	private static Iterable<?> followedByEnd(Iterable<?> chunks) {
		// lazily: the chunks are parsed as they are iterated, and one that fails must never be followed by END
		return () -> new Iterator<>() {

			private final Iterator<?> iterator = chunks.iterator();

			private boolean endGiven;

			@Override
			public boolean hasNext() {
				return this.iterator.hasNext() || !this.endGiven;
			}

			@Override
			public Object next() {
				if (this.iterator.hasNext()) {
					return this.iterator.next();
				}
				if (this.endGiven) {
					throw new NoSuchElementException();
				}
				this.endGiven = true;
				return END;
			}

		};
	}

}
