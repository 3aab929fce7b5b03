package io.github.cerebras4j.benchmarks.server;

import java.time.Duration;
import java.util.Locale;

/**
 * What the {@link LoadServer} answers one request with, carried in the request's {@code model} field so that every
 * client, Spring AI and LangChain4j included, can ask for it without extra headers:
 * {@code bench-<chunks>-<delayMs>-<paceMicros>-<writes>}. Names without the last part, made before the server had
 * write modes, still read as they did: unpaced in {@link Writes#BULK bulk}, paced one {@link Writes#EVENTS event} at
 * a time.
 *
 * @param chunks how many content chunks (one token each) a stream carries before the final chunk and {@code [DONE]};
 * not streamed, how many tokens the answer carries, zero for a short sentence of ten tokens
 * @param firstChunkDelay how long the server waits before it sends the first byte of a stream's body
 * @param pace how long the server waits between two events of a stream, zero for as fast as it can write them
 * @param writes how the server writes a stream
 */
public record Workload(int chunks, Duration firstChunkDelay, Duration pace, Writes writes) {

	private static final String PREFIX = "bench-";

	/**
	 * Checks the workload.
	 * @param chunks how many content chunks, or tokens of a non-streamed answer
	 * @param firstChunkDelay the wait before the first byte
	 * @param pace the wait between two events
	 * @param writes how the server writes a stream
	 * @throws IllegalArgumentException if bulk writes are paced
	 */
	public Workload {
		if (writes == Writes.BULK && !pace.isZero()) {
			throw new IllegalArgumentException("Bulk writes cannot be paced; pace one event per write instead");
		}
	}

	/**
	 * Returns the workload of a stream of {@code chunks} chunks written as real inference servers write them, one SSE
	 * event per write and flush, as fast as the server can.
	 * @param chunks how many content chunks
	 * @return the workload
	 */
	public static Workload chunks(int chunks) {
		return new Workload(chunks, Duration.ZERO, Duration.ZERO, Writes.EVENTS);
	}

	/**
	 * Returns this workload with the server waiting before the first byte of the stream.
	 * @param delay the wait
	 * @return a new workload
	 */
	public Workload firstChunkAfter(Duration delay) {
		return new Workload(this.chunks, delay, this.pace, this.writes);
	}

	/**
	 * Returns this workload with one event per write, paced at a rate per stream: event {@code i} is written
	 * {@code i} paces after the stream starts, whatever the delays of the writes before it.
	 * @param tokensPerSecond the events per second of one stream; the pace is rounded down to whole microseconds, as
	 * the model name carries it
	 * @return a new workload
	 */
	public Workload paced(int tokensPerSecond) {
		return new Workload(this.chunks, this.firstChunkDelay, Duration.ofNanos(1_000_000L / tokensPerSecond * 1000),
				Writes.EVENTS);
	}

	/**
	 * Returns this workload written in bulk: the stream's bytes in slices of 64 KB, so that one read carries
	 * hundreds of events.
	 * @return a new workload
	 * @throws IllegalArgumentException if this workload is paced
	 */
	public Workload inBulk() {
		return new Workload(this.chunks, this.firstChunkDelay, this.pace, Writes.BULK);
	}

	/**
	 * Returns the model name that asks the server for this workload.
	 * @return {@code bench-<chunks>-<delayMs>-<paceMicros>-<writes>}
	 */
	public String model() {
		return PREFIX + this.chunks + "-" + this.firstChunkDelay.toMillis() + "-" + this.pace.toNanos() / 1000 + "-"
				+ this.writes.label;
	}

	/**
	 * Returns how many characters of text the chunks of this workload's stream carry, to check that a client
	 * received them all.
	 * @return the sum of the lengths of the chunks' {@code content}
	 */
	public long textLength() {
		return WireFormat.textLength(this.chunks);
	}

	/**
	 * Returns the text of the non-streamed completion the server answers this workload with.
	 * @return the answer's {@code content}
	 */
	public String answer() {
		return WireFormat.completionText(this.chunks);
	}

	/**
	 * Reads the workload a model name asks for.
	 * @param model a name made by {@link #model()}, or by earlier versions without the write mode
	 * @return the workload
	 * @throws IllegalArgumentException if the name was not made by {@link #model()}
	 */
	public static Workload of(String model) {
		String[] parts = model.startsWith(PREFIX) ? model.substring(PREFIX.length()).split("-") : new String[0];
		if (parts.length != 3 && parts.length != 4) {
			throw new IllegalArgumentException(
					"model '" + model + "' is not bench-<chunks>-<delayMs>-<paceMicros>[-bulk|-events]");
		}
		Duration pace = Duration.ofNanos(Long.parseLong(parts[2]) * 1000);
		Writes writes = (parts.length == 4) ? Writes.of(parts[3]) : (pace.isZero() ? Writes.BULK : Writes.EVENTS);
		return new Workload(Integer.parseInt(parts[0]), Duration.ofMillis(Long.parseLong(parts[1])), pace, writes);
	}

	/**
	 * How the server writes the events of a stream.
	 */
	public enum Writes {

		/**
		 * The whole stream as slices of 64 KB of its bytes, each a write: one network read carries hundreds of events.
		 * It measures bulk decoding and hides the cost per chunk.
		 */
		BULK("bulk"),

		/**
		 * Each SSE event its own write and flush, as inference servers write one event per token: a read carries one
		 * event or a few, as many as arrived since the client's last read.
		 */
		EVENTS("events");

		private final String label;

		Writes(String label) {
			this.label = label;
		}

		static Writes of(String label) {
			for (Writes writes : values()) {
				if (writes.label.equals(label.toLowerCase(Locale.ROOT))) {
					return writes;
				}
			}
			throw new IllegalArgumentException("Unknown write mode '" + label + "', not bulk or events");
		}

	}

}
