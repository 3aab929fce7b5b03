package io.github.cerebras4j.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.github.cerebras4j.benchmarks.clients.CerebrasBlocking;
import io.github.cerebras4j.benchmarks.clients.CerebrasReactive;
import io.github.cerebras4j.benchmarks.clients.Contender;
import io.github.cerebras4j.benchmarks.clients.JdkHttpBaseline;
import io.github.cerebras4j.benchmarks.clients.LangChain4jOpenAi;
import io.github.cerebras4j.benchmarks.clients.SpringAiChatClient;
import io.github.cerebras4j.benchmarks.clients.SpringAiOpenAi;
import io.github.cerebras4j.benchmarks.fleet.FleetSimulation;
import io.github.cerebras4j.benchmarks.jmh.ClientAllocationBenchmark;
import io.github.cerebras4j.benchmarks.jmh.SseDecodeBenchmark;
import io.github.cerebras4j.benchmarks.loopback.LoopbackBenchmark;
import io.github.cerebras4j.benchmarks.loopback.VirtualThreadBenchmark;
import io.github.cerebras4j.benchmarks.server.LoadServerProcess;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks and prints one Markdown report: the end-to-end loopback figures, the blocking template on
 * virtual threads (Java 21 or newer; skipped before), then JMH's allocation per chunk and per request and its SSE
 * decoding microbenchmark, then the fleet simulation of the throttle. {@code mvn -pl benchmarks -am -Pbench verify} runs all of them; {@code -Dbench=} names the
 * ones to run, separated by commas: {@value #LOOPBACK}, {@value #VIRTUAL_THREADS}, {@value #JMH}, {@value #FLEET} or {@code all}.
 */
public final class BenchmarkMain {

	/** The name of the loopback figures for {@code -Dbench}. */
	public static final String LOOPBACK = "loopback";

	/** The name of the virtual-thread figure for {@code -Dbench}. */
	public static final String VIRTUAL_THREADS = "virtual-threads";

	/** The name of the JMH benchmarks for {@code -Dbench}. */
	public static final String JMH = "jmh";

	/** The name of the fleet simulation for {@code -Dbench}. */
	public static final String FLEET = "fleet";

	private static final List<String> ALL = List.of(LOOPBACK, VIRTUAL_THREADS, JMH, FLEET);

	private static final String API_KEY = "bench-key";

	private BenchmarkMain() {
	}

	/**
	 * Runs the benchmarks the system property {@code bench} names, all by default.
	 * @param args none
	 * @throws RunnerException if JMH fails
	 */
	public static void main(String[] args) throws RunnerException, InterruptedException {
		long start = System.nanoTime();
		Set<String> selected = selected(System.getProperty("bench", "all"));
		StringBuilder report = new StringBuilder();
		if (selected.contains(LOOPBACK) || selected.contains(VIRTUAL_THREADS)) {
			try (LoadServerProcess server = LoadServerProcess.start()) {
				if (selected.contains(LOOPBACK)) {
					report.append(loopback(server.origin())).append("\n");
				}
				if (selected.contains(VIRTUAL_THREADS)) {
					report.append(new VirtualThreadBenchmark(VirtualThreadBenchmark.Settings.standard(), server.origin(),
							API_KEY)
						.run()).append("\n");
				}
			}
		}
		if (selected.contains(JMH)) {
			Collection<RunResult> jmh = new Runner(jmhOptions()).run();
			report.append(allocationTable(jmh)).append("\n").append(decodeTable(jmh));
		}
		if (selected.contains(FLEET)) {
			FleetSimulation fleet = new FleetSimulation(FleetSimulation.Settings.standard());
			String variants = System.getProperty("fleet", String.join(",", FleetSimulation.VARIANTS));
			report.append(FleetSimulation.report(fleet.run(List.of(variants.split(","))))).append("\n");
		}
		System.out.println();
		System.out.println("## Benchmark report\n");
		System.out.println(machine() + "\n");
		System.out.println(report);
		System.out.printf("The benchmarks ran in %.1f minutes.%n", (System.nanoTime() - start) / 60e9);
	}

	private static Set<String> selected(String names) {
		Set<String> selected = new LinkedHashSet<>();
		for (String name : names.split(",")) {
			String trimmed = name.trim().toLowerCase(Locale.ROOT);
			if (trimmed.equals("all")) {
				selected.addAll(ALL);
			}
			else if (ALL.contains(trimmed)) {
				selected.add(trimmed);
			}
			else {
				throw new IllegalArgumentException("Unknown benchmark '" + name + "' in -Dbench=" + names + ": use "
						+ String.join(", ", ALL) + " or all, separated by commas");
			}
		}
		return selected;
	}

	private static String loopback(String origin) {
		int concurrency = LoopbackBenchmark.Settings.standard().concurrency();
		List<Contender> contenders = contenders(origin, concurrency);
		List<Contender> chatClients = chatClientContenders(origin, concurrency);
		try {
			return new LoopbackBenchmark(LoopbackBenchmark.Settings.standard(), contenders, chatClients).run();
		}
		finally {
			contenders.forEach(Contender::close);
			chatClients.forEach(Contender::close);
		}
	}

	/**
	 * Returns the contenders, the baseline first.
	 * @param origin the load server's origin
	 * @param maxConnections the connection pool size where the client has one
	 * @return the contenders
	 */
	static List<Contender> contenders(String origin, int maxConnections) {
		return List.of(new JdkHttpBaseline(origin, API_KEY), new CerebrasReactive(origin, API_KEY, maxConnections),
				new CerebrasBlocking(origin, API_KEY, maxConnections), new SpringAiOpenAi(origin, API_KEY),
				new LangChain4jOpenAi(origin, API_KEY));
	}

	/**
	 * Returns Spring AI's {@code ChatClient} on each chat model compared, the one the others are compared with first.
	 * @param origin the load server's origin
	 * @param maxConnections the connection pool size where the client has one
	 * @return the contenders
	 */
	static List<Contender> chatClientContenders(String origin, int maxConnections) {
		return List.of(SpringAiChatClient.onOpenAiChatModel(origin, API_KEY),
				SpringAiChatClient.onCerebrasChatModel(origin, API_KEY, maxConnections));
	}

	private static Options jmhOptions() {
		return new OptionsBuilder().include(SseDecodeBenchmark.class.getName())
			.include(ClientAllocationBenchmark.class.getName())
			.forks(1)
			.warmupIterations(3)
			.warmupTime(TimeValue.seconds(1))
			.measurementIterations(5)
			.measurementTime(TimeValue.seconds(1))
			.jvmArgs("-Xms1g", "-Xmx1g")
			.addProfiler(GCProfiler.class)
			.build();
	}

	private static String allocationTable(Collection<RunResult> results) {
		Map<String, double[]> byClient = new TreeMap<>();
		for (RunResult result : results) {
			String benchmark = result.getParams().getBenchmark();
			if (benchmark.startsWith(ClientAllocationBenchmark.class.getName())) {
				double[] row = byClient.computeIfAbsent(result.getParams().getParam("client"), (client) -> new double[2]);
				row[benchmark.endsWith(".stream") ? 0 : 1] = allocated(result);
			}
		}
		StringBuilder table = new StringBuilder(
				"#### Allocation (JMH -prof gc, gc.alloc.rate.norm)\n\n| client | bytes per chunk | bytes per request |\n|---|--:|--:|\n");
		byClient.forEach((client, row) -> table.append(String.format("| %s | %,.0f | %,.0f |%n", client, row[0], row[1])));
		return table.toString();
	}

	private static String decodeTable(Collection<RunResult> results) {
		StringBuilder table = new StringBuilder(
				"#### Decoding one SSE event into a chunk (JMH)\n\n| decoder | ns per event | bytes per event |\n|---|--:|--:|\n");
		for (RunResult result : results) {
			String benchmark = result.getParams().getBenchmark();
			if (benchmark.startsWith(SseDecodeBenchmark.class.getName())) {
				table.append(String.format("| %s | %.0f ± %.0f | %,.0f |%n",
						benchmark.substring(benchmark.lastIndexOf('.') + 1), result.getPrimaryResult().getScore(),
						result.getPrimaryResult().getScoreError(), allocated(result)));
			}
		}
		return table.toString();
	}

	private static double allocated(RunResult result) {
		return result.getSecondaryResults().get("gc.alloc.rate.norm").getScore();
	}

	private static String machine() {
		String cpu = "unknown CPU";
		try {
			cpu = Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.findFirst()
				.orElse(cpu);
		}
		catch (IOException | RuntimeException ex) {
			// not Linux: the processor count and the JVM still say enough
		}
		return String.format("Machine: %s, %d cores available, %s %s, %s", cpu,
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
				System.getProperty("java.vm.version"), System.getProperty("os.name"));
	}

}
