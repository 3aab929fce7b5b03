package io.github.cerebras4j.benchmarks.loopback;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.cerebras4j.benchmarks.clients.Contender;
import io.github.cerebras4j.benchmarks.server.Workload;

/**
 * The end-to-end figures: every contender against the same {@link io.github.cerebras4j.benchmarks.server.LoadServer}
 * with the same workload, in rounds. Each round measures every contender once per figure, in an order that rotates
 * from round to round so that none always runs first or last; the first rounds warm the JIT up and are not counted.
 * Every call's text is checked against what the server sent, so a client that drops chunks fails instead of winning.
 */
public final class LoopbackBenchmark {

	private static final Duration FIRST_CHUNK_DELAY = Duration.ofMillis(50);

	private final Settings settings;

	private final Figure singleStream;

	private final Figure concurrentStreams;

	private final Figure sequentialCreates;

	private final Figure concurrentCreates;

	private final Map<String, List<Double>> firstChunkOverheadMillis = new LinkedHashMap<>();

	private final List<Contender> contenders;

	/**
	 * Prepares a run.
	 * @param settings the sizes of the workloads and the number of rounds
	 * @param contenders the clients, the baseline first
	 */
	public LoopbackBenchmark(Settings settings, List<Contender> contenders) {
		this.settings = settings;
		this.contenders = contenders;
		List<String> names = contenders.stream().map(Contender::name).toList();
		names.forEach((name) -> this.firstChunkOverheadMillis.put(name, new ArrayList<>()));
		this.singleStream = new Figure(String.format("Streaming, one stream of %,d chunks at a time",
				settings.streamChunks()), "chunks/s", "chunk", names);
		this.concurrentStreams = new Figure(String.format("Streaming, %d concurrent streams of %,d chunks (aggregate)",
				settings.concurrency(), settings.concurrentStreamChunks()), "chunks/s", "chunk", names);
		this.sequentialCreates = new Figure(
				String.format("Not streaming, %,d sequential requests", settings.sequentialRequests()), "requests/s",
				"request", names);
		this.concurrentCreates = new Figure(String.format("Not streaming, %,d requests, %d at a time",
				settings.concurrentRequests(), settings.concurrency()), "requests/s", "request", names);
	}

	/**
	 * Runs every round and returns the tables.
	 * @return the figures as Markdown tables
	 */
	public String run() {
		ExecutorService threads = Executors.newFixedThreadPool(this.settings.concurrency());
		try {
			int rounds = this.settings.warmupRounds() + this.settings.rounds();
			for (int round = 0; round < rounds; round++) {
				boolean counted = round >= this.settings.warmupRounds();
				System.out.printf("loopback round %d of %d%s%n", round + 1, rounds, counted ? "" : " (warm-up)");
				for (int i = 0; i < this.contenders.size(); i++) {
					Contender contender = this.contenders.get((round + i) % this.contenders.size());
					runRound(contender, threads, counted);
				}
			}
		}
		finally {
			threads.shutdownNow();
		}
		return this.singleStream.table() + "\n" + this.concurrentStreams.table() + "\n" + firstChunkTable() + "\n"
				+ this.sequentialCreates.table() + "\n" + this.concurrentCreates.table();
	}

	private void runRound(Contender contender, ExecutorService threads, boolean counted) {
		Workload stream = Workload.chunks(this.settings.streamChunks());
		int repeats = this.settings.streamRepeats();
		measure(this.singleStream, contender, counted, (long) repeats * stream.chunks(), () -> {
			for (int i = 0; i < repeats; i++) {
				check(contender, stream.textLength(), contender.stream(stream.model()).textLength());
			}
		});

		Workload concurrent = Workload.chunks(this.settings.concurrentStreamChunks());
		int streams = this.settings.concurrency();
		measure(this.concurrentStreams, contender, counted, (long) streams * concurrent.chunks(), () -> {
			long textLength = contender.streamConcurrently(concurrent.model(), streams, threads);
			check(contender, streams * concurrent.textLength(), textLength);
		});

		Workload delayed = Workload.chunks(10).firstChunkAfter(FIRST_CHUNK_DELAY);
		for (int i = 0; i < this.settings.firstChunkSamples(); i++) {
			long start = System.nanoTime();
			Contender.Received received = contender.stream(delayed.model());
			check(contender, delayed.textLength(), received.textLength());
			if (counted) {
				this.firstChunkOverheadMillis.get(contender.name())
					.add((received.firstChunkNanos() - start - FIRST_CHUNK_DELAY.toNanos()) / 1e6);
			}
		}

		String model = Workload.chunks(0).model();
		long answer = Workload.completionText().length();
		measure(this.sequentialCreates, contender, counted, this.settings.sequentialRequests(), () -> {
			for (int i = 0; i < this.settings.sequentialRequests(); i++) {
				check(contender, answer, contender.create(model).length());
			}
		});
		measure(this.concurrentCreates, contender, counted, this.settings.concurrentRequests(), () -> {
			long textLength = contender.createConcurrently(model, this.settings.concurrentRequests(),
					this.settings.concurrency(), threads);
			check(contender, answer * this.settings.concurrentRequests(), textLength);
		});
	}

	private static void measure(Figure figure, Contender contender, boolean counted, long units, Runnable work) {
		System.gc();
		long cpuStart = CpuClock.nanos();
		long start = System.nanoTime();
		work.run();
		long wall = System.nanoTime() - start;
		long cpu = CpuClock.nanos() - cpuStart;
		if (counted) {
			figure.record(contender.name(), units / (wall / 1e9), (double) cpu / units);
		}
	}

	private static void check(Contender contender, long expected, long actual) {
		if (expected != actual) {
			throw new IllegalStateException(contender.name() + " received " + actual
					+ " characters of text where the server sent " + expected);
		}
	}

	private String firstChunkTable() {
		StringBuilder table = new StringBuilder();
		table.append(String.format("#### Time to first chunk, minus the server's %d ms delay (%d samples each)%n%n",
				FIRST_CHUNK_DELAY.toMillis(), this.settings.rounds() * this.settings.firstChunkSamples()));
		table.append("| client | p50 ms | p99 ms | p50 vs baseline |\n|---|--:|--:|--:|\n");
		double baseline = Double.NaN;
		for (Map.Entry<String, List<Double>> entry : this.firstChunkOverheadMillis.entrySet()) {
			double[] samples = Figure.sorted(entry.getValue());
			double p50 = Figure.percentile(samples, 50);
			if (Double.isNaN(baseline)) {
				baseline = p50;
			}
			table.append(String.format("| %s | %.2f | %.2f | %+.2f ms |%n", entry.getKey(), p50,
					Figure.percentile(samples, 99), p50 - baseline));
		}
		return table.toString();
	}

	/**
	 * The sizes of a run.
	 *
	 * @param warmupRounds rounds run first and not counted
	 * @param rounds rounds counted
	 * @param streamChunks chunks of the single stream
	 * @param streamRepeats single streams, one after the other, in one measurement
	 * @param concurrentStreamChunks chunks of each concurrent stream
	 * @param firstChunkSamples streams per contender and round for the time to first chunk
	 * @param sequentialRequests non-streamed requests per contender and round, one after the other
	 * @param concurrentRequests non-streamed requests per contender and round, {@code concurrency} at a time
	 * @param concurrency how many streams, and how many requests, at a time
	 */
	public record Settings(int warmupRounds, int rounds, int streamChunks, int streamRepeats,
			int concurrentStreamChunks,
			int firstChunkSamples, int sequentialRequests, int concurrentRequests, int concurrency) {

		/**
		 * Returns the sizes the README reports, about five minutes on two cores.
		 * @return the settings
		 */
		public static Settings standard() {
			return new Settings(3, 7, 20_000, 3, 2_500, 20, 2_000, 6_400, 64);
		}

	}

}
