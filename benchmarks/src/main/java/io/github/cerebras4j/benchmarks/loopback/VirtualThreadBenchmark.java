package io.github.cerebras4j.benchmarks.loopback;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.github.cerebras4j.benchmarks.clients.CerebrasBlocking;
import io.github.cerebras4j.benchmarks.clients.Contender;
import io.github.cerebras4j.benchmarks.server.Workload;
import io.github.cerebras4j.benchmarks.threads.VirtualThreadEvents;
import io.github.cerebras4j.benchmarks.threads.VirtualThreads;

/**
 * The blocking {@code CerebrasTemplate} on virtual threads, as a Spring MVC application with
 * {@code spring.threads.virtual.enabled=true} runs it: many concurrent streams, each iterated to its end on a thread
 * of its own, against the same work on a fixed pool of platform threads. The server is the
 * {@link io.github.cerebras4j.benchmarks.server.LoadServer}, one event per write, every stream paced.
 * <p>
 * Each measurement streams the same number of streams: on virtual threads all at once, each on a new virtual thread;
 * on the platform pool as many at a time as it has threads, the others queued. For each it gives the chunks per
 * second, the CPU time of this JVM per chunk, the platform threads alive before and the most alive during it
 * ({@link ThreadMXBean} counts platform threads only, carriers of virtual threads included), and the
 * {@code jdk.VirtualThreadPinned} (threshold zero) and {@code jdk.VirtualThreadSubmitFailed} events JFR recorded
 * during it. Rounds alternate which runs first; the first rounds warm up (and open the connections) and are not
 * counted.
 * <p>
 * The template's pool allows as many connections as there are streams ({@code maxConnections}): with the default of
 * 100, the streams beyond 100 would wait for a connection, and those beyond the pool's queue of pending acquisitions
 * would fail.
 * <p>
 * Virtual threads need Java 21; before it {@link #run()} returns a line saying the figure is skipped.
 */
public final class VirtualThreadBenchmark {

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private static final String THREADS_BEFORE = "platform threads before";

	private static final String PEAK_THREADS = "peak platform threads";

	private static final String PINNED = VirtualThreadEvents.PINNED;

	private static final String SUBMIT_FAILED = VirtualThreadEvents.SUBMIT_FAILED;

	private final Settings settings;

	private final String origin;

	private final String apiKey;

	private final String platform;

	private final String virtual;

	private final Figure figure;

	private final List<String> failures = new ArrayList<>();

	/**
	 * Prepares a run.
	 * @param settings the sizes of the workload and the number of rounds
	 * @param origin the load server's origin
	 * @param apiKey the key the client sends
	 */
	public VirtualThreadBenchmark(Settings settings, String origin, String apiKey) {
		this.settings = settings;
		this.origin = origin;
		this.apiKey = apiKey;
		this.platform = String.format("cerebras4j CerebrasTemplate, %,d platform threads", settings.platformThreads());
		this.virtual = String.format("cerebras4j CerebrasTemplate, %,d virtual threads", settings.streams());
		this.figure = new Figure(String.format("Virtual threads: %,d streams of %,d chunks, one event per write, each "
				+ "paced at %,d tokens/s, iterated to their end by CerebrasTemplate, all at once on virtual threads or "
				+ "%d at a time on platform threads (ratios to the first row; JFR events at threshold 0, summed over "
				+ "%d rounds)", settings.streams(), settings.chunks(), settings.tokensPerSecond(),
				settings.platformThreads(), settings.rounds()), List.of(this.platform, this.virtual))
			.rate("chunks/s", "chunk")
			.comparedTo("first row")
			.largest(THREADS_BEFORE)
			.largest(PEAK_THREADS)
			.summed(PINNED)
			.summed(SUBMIT_FAILED);
	}

	/**
	 * Runs every round and returns the table, or, before Java 21, a line saying why there is none.
	 * @return the figure as a Markdown table, with the failed calls under it
	 */
	public String run() {
		if (!VirtualThreads.available()) {
			String skipped = "Virtual threads: skipped, " + VirtualThreads.unavailableReason() + ".\n";
			System.out.print(skipped);
			return skipped;
		}
		Workload workload = Workload.chunks(this.settings.chunks()).paced(this.settings.tokensPerSecond());
		// a connection for every stream: the pool must not be what limits the virtual threads
		try (CerebrasBlocking cerebras = new CerebrasBlocking(this.origin, this.apiKey, this.settings.streams())) {
			int rounds = this.settings.warmupRounds() + this.settings.rounds();
			for (int round = 0; round < rounds; round++) {
				boolean counted = round >= this.settings.warmupRounds();
				System.out.printf("virtual threads round %d of %d%s%n", round + 1, rounds, counted ? "" : " (warm-up)");
				boolean platformFirst = round % 2 == 0;
				measure(platformFirst, cerebras, workload, counted, round);
				measure(!platformFirst, cerebras, workload, counted, round);
			}
		}
		return this.figure.table() + failures();
	}

	private void measure(boolean onPlatformThreads, Contender cerebras, Workload workload, boolean counted, int round) {
		String name = onPlatformThreads ? this.platform : this.virtual;
		int streams = this.settings.streams();
		System.gc();
		try (VirtualThreadEvents events = VirtualThreadEvents.start()) {
			int threadsBefore = THREADS.getThreadCount();
			THREADS.resetPeakThreadCount();
			long cpuStart = CpuClock.nanos();
			long start = System.nanoTime();
			ExecutorService threads = onPlatformThreads
					? Executors.newFixedThreadPool(this.settings.platformThreads())
					: VirtualThreads.newThreadPerTaskExecutor();
			long textLength;
			try {
				textLength = cerebras.streamConcurrently(workload.model(), streams, threads)
					.stream()
					.mapToLong(Contender.Received::textLength)
					.sum();
			}
			finally {
				shutDown(threads);
			}
			long wall = System.nanoTime() - start;
			long cpu = CpuClock.nanos() - cpuStart;
			int peakThreads = THREADS.getPeakThreadCount();
			VirtualThreadEvents.Counts counts = events.stop();
			if (textLength != streams * workload.textLength()) {
				throw new IllegalStateException(name + " received " + textLength
						+ " characters of text where the server sent " + streams * workload.textLength());
			}
			long chunks = (long) streams * workload.chunks();
			System.out.printf("  %s: %,.0f chunks/s, %.2f µs CPU per chunk, platform threads %d before, %d at most, "
					+ "%s%n", name, chunks / (wall / 1e9), cpu / 1e3 / chunks, threadsBefore, peakThreads,
					counts.describe());
			if (counted) {
				this.figure.record(name, chunks / (wall / 1e9), (double) cpu / chunks);
				this.figure.count(name, THREADS_BEFORE, threadsBefore);
				this.figure.count(name, PEAK_THREADS, peakThreads);
				this.figure.count(name, PINNED, counts.pinned());
				this.figure.count(name, SUBMIT_FAILED, counts.submitFailed());
			}
		}
		catch (RuntimeException ex) {
			String failure = String.format("%s, round %d: %s", name, round + 1, describe(ex));
			this.failures.add(failure);
			System.out.println("  failed: " + failure);
		}
	}

	private static void shutDown(ExecutorService threads) {
		threads.shutdown();
		try {
			if (!threads.awaitTermination(1, TimeUnit.MINUTES)) {
				threads.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			threads.shutdownNow();
			Thread.currentThread().interrupt();
		}
	}

	private String failures() {
		if (this.failures.isEmpty()) {
			return "\nNo call failed.\n";
		}
		return "\nCalls that failed (their measurements are left out):\n\n- " + String.join("\n- ", this.failures)
				+ "\n";
	}

	private static String describe(Throwable failure) {
		StringBuilder description = new StringBuilder(failure.toString());
		for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
			description.append(", caused by ").append(cause);
		}
		return description.toString();
	}

	/**
	 * The sizes of a run.
	 *
	 * @param warmupRounds rounds run first and not counted
	 * @param rounds rounds counted
	 * @param streams how many streams each measurement runs
	 * @param platformThreads the size of the pool of platform threads they are compared with
	 * @param chunks content chunks of each stream
	 * @param tokensPerSecond the pace of each stream
	 */
	public record Settings(int warmupRounds, int rounds, int streams, int platformThreads, int chunks,
			int tokensPerSecond) {

		/**
		 * Returns the sizes the README reports: 1,000 streams of 100 chunks at 100 tokens/s, one second each, so that
		 * all of them at once (100,000 chunks/s) stay within what two cores serve and read; at a pace of thousands of
		 * tokens/s per stream the figure would measure the CPU rather than the threads. On 64 platform threads the
		 * same streams take 16 seconds.
		 * @return the settings
		 */
		public static Settings standard() {
			return new Settings(2, 5, 1_000, 64, 100, 100);
		}

	}

}
