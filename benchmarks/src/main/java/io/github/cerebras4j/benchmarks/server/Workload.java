package io.github.cerebras4j.benchmarks.server;

import java.time.Duration;

/**
 * What the {@link LoadServer} answers one request with, carried in the request's {@code model} field so that every
 * client, Spring AI included, can ask for it without extra headers: {@code bench-<chunks>-<delayMs>-<paceMicros>}.
 *
 * @param chunks how many content chunks a stream carries before the final chunk and {@code [DONE]}
 * @param firstChunkDelay how long the server waits before it sends the first byte of the body
 * @param pace how long the server waits between two chunks; zero writes the whole body at once
 */
public record Workload(int chunks, Duration firstChunkDelay, Duration pace) {

	private static final String PREFIX = "bench-";

	/**
	 * Returns the workload of a stream of {@code chunks} chunks sent as fast as the server can write them.
	 * @param chunks how many content chunks
	 * @return the workload
	 */
	public static Workload chunks(int chunks) {
		return new Workload(chunks, Duration.ZERO, Duration.ZERO);
	}

	/**
	 * Returns this workload with the server waiting before the first chunk.
	 * @param delay the wait
	 * @return a new workload
	 */
	public Workload firstChunkAfter(Duration delay) {
		return new Workload(this.chunks, delay, this.pace);
	}

	/**
	 * Returns the model name that asks the server for this workload.
	 * @return {@code bench-<chunks>-<delayMs>-<paceMicros>}
	 */
	public String model() {
		return PREFIX + this.chunks + "-" + this.firstChunkDelay.toMillis() + "-" + this.pace.toNanos() / 1000;
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
	 * Returns the text of the non-streamed completion the server answers with.
	 * @return the answer's {@code content}
	 */
	public static String completionText() {
		return WireFormat.COMPLETION_TEXT;
	}

	/**
	 * Reads the workload a model name asks for.
	 * @param model a name made by {@link #model()}
	 * @return the workload
	 * @throws IllegalArgumentException if the name was not made by {@link #model()}
	 */
	public static Workload of(String model) {
		String[] parts = model.startsWith(PREFIX) ? model.substring(PREFIX.length()).split("-") : new String[0];
		if (parts.length != 3) {
			throw new IllegalArgumentException("model '" + model + "' is not bench-<chunks>-<delayMs>-<paceMicros>");
		}
		return new Workload(Integer.parseInt(parts[0]), Duration.ofMillis(Long.parseLong(parts[1])),
				Duration.ofNanos(Long.parseLong(parts[2]) * 1000));
	}

}
