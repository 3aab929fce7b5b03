package io.github.cerebras4j.benchmarks.clients;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * One HTTP client measured by the benchmarks, doing what an application does with it: stream a chat completion to
 * its end reading every chunk's text, or create one and read its text. Blocking clients run concurrent calls on the
 * caller's threads; reactive and callback clients override the concurrent methods to start every call at once from one
 * thread, as their users would.
 * <p>
 * A stream's time to first token runs from the moment the application calls the client (on the thread that calls
 * it, just before the call) to the moment the first chunk that carries content is in its hands; a role-only first
 * chunk does not count.
 */
public interface Contender extends AutoCloseable {

	/** The prompt every request sends. */
	String PROMPT = "Tell me about foxes.";

	/**
	 * Returns the name printed in the table.
	 * @return the name
	 */
	String name();

	/**
	 * Streams one chat completion to its end.
	 * @param model the model, which names the server's workload
	 * @return what arrived
	 */
	Received stream(String model);

	/**
	 * Creates one chat completion (not streamed).
	 * @param model the model, which names the server's workload
	 * @return the answer's text
	 */
	String create(String model);

	/**
	 * Streams {@code count} chat completions at the same time.
	 * @param model the model, which names the server's workload
	 * @param count how many streams
	 * @param threads at least {@code count} threads, for blocking clients
	 * @return what each stream delivered
	 */
	default List<Received> streamConcurrently(String model, int count, ExecutorService threads) {
		List<Future<Received>> futures = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			futures.add(threads.submit(() -> stream(model)));
		}
		List<Received> received = new ArrayList<>(count);
		for (Future<Received> future : futures) {
			received.add(get(future));
		}
		return received;
	}

	/**
	 * Creates {@code requests} chat completions, {@code concurrency} at a time.
	 * @param model the model, which names the server's workload
	 * @param requests how many requests in all
	 * @param concurrency how many at a time
	 * @param threads at least {@code concurrency} threads, for blocking clients
	 * @return the characters of text received in all
	 */
	default long createConcurrently(String model, int requests, int concurrency, ExecutorService threads) {
		return sum(threads, concurrency, () -> {
			long length = 0;
			for (int i = 0; i < requests / concurrency; i++) {
				length += create(model).length();
			}
			return length;
		});
	}

	@Override
	void close();

	private static long sum(ExecutorService threads, int tasks, Callable<Long> task) {
		List<Future<Long>> futures = new ArrayList<>(tasks);
		for (int i = 0; i < tasks; i++) {
			futures.add(threads.submit(task));
		}
		long sum = 0;
		for (Future<Long> future : futures) {
			sum += get(future);
		}
		return sum;
	}

	private static <T> T get(Future<T> future) {
		try {
			return future.get();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("A concurrent call failed", ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	/**
	 * What one stream delivered.
	 *
	 * @param textLength the characters of text in all its chunks
	 * @param startNanos {@link System#nanoTime()} when the application called the client
	 * @param firstContentNanos {@link System#nanoTime()} when the first chunk that carries content reached the
	 * application, zero if none did
	 */
	record Received(long textLength, long startNanos, long firstContentNanos) {

		/**
		 * Returns the stream's time to first token.
		 * @return from the call to the first chunk that carries content, in nanoseconds
		 * @throws IllegalStateException if no chunk carried content
		 */
		public long timeToFirstTokenNanos() {
			if (this.firstContentNanos == 0) {
				throw new IllegalStateException("No chunk carried content");
			}
			return this.firstContentNanos - this.startNanos;
		}

	}

}
