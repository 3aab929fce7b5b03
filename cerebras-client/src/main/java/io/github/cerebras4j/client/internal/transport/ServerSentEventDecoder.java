package io.github.cerebras4j.client.internal.transport;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

import io.github.cerebras4j.client.error.CerebrasMalformedResponseException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;

/**
 * Splits a {@code text/event-stream} body into events at the byte level, following the WHATWG "event stream
 * interpretation" rules, and hands the data of each event to a {@link Listener} as raw UTF-8 bytes.
 *
 * <p>The body arrives in buffers cut at arbitrary points. Each buffer is scanned for line ends (CRLF, LF or CR); a
 * line that lies entirely inside the input is interpreted in place, and only a line cut by a buffer boundary is
 * accumulated in a reused line buffer. {@code data} values are appended to a reused data buffer that goes to the
 * listener when a blank line ends the event, so the common path allocates nothing per line or event and data is
 * never decoded to a {@code String}. The bytes CR and LF never occur inside a multi-byte UTF-8 sequence, so
 * characters cut across buffers, or characters such as U+2028, need no special handling.
 *
 * <p>Memory is bounded: a line, and the data of an event, may hold at most {@code maxEventBytes} bytes; a server
 * that sends a longer line (for example one that never ends) or more data lines without the blank line that ends
 * an event gets a {@link CerebrasMalformedResponseException} once the limit is passed, after which the decoder
 * holds no more than the limit.
 *
 * <p>One instance decodes one stream, fed its buffers in order; it is not thread-safe. If the listener throws, the
 * exception propagates and the rest of that input is not decoded.
 */
final class ServerSentEventDecoder {

	private static final byte[] DATA = ascii("data");

	private static final byte[] EVENT = ascii("event");

	private static final byte[] ID = ascii("id");

	private static final byte[] RETRY = ascii("retry");

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private final Listener listener;

	private final int maxEventBytes;

	private final byte[] scratch = new byte[8192];

	private byte[] line = new byte[256];

	private int lineLength;

	private byte[] data = new byte[1024];

	private int dataLength;

	private @Nullable String eventName;

	private boolean fieldsSinceBlankLine;

	private boolean lastLineEndedWithCr;

	private boolean atStreamStart = true;

	private @Nullable String lastEventId;

	private @Nullable Long retryMillis;

	/**
	 * Creates a decoder for one stream.
	 * @param listener receives each complete event
	 * @param maxEventBytes the most bytes a line or an event's data may have
	 */
	public ServerSentEventDecoder(Listener listener, int maxEventBytes) {
		if (maxEventBytes < 1) {
			throw new IllegalArgumentException("maxEventBytes must be positive, was " + maxEventBytes);
		}
		this.listener = listener;
		this.maxEventBytes = maxEventBytes;
	}

	/**
	 * Consumes all readable bytes of the buffer (advancing its read position); does not release it.
	 * @param buffer the next part of the body
	 */
	public void feed(DataBuffer buffer) {
		int readable;
		while ((readable = buffer.readableByteCount()) > 0) {
			int count = Math.min(readable, this.scratch.length);
			buffer.read(this.scratch, 0, count);
			feed(this.scratch, 0, count);
		}
	}

	/**
	 * Consumes {@code bytes[offset..offset + length)}. The decoder keeps no reference to the array.
	 * @param bytes holds the next part of the body
	 * @param offset where that part starts
	 * @param length how many bytes it has
	 */
	public void feed(byte[] bytes, int offset, int length) {
		Objects.checkFromIndexSize(offset, length, bytes.length);
		int position = offset;
		int end = offset + length;
		if (this.lastLineEndedWithCr && position < end) {
			this.lastLineEndedWithCr = false;
			if (bytes[position] == '\n') {
				position++;
			}
		}
		while (position < end) {
			int lineEnd = indexOfLineEnd(bytes, position, end);
			if (lineEnd == end) {
				appendToLine(bytes, position, end);
				return;
			}
			completeLine(bytes, position, lineEnd);
			position = lineEnd + 1;
			if (bytes[lineEnd] == '\r') {
				if (position == end) {
					this.lastLineEndedWithCr = true;
				}
				else if (bytes[position] == '\n') {
					position++;
				}
			}
		}
	}

	/**
	 * Tells whether bytes of an event not yet terminated by a blank line are pending: a partial line, or field
	 * lines since the last blank line. At the end of the body this means the stream was truncated.
	 * @return whether an event is incomplete
	 */
	public boolean hasIncompleteEvent() {
		return this.fieldsSinceBlankLine || (this.lineLength > 0 && !isOnlyByteOrderMarkPending());
	}

	/**
	 * Returns the last {@code id} field seen; ids containing NUL are ignored.
	 * @return the last event id, or {@code null} if none was seen
	 */
	public @Nullable String lastEventId() {
		return this.lastEventId;
	}

	/**
	 * Returns the last valid {@code retry} field (ASCII digits only) seen.
	 * @return the reconnection time in milliseconds, or {@code null} if none was seen
	 */
	public @Nullable Long retryMillis() {
		return this.retryMillis;
	}

	/**
	 * Returns how many bytes the decoder holds in its line and data buffers: at most about twice the limit.
	 * @return the capacity of the buffers
	 */
	int heldBytes() {
		return this.line.length + this.data.length;
	}

	private static int indexOfLineEnd(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			byte b = bytes[i];
			if (b == '\n' || b == '\r') {
				return i;
			}
		}
		return to;
	}

	private void appendToLine(byte[] bytes, int from, int to) {
		int count = to - from;
		checkLimit((long) this.lineLength + count, "line");
		this.line = ensureCapacity(this.line, this.lineLength + count);
		System.arraycopy(bytes, from, this.line, this.lineLength, count);
		this.lineLength += count;
	}

	private void completeLine(byte[] bytes, int from, int to) {
		if (this.lineLength == 0) {
			processLine(bytes, from, to);
			return;
		}
		appendToLine(bytes, from, to);
		int length = this.lineLength;
		this.lineLength = 0;
		processLine(this.line, 0, length);
	}

	private void processLine(byte[] bytes, int from, int to) {
		int start = from;
		if (this.atStreamStart) {
			this.atStreamStart = false;
			if (to - start >= BOM.length && Arrays.equals(bytes, start, start + BOM.length, BOM, 0, BOM.length)) {
				start += BOM.length;
			}
		}
		if (start == to) {
			endEvent();
		}
		else if (bytes[start] != ':') {
			processField(bytes, start, to);
		}
	}

	private void processField(byte[] bytes, int from, int to) {
		this.fieldsSinceBlankLine = true;
		int colon = indexOf(bytes, (byte) ':', from, to);
		int nameEnd = (colon < 0) ? to : colon;
		int valueStart = (colon < 0) ? to : colon + 1;
		if (valueStart < to && bytes[valueStart] == ' ') {
			valueStart++;
		}
		if (Arrays.equals(bytes, from, nameEnd, DATA, 0, DATA.length)) {
			appendData(bytes, valueStart, to);
		}
		else if (Arrays.equals(bytes, from, nameEnd, EVENT, 0, EVENT.length)) {
			this.eventName = new String(bytes, valueStart, to - valueStart, StandardCharsets.UTF_8);
		}
		else if (Arrays.equals(bytes, from, nameEnd, ID, 0, ID.length)) {
			if (indexOf(bytes, (byte) 0, valueStart, to) < 0) {
				this.lastEventId = new String(bytes, valueStart, to - valueStart, StandardCharsets.UTF_8);
			}
		}
		else if (Arrays.equals(bytes, from, nameEnd, RETRY, 0, RETRY.length)) {
			Long retry = parseDigits(bytes, valueStart, to);
			if (retry != null) {
				this.retryMillis = retry;
			}
		}
	}

	private void appendData(byte[] bytes, int from, int to) {
		int count = to - from;
		checkLimit((long) this.dataLength + count, "event");
		this.data = ensureCapacity(this.data, this.dataLength + count + 1);
		System.arraycopy(bytes, from, this.data, this.dataLength, count);
		this.dataLength += count;
		this.data[this.dataLength++] = '\n';
	}

	/**
	 * A blank line: dispatch the event if it has a data or event field, then start the next one. The state is
	 * reset before the listener runs, so a throwing listener leaves the decoder consistent.
	 */
	private void endEvent() {
		this.fieldsSinceBlankLine = false;
		if (this.dataLength == 0 && this.eventName == null) {
			return;
		}
		String event = this.eventName;
		int length = Math.max(this.dataLength - 1, 0);
		this.eventName = null;
		this.dataLength = 0;
		this.listener.onEvent(event, this.data, length);
	}

	private boolean isOnlyByteOrderMarkPending() {
		return this.atStreamStart && this.lineLength <= BOM.length
				&& Arrays.equals(this.line, 0, this.lineLength, BOM, 0, this.lineLength);
	}

	private static int indexOf(byte[] bytes, byte value, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] == value) {
				return i;
			}
		}
		return -1;
	}

	private static @Nullable Long parseDigits(byte[] bytes, int from, int to) {
		if (from == to) {
			return null;
		}
		long value = 0;
		for (int i = from; i < to; i++) {
			int digit = bytes[i] - '0';
			if (digit < 0 || digit > 9 || value > (Long.MAX_VALUE - digit) / 10) {
				return null;
			}
			value = value * 10 + digit;
		}
		return value;
	}

	private void checkLimit(long needed, String what) {
		if (needed > this.maxEventBytes) {
			throw new CerebrasMalformedResponseException("A server-sent " + what + " of the stream is longer than "
					+ this.maxEventBytes + " bytes (the client's maxEventSize)", null, null);
		}
	}

	private byte[] ensureCapacity(byte[] array, int needed) {
		if (needed <= array.length) {
			return array;
		}
		// the limit is checked before, so needed <= maxEventBytes + 1 and the doubling cannot overflow past it
		long grown = Math.max(needed, Math.min(2L * array.length, this.maxEventBytes + 1L));
		return Arrays.copyOf(array, (int) grown);
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * Receives the events of a stream.
	 */
	@FunctionalInterface
	public interface Listener {

		/**
		 * Receives one complete event.
		 * @param event the {@code event} field, or {@code null} if the event has none
		 * @param data holds the event's data in {@code data[0..length)} as UTF-8 bytes (the data lines joined with
		 * {@code '\n'}, no trailing {@code '\n'}); the array is reused and only valid during the call
		 * @param length the number of data bytes
		 */
		void onEvent(@Nullable String event, byte[] data, int length);

	}

}
