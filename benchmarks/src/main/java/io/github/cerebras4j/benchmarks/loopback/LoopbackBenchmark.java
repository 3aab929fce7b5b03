package io.github.cerebras4j.benchmarks.loopback;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.cerebras4j.benchmarks.clients.Contender;
import io.github.cerebras4j.benchmarks.server.Workload;

/**
 * The end-to-end figures: every contender against the same {@link io.github.cerebras4j.benchmarks.server.LoadServer}
 * with the same workloads, in rounds. Each round measures every contender once per figure, in an order that rotates
 * from round to round so that none always runs first or last; the first rounds warm the JIT up and are not counted.
 * Every call's text is checked against what the server sent, so a client that drops chunks fails instead of winning.
 * <p>
 * Streams are written as inference servers write them, one SSE event per write and flush, except in the secondary
 * figure of bulk writes. The figures:
 * <ol>
 * <li>one stream at a time, unpaced: chunks per second and CPU time per chunk;</li>
 * <li>concurrent streams, each paced at a rate of tokens per second: time to first token of every stream, aggregate
 * chunks per second and CPU time per chunk;</li>
 * <li>as many concurrent streams, unpaced: aggregate chunks per second and CPU time per chunk, what a client can take
 * when the pace does not cap it;</li>
 * <li>one stream at a time whose server sends its first byte after a delay: the time to first token beyond that
 * delay;</li>
 * <li>not streamed, one request at a time: requests per second, latency, CPU time per request and per answer
 * token;</li>
 * <li>not streamed, many requests at a time: requests per second and CPU time per request;</li>
 * <li>one stream at a time written in bulk, 64 KB per write: chunks per second and CPU time per chunk.</li>
 * </ol>
 * A second group of contenders, Spring AI's {@code ChatClient} on different chat models, runs figures of its own,
 * against the same server in the same rounds (its contenders take their turns in the same rotation), compared with
 * the group's first contender rather than the baseline:
 * <ol>
 * <li>through {@code ChatClient}, one stream at a time, one event per write, unpaced: chunks per second and CPU time
 * per chunk;</li>
 * <li>through {@code ChatClient}, as many concurrent streams as in the figures above, unpaced: aggregate chunks per
 * second and CPU time per chunk.</li>
 * </ol>
 * Except the paced streams, which run once per round, each measurement repeats its work until it has lasted long
 * enough for the CPU clock. A call that fails (not one that returns the wrong text) does not stop the run: the
 * measurement it belonged to is dropped, and the report lists it under the tables.
 */
public final class LoopbackBenchmark {

	private final Settings settings;

	private final List<Contender> contenders;

	private final Figure singleStream;

	private final Figure pacedStreams;

	private final Figure concurrentStreams;

	private final List<String> failures = new ArrayList<>();

	private final Figure firstToken;

	private final Figure sequentialCreates;

	private final Figure concurrentCreates;

	private final Figure bulkStream;

	private final List<Contender> chatClientContenders;

	private final Figure chatClientStream;

	private final Figure chatClientConcurrentStreams;

	/**
	 * Prepares a run of the figures of HTTP clients only.
	 * @param settings the sizes of the workloads and the number of rounds
	 * @param contenders the clients, the baseline first
	 */
	public LoopbackBenchmark(Settings settings, List<Contender> contenders) {
		this(settings, contenders, List.of());
	}

	/**
	 * Prepares a run.
	 * @param settings the sizes of the workloads and the number of rounds
	 * @param contenders the clients, the baseline first
	 * @param chatClientContenders Spring AI's {@code ChatClient} on the chat models compared, the one the others are
	 * compared with first; none for no {@code ChatClient} figures
	 */
	public LoopbackBenchmark(Settings settings, List<Contender> contenders, List<Contender> chatClientContenders) {
		this.settings = settings;
		this.contenders = contenders;
		this.chatClientContenders = chatClientContenders;
		List<String> names = contenders.stream().map(Contender::name).toList();
		long minimum = settings.minMeasurement().toMillis();
		this.singleStream = new Figure(String.format("Streaming, one stream of %,d chunks at a time, one event per "
				+ "write, unpaced (streams in sequence for at least %,d ms per measurement)", settings.streamChunks(),
				minimum), names)
			.rate("chunks/s", "chunk");
		this.pacedStreams = new Figure(String.format(
				"Streaming, %d concurrent streams of %,d chunks, each paced at %,d tokens/s (TTFT over %,d streams)",
				settings.concurrency(), settings.pacedStreamChunks(), settings.tokensPerSecond(),
				settings.rounds() * settings.concurrency()), names)
			.latency("TTFT")
			.rate("chunks/s", "chunk");
		this.concurrentStreams = new Figure(String.format(
				"Streaming, %d concurrent streams of %,d chunks, unpaced (for at least %,d ms per measurement)",
				settings.concurrency(), settings.pacedStreamChunks(), minimum), names)
			.rate("chunks/s", "chunk");
		this.firstToken = new Figure(String.format(
				"Time to first token beyond the server's %d ms before its first byte (%,d streams, one at a time)",
				settings.firstByteDelay().toMillis(), settings.rounds() * settings.firstTokenSamples()), names)
			.latency("TTFT");
		this.sequentialCreates = new Figure(String.format(
				"Not streaming, %,d-token answers, one request at a time (for at least %,d ms per measurement)",
				settings.answerTokens(), minimum), names)
			.latency("latency")
			.rate("requests/s", "request")
			.cpuPerToken(settings.answerTokens());
		this.concurrentCreates = new Figure(String.format(
				"Not streaming, %,d-token answers, %d at a time (batches of %,d for at least %,d ms per measurement)",
				settings.answerTokens(), settings.concurrency(), settings.concurrentRequests(), minimum), names)
			.rate("requests/s", "request");
		this.bulkStream = new Figure(String.format("Bulk writes (64 KB per write, not how servers stream): one "
				+ "stream of %,d chunks at a time (for at least %,d ms per measurement)", settings.bulkStreamChunks(),
				minimum), names)
			.rate("chunks/s", "chunk");
		List<String> chatClients = chatClientContenders.stream().map(Contender::name).toList();
		String reference = chatClients.isEmpty() ? "" : chatClients.get(0);
		this.chatClientStream = new Figure(String.format("Spring AI ChatClient, stream().content(): one stream of %,d "
				+ "chunks at a time, one event per write, unpaced (streams in sequence for at least %,d ms per "
				+ "measurement; ratios to %s)", settings.streamChunks(), minimum, reference), chatClients)
			.rate("chunks/s", "chunk")
			.comparedTo("first row");
		this.chatClientConcurrentStreams = new Figure(String.format("Spring AI ChatClient, stream().content(): %d "
				+ "concurrent streams of %,d chunks, unpaced (for at least %,d ms per measurement; ratios to %s)",
				settings.concurrency(), settings.pacedStreamChunks(), minimum, reference), chatClients)
			.rate("chunks/s", "chunk")
			.comparedTo("first row");
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
				int entrants = this.contenders.size() + this.chatClientContenders.size();
				for (int i = 0; i < entrants; i++) {
					int entrant = (round + i) % entrants;
					if (entrant < this.contenders.size()) {
						Contender contender = this.contenders.get(entrant);
						runRound(contender, figures(contender, threads, counted), round);
					}
					else {
						Contender contender = this.chatClientContenders.get(entrant - this.contenders.size());
						runRound(contender, chatClientFigures(contender, threads, counted), round);
					}
				}
			}
		}
		finally {
			threads.shutdownNow();
		}
		return String.format("%d warm-up rounds, then %d counted rounds; each runs every figure for every contender "
				+ "once, in an order that rotates from round to round.%n%n", this.settings.warmupRounds(),
				this.settings.rounds()) + this.singleStream.table() + "\n" + this.pacedStreams.table() + "\n"
				+ this.concurrentStreams.table() + "\n" + this.firstToken.table() + "\n" + this.sequentialCreates.table() + "\n"
				+ this.concurrentCreates.table() + "\n" + this.bulkStream.table() + chatClientTables() + failures();
	}

	private String chatClientTables() {
		if (this.chatClientContenders.isEmpty()) {
			return "";
		}
		return "\n" + this.chatClientStream.table() + "\n" + this.chatClientConcurrentStreams.table();
	}

	private String failures() {
		if (this.failures.isEmpty()) {
			return "\nNo call failed.\n";
		}
		return "\nCalls that failed (their measurements are left out):\n\n- " + String.join("\n- ", this.failures)
				+ "\n";
	}

	private void runRound(Contender contender, List<Runnable> figures, int round) {
		for (Runnable figure : figures) {
			try {
				figure.run();
			}
			catch (WrongText ex) {
				throw ex;
			}
			catch (RuntimeException ex) {
				String failure = describe(ex);
				this.failures.add(String.format("%s, round %d: %s", contender.name(), round + 1, failure));
				System.out.printf("%s failed a call: %s%n", contender.name(), failure);
			}
		}
	}

	private static String describe(Throwable failure) {
		StringBuilder description = new StringBuilder(failure.toString());
		for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
			description.append(", caused by ").append(cause);
		}
		return description.toString();
	}

	private List<Runnable> figures(Contender contender, ExecutorService threads, boolean counted) {
		return List.of(() -> singleStream(contender, counted), () -> pacedStreams(contender, threads, counted),
				() -> concurrentStreams(contender, threads, counted), () -> firstToken(contender, counted),
				() -> sequentialCreates(contender, counted), () -> concurrentCreates(contender, threads, counted),
				() -> bulkStream(contender, counted));
	}

	private List<Runnable> chatClientFigures(Contender contender, ExecutorService threads, boolean counted) {
		return List.of(() -> chatClientStream(contender, counted),
				() -> chatClientConcurrentStreams(contender, threads, counted));
	}

	private void singleStream(Contender contender, boolean counted) {
		Workload stream = Workload.chunks(this.settings.streamChunks());
		measure(this.settings.minMeasurement(), this.singleStream, contender, counted, stream.chunks(),
				() -> check(contender, stream.textLength(), contender.stream(stream.model()).textLength()));
	}

	private void pacedStreams(Contender contender, ExecutorService threads, boolean counted) {
		Workload paced = Workload.chunks(this.settings.pacedStreamChunks()).paced(this.settings.tokensPerSecond());
		int streams = this.settings.concurrency();
		measure(Duration.ZERO, this.pacedStreams, contender, counted, (long) streams * paced.chunks(), () -> {
			List<Contender.Received> received = contender.streamConcurrently(paced.model(), streams, threads);
			check(contender, streams * paced.textLength(),
					received.stream().mapToLong(Contender.Received::textLength).sum());
			if (counted) {
				received.forEach((each) -> this.pacedStreams.sample(contender.name(),
						each.timeToFirstTokenNanos() / 1e6));
			}
		});
	}

	private void concurrentStreams(Contender contender, ExecutorService threads, boolean counted) {
		Workload unpaced = Workload.chunks(this.settings.pacedStreamChunks());
		int streams = this.settings.concurrency();
		measure(this.settings.minMeasurement(), this.concurrentStreams, contender, counted,
				(long) streams * unpaced.chunks(), () -> check(contender, streams * unpaced.textLength(),
						contender.streamConcurrently(unpaced.model(), streams, threads)
							.stream()
							.mapToLong(Contender.Received::textLength)
							.sum()));
	}

	private void firstToken(Contender contender, boolean counted) {
		Duration delay = this.settings.firstByteDelay();
		Workload delayed = Workload.chunks(20).firstChunkAfter(delay);
		for (int i = 0; i < this.settings.firstTokenSamples(); i++) {
			Contender.Received received = contender.stream(delayed.model());
			check(contender, delayed.textLength(), received.textLength());
			if (counted) {
				this.firstToken.sample(contender.name(), (received.timeToFirstTokenNanos() - delay.toNanos()) / 1e6);
			}
		}
	}

	private void sequentialCreates(Contender contender, boolean counted) {
		Workload answer = Workload.chunks(this.settings.answerTokens());
		long answerLength = answer.answer().length();
		measure(this.settings.minMeasurement(), this.sequentialCreates, contender, counted, 1, () -> {
			long start = System.nanoTime();
			String text = contender.create(answer.model());
			long latency = System.nanoTime() - start;
			check(contender, answerLength, text.length());
			if (counted) {
				this.sequentialCreates.sample(contender.name(), latency / 1e6);
			}
		});
	}

	private void concurrentCreates(Contender contender, ExecutorService threads, boolean counted) {
		Workload answer = Workload.chunks(this.settings.answerTokens());
		long answerLength = answer.answer().length();
		measure(this.settings.minMeasurement(), this.concurrentCreates, contender, counted,
				this.settings.concurrentRequests(), () -> {
					long textLength = contender.createConcurrently(answer.model(), this.settings.concurrentRequests(),
							this.settings.concurrency(), threads);
					check(contender, answerLength * this.settings.concurrentRequests(), textLength);
				});
	}

	private void bulkStream(Contender contender, boolean counted) {
		Workload bulk = Workload.chunks(this.settings.bulkStreamChunks()).inBulk();
		measure(this.settings.minMeasurement(), this.bulkStream, contender, counted, bulk.chunks(),
				() -> check(contender, bulk.textLength(), contender.stream(bulk.model()).textLength()));
	}

	/**
	 * The single-stream figure through {@code ChatClient}: the same workload as {@link #singleStream}, every piece of
	 * text {@code stream().content()} emits counted and checked against what the server sent.
	 */
	private void chatClientStream(Contender contender, boolean counted) {
		Workload stream = Workload.chunks(this.settings.streamChunks());
		measure(this.settings.minMeasurement(), this.chatClientStream, contender, counted, stream.chunks(),
				() -> check(contender, stream.textLength(), contender.stream(stream.model()).textLength()));
	}

	/**
	 * The concurrent-streams figure through {@code ChatClient}: the same workload as {@link #concurrentStreams}.
	 */
	private void chatClientConcurrentStreams(Contender contender, ExecutorService threads, boolean counted) {
		Workload unpaced = Workload.chunks(this.settings.pacedStreamChunks());
		int streams = this.settings.concurrency();
		measure(this.settings.minMeasurement(), this.chatClientConcurrentStreams, contender, counted,
				(long) streams * unpaced.chunks(), () -> check(contender, streams * unpaced.textLength(),
						contender.streamConcurrently(unpaced.model(), streams, threads)
							.stream()
							.mapToLong(Contender.Received::textLength)
							.sum()));
	}

	/**
	 * Measures runs of the same work one after the other, at least one and for at least {@code minimum}: the CPU
	 * clock ticks every 10 ms on Linux, so CPU time per unit needs measurements of half a second to be within 2%.
	 */
	private static void measure(Duration minimum, Figure figure, Contender contender, boolean counted,
			long unitsPerRun, Runnable run) {
		System.gc();
		long cpuStart = CpuClock.nanos();
		long start = System.nanoTime();
		long runs = 0;
		do {
			run.run();
			runs++;
		}
		while (System.nanoTime() - start < minimum.toNanos());
		long wall = System.nanoTime() - start;
		long cpu = CpuClock.nanos() - cpuStart;
		if (counted) {
			figure.record(contender.name(), runs * unitsPerRun / (wall / 1e9), (double) cpu / (runs * unitsPerRun));
		}
	}

	private static void check(Contender contender, long expected, long actual) {
		if (expected != actual) {
			throw new WrongText(contender.name() + " received " + actual + " characters of text where the server sent "
					+ expected);
		}
	}

	/** A contender returned text that is not what the server sent: the run stops. */
	private static final class WrongText extends IllegalStateException {

		WrongText(String message) {
			super(message);
		}

	}

	/**
	 * The sizes of a run.
	 *
	 * @param warmupRounds rounds run first and not counted
	 * @param rounds rounds counted
	 * @param minMeasurement how long a measurement repeats its work (a single stream, a request, a batch of
	 * concurrent requests), at least, except the paced streams' which runs them once
	 * @param streamChunks chunks of the single unpaced stream
	 * @param pacedStreamChunks chunks of each paced concurrent stream
	 * @param tokensPerSecond the pace of each paced stream
	 * @param firstByteDelay how long the server waits before the first byte of the streams that measure the time to
	 * first token alone
	 * @param firstTokenSamples such streams per contender and round, one after the other
	 * @param answerTokens tokens of each non-streamed answer
	 * @param concurrentRequests non-streamed requests of one batch, {@code concurrency} at a time
	 * @param bulkStreamChunks chunks of the single stream written in bulk
	 * @param concurrency how many streams, and how many requests, at a time
	 */
	public record Settings(int warmupRounds, int rounds, Duration minMeasurement, int streamChunks,
			int pacedStreamChunks, int tokensPerSecond, Duration firstByteDelay, int firstTokenSamples,
			int answerTokens, int concurrentRequests, int bulkStreamChunks, int concurrency) {

		/**
		 * Returns the sizes the README reports.
		 * @return the settings
		 */
		public static Settings standard() {
			return new Settings(3, 7, Duration.ofMillis(500), 2_000, 1_000, 2_000, Duration.ofMillis(200), 15, 200,
					3_200, 20_000, 64);
		}

	}

}
