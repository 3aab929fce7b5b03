package io.github.cerebras4j.benchmarks.fleet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.github.cerebras4j.client.ReactiveCerebrasTemplate;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.error.RateLimitException;
import io.github.cerebras4j.client.throttle.LocalBudgetStore;
import io.github.cerebras4j.client.throttle.ThrottleSettings;
import io.github.cerebras4j.test.CerebrasMockServer;
import io.github.cerebras4j.test.RateLimitStats;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * A fleet of instances, each with its own {@link ReactiveCerebrasTemplate} and connection pool, sending a steady
 * overload (by default twice what the budget admits) to one {@link CerebrasMockServer} that enforces a budget in
 * windows scaled down to a second, for a few windows; then no more calls start, and the run ends when the last one
 * does. Run once without a throttle, once with a throttle of each instance's own, and with a throttle whose budget
 * the instances share (with and without an outage of its backend half way through the load), it reports for each:
 * the 429 responses, the requests sent, the tokens used per window as a fraction of the budget, the calls that
 * failed, and the wait the throttle added (p50 and p99).
 */
public final class FleetSimulation {

	/** The names of the variants, in the order they run. */
	public static final List<String> VARIANTS = List.of("none", "local", "memory", "redis", "redis-outage",
			"redis-skew");

	/** How far the instances' clocks are from the true time in {@code redis-skew}: half ahead, half behind. */
	static final Duration SKEW = Duration.ofMillis(50);

	private static final String MODEL = "llama3.1-8b";


	private final Settings settings;

	/**
	 * Creates the simulation.
	 * @param settings its sizes
	 */
	public FleetSimulation(Settings settings) {
		this.settings = settings;
	}

	/**
	 * Runs the simulation once.
	 * @param name what is run, for the report
	 * @param stores the instances' budget stores, or {@code null} for no throttle
	 * @param outage whether the stores' backend is taken away half way through the load
	 * @return the figures
	 * @throws InterruptedException if interrupted while waiting for the calls
	 */
	public Result run(String name, @Nullable BudgetStores stores, boolean outage) throws InterruptedException {
		Settings s = this.settings;
		try (CerebrasMockServer server = CerebrasMockServer.start()) {
			server.reply(words(s.replyWords())).timeToFirstToken(s.timeToFirstToken()).tokensPerSecond(2_000);
			ChatCompletionRequest request = ChatCompletionRequest.builder()
				.model(MODEL)
				.user("Say something useful about fast inference.")
				.maxCompletionTokens(s.maxCompletionTokens())
				.build();
			long tokensPerCall = tokensPerCall(server, request);
			double callsPerWindow = Math.min(s.requestsPerWindow(), (double) s.tokensPerWindow() / tokensPerCall);
			Duration interval = Duration.ofNanos(
					(long) (s.window().toNanos() * s.instances() / (s.overload() * callsPerWindow)));
			long callsPerInstance = s.window().toNanos() * s.loadWindows() / interval.toNanos();

			ThrottleWaits waits = new ThrottleWaits();
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler(waits);
			List<ReactiveCerebrasTemplate> fleet = new ArrayList<>();
			for (int i = 0; i < s.instances(); i++) {
				var builder = ReactiveCerebrasTemplate.builder()
					.apiKey("fleet-key")
					.baseUrl(server.baseUrl())
					.environment((variable) -> null)
					.warmUp(false)
					.maxConnections(500)
					.maxRetries(s.maxRetries())
					.observationRegistry(registry);
				if (stores != null) {
					builder.throttle(new ThrottleSettings(stores.newInstance(), s.maxWait(), s.maxCompletionTokens()));
				}
				fleet.add(builder.build());
			}
			server.rateLimit(s.requestsPerWindow(), s.tokensPerWindow(), s.window());
			Outcomes outcomes = new Outcomes();
			CountDownLatch ended = new CountDownLatch(Math.toIntExact(callsPerInstance * s.instances()));
			List<Disposable> load = new ArrayList<>();
			long start = System.nanoTime();
			for (ReactiveCerebrasTemplate instance : fleet) {
				load.add(Flux.interval(Duration.ZERO, interval).take(callsPerInstance).subscribe((tick) -> {
					long sent = System.nanoTime();
					instance.chat().completions().create(request).subscribe(
							(completion) -> outcomes.succeeded(System.nanoTime() - sent, ended),
							(ex) -> outcomes.failed(ex, ended));
				}));
			}
			if (outage && stores != null) {
				Thread.sleep(s.window().multipliedBy(s.loadWindows()).dividedBy(2).toMillis());
				stores.outage();
			}
			boolean all = ended.await(s.loadWindows() * s.window().toMillis() * 4 + s.maxWait().toMillis() * 2,
					TimeUnit.MILLISECONDS);
			long elapsed = System.nanoTime() - start;
			load.forEach(Disposable::dispose);
			fleet.forEach(ReactiveCerebrasTemplate::close);
			RateLimitStats stats = server.rateLimitStats();
			String shown = (stores instanceof RedisStores redis)
					? name + " (" + redis.fallbacks() + " switches to the local budget)" : name;
			return new Result(shown, s, callsPerInstance * s.instances(), outcomes, stats, waits.millis(),
					Duration.ofNanos(elapsed), all);
		}
		finally {
			if (stores != null) {
				stores.close();
			}
		}
	}

	/**
	 * Runs the variants named, in the order of {@link #VARIANTS}: {@code none} (no throttle), {@code local} (each
	 * instance its own), {@code memory} (one budget shared in memory), and, when a shared store is given, {@code redis}
	 * {@code redis-outage} (its backend taken away half way through the load) and {@code redis-skew} (the instances'
	 * clocks {@link #SKEW} ahead of the true time or behind it, half each).
	 * @param variants the names of the variants to run
	 * @param shared makes the shared stores of one run, or {@code null} to leave the shared variants out
	 * @return the figures, in that order
	 * @throws InterruptedException if interrupted while waiting for the calls
	 */
	List<Result> run(Collection<String> variants, @Nullable Supplier<RedisStores> shared)
			throws InterruptedException {
		List<String> unknown = variants.stream().filter((variant) -> !VARIANTS.contains(variant)).toList();
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException("Unknown fleet variants " + unknown + "; known: " + VARIANTS);
		}
		List<Result> results = new ArrayList<>();
		if (variants.contains("none")) {
			results.add(run("no throttle", null, false));
		}
		if (variants.contains("local")) {
			results.add(run("local throttle (each instance its own)", new LocalStores(false), false));
		}
		if (variants.contains("memory")) {
			results.add(run("one budget shared in memory (the ideal a shared store aims at)", new LocalStores(true),
					false));
		}
		if (shared != null && variants.contains("redis")) {
			results.add(run("Redis-shared throttle", shared.get(), false));
		}
		if (shared != null && variants.contains("redis-outage")) {
			results.add(run("Redis-shared throttle, Redis stopped half way", shared.get(), true));
		}
		if (shared != null && variants.contains("redis-skew")) {
			results.add(run("Redis-shared throttle, instance clocks " + SKEW.toMillis() + " ms ahead or behind",
					shared.get().withClockSkew(SKEW), false));
		}
		return results;
	}

	/**
	 * Runs every variant: no throttle, local throttles, and, when a shared store is given, a shared throttle with and
	 * without an outage of its backend.
	 * @param shared makes the shared stores of one run, or {@code null} to leave the shared variants out
	 * @return the figures, in that order
	 * @throws InterruptedException if interrupted while waiting for the calls
	 */
	List<Result> runAll(@Nullable Supplier<RedisStores> shared) throws InterruptedException {
		return run(VARIANTS, shared);
	}

	/**
	 * Runs the variants named, the shared ones on a Redis of their own when {@code redis-server} is installed.
	 * @param variants the names of the variants to run, from {@link #VARIANTS}
	 * @return the figures
	 * @throws InterruptedException if interrupted while waiting for the calls
	 */
	public List<Result> run(Collection<String> variants) throws InterruptedException {
		return run(variants, RedisStores.available() ? RedisStores::start : null);
	}

	/**
	 * Prints figures as a Markdown table.
	 * @param results the figures
	 * @return the table, with a line on the workload before it
	 */
	public static String report(List<Result> results) {
		StringBuilder table = new StringBuilder();
		if (!results.isEmpty()) {
			Settings s = results.get(0).settings();
			table.append(String.format(Locale.ROOT,
					"Fleet simulation: %d instances, each with its own template and pool, %.1fx the budget for %d "
							+ "windows of %d ms (%,d requests and %,d tokens per window, one budget for all), "
							+ "max_completion_tokens %d, throttle max-wait %d s, %d retries, Redis timeout %d ms.%n%n",
					s.instances(), s.overload(), s.loadWindows(), s.window().toMillis(), s.requestsPerWindow(),
					s.tokensPerWindow(), s.maxCompletionTokens(), s.maxWait().toSeconds(), s.maxRetries(),
					RedisStores.TIMEOUT.toMillis()));
		}
		table.append("| | calls | failed | requests sent | 429 responses | 429 share | tokens per window / budget")
			.append(" (mean, lowest) | 429s by window | added wait p50 / p99 | call p50 / p99 | run |\n");
		table.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
		for (Result result : results) {
			table.append(result.row()).append('\n');
		}
		return table.toString();
	}

	private static long tokensPerCall(CerebrasMockServer server, ChatCompletionRequest request) {
		try (ReactiveCerebrasTemplate probe = ReactiveCerebrasTemplate.builder()
			.apiKey("fleet-key")
			.baseUrl(server.baseUrl())
			.environment((variable) -> null)
			.warmUp(false)
			.build()) {
			Integer total = probe.chat().completions().create(request).block(Duration.ofSeconds(10)).usage().totalTokens();
			return (total != null) ? total : 1;
		}
	}

	private static String words(int count) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < count; i++) {
			text.append((i > 0) ? " " : "").append("word").append(i);
		}
		return text.toString();
	}

	/**
	 * The sizes of the simulation.
	 *
	 * @param instances the instances of the application
	 * @param requestsPerWindow the server's request budget per window
	 * @param tokensPerWindow the server's token budget per window
	 * @param window the length of the budget's windows
	 * @param loadWindows for how many windows calls start
	 * @param overload the calls started per window as a multiple of what the budget admits
	 * @param maxCompletionTokens the calls' {@code max_completion_tokens}
	 * @param replyWords the words of each answer
	 * @param timeToFirstToken the server's delay before an answer
	 * @param maxWait the throttle's longest wait
	 * @param maxRetries the retries of a failed call (a 429 among them)
	 */
	public record Settings(int instances, long requestsPerWindow, long tokensPerWindow, Duration window,
			int loadWindows, double overload, int maxCompletionTokens, int replyWords, Duration timeToFirstToken,
			Duration maxWait, int maxRetries) {

		/**
		 * Returns the sizes the README reports: 8 instances at twice a budget of 6,000 tokens per one-second window
		 * for 4 windows, with 5 retries.
		 * @return the settings
		 */
		public static Settings standard() {
			return new Settings(8, 10_000, 6_000, Duration.ofSeconds(1), 4, 2.0, 60, 40, Duration.ofMillis(50),
					Duration.ofSeconds(30), 5);
		}

	}

	/**
	 * The figures of one run.
	 *
	 * @param name what was run
	 * @param settings the sizes
	 * @param calls the calls started
	 * @param outcomes how they ended
	 * @param stats what the server's budget counted
	 * @param waits the throttle's waits, in milliseconds
	 * @param elapsed from the first call to the last one's end
	 * @param allEnded whether every call ended before the run gave up waiting
	 */
	public record Result(String name, Settings settings, long calls, Outcomes outcomes, RateLimitStats stats,
			List<Double> waits, Duration elapsed, boolean allEnded) {

		/**
		 * Returns the tokens used in each window of the load, as fractions of the budget.
		 * @return the fractions, oldest window first
		 */
		public List<Double> windowUse() {
			List<Double> use = new ArrayList<>();
			for (RateLimitStats.Window window : this.stats.windows()) {
				if (window.index() < this.settings.loadWindows()) {
					use.add((double) window.tokensUsed() / this.settings.tokensPerWindow());
				}
			}
			return use;
		}

		/**
		 * Returns the share of the requests sent that were answered 429.
		 * @return the share, 0 to 1
		 */
		public double rejectedShare() {
			long sent = this.stats.requestsAdmitted() + this.stats.requestsRejected();
			return (sent > 0) ? (double) this.stats.requestsRejected() / sent : 0;
		}

		String row() {
			List<Double> use = windowUse();
			double mean = use.stream().mapToDouble(Double::doubleValue).average().orElse(0);
			double lowest = use.stream().mapToDouble(Double::doubleValue).min().orElse(0);
			long sent = this.stats.requestsAdmitted() + this.stats.requestsRejected();
			return String.format(Locale.ROOT,
					"| %s | %,d | %,d%s | %,d | %,d | %.2f%% | %.0f%%, %.0f%% | %s | %s | %s | %.1f s%s |", this.name,
					this.calls, this.outcomes.failed(), this.outcomes.failureKinds(), sent,
					this.stats.requestsRejected(), rejectedShare() * 100, mean * 100, lowest * 100,
					rejectedByWindow(),
					percentiles(this.waits), percentiles(this.outcomes.latencies()), this.elapsed.toMillis() / 1000.0,
					this.allEnded ? "" : " (calls still open)");
		}

		private String rejectedByWindow() {
			return this.stats.windows()
				.stream()
				.map((window) -> String.valueOf(window.requestsRejected()))
				.collect(Collectors.joining(" "));
		}

		private static String percentiles(List<Double> samples) {
			if (samples.isEmpty()) {
				return "-";
			}
			double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
			return String.format(Locale.ROOT, "%.0f / %.0f ms", percentile(sorted, 50), percentile(sorted, 99));
		}

		private static double percentile(double[] sorted, double percentile) {
			int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
			return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
		}

	}

	/**
	 * How the calls of a run ended: their latencies when they succeeded, and the kinds of their failures.
	 */
	public static final class Outcomes {

		private final List<Double> latencies = Collections.synchronizedList(new ArrayList<>());

		private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();

		void succeeded(long nanos, CountDownLatch ended) {
			this.latencies.add(nanos / 1e6);
			ended.countDown();
		}

		void failed(Throwable ex, CountDownLatch ended) {
			String kind = (ex instanceof RateLimitException rateLimit)
					? (rateLimit.isThrottled() ? "refused by the throttle" : "429 after retries")
					: ex.getClass().getSimpleName();
			this.failures.computeIfAbsent(kind, (key) -> new AtomicLong()).incrementAndGet();
			ended.countDown();
		}

		/**
		 * Returns the latencies of the calls that succeeded.
		 * @return the latencies in milliseconds
		 */
		public List<Double> latencies() {
			synchronized (this.latencies) {
				return List.copyOf(this.latencies);
			}
		}

		/**
		 * Returns the number of calls that failed.
		 * @return the failures
		 */
		public long failed() {
			return this.failures.values().stream().mapToLong(AtomicLong::get).sum();
		}

		String failureKinds() {
			if (this.failures.isEmpty()) {
				return "";
			}
			List<String> kinds = new ArrayList<>();
			this.failures.forEach((kind, count) -> kinds.add(count.get() + " " + kind));
			Collections.sort(kinds);
			return " (" + String.join(", ", kinds) + ")";
		}

	}

	/**
	 * Each instance keeps its budget in memory, or they all share one store in memory, which only instances in one
	 * JVM can: the ideal that a store shared across machines aims at.
	 */
	private static final class LocalStores implements BudgetStores {

		private final @Nullable LocalBudgetStore shared;

		LocalStores(boolean shared) {
			this.shared = shared ? new LocalBudgetStore() : null;
		}

		@Override
		public LocalBudgetStore newInstance() {
			return (this.shared != null) ? this.shared : new LocalBudgetStore();
		}

		@Override
		public void outage() {
		}

		@Override
		public void close() {
		}

	}

	/**
	 * Times the throttle's waits: the observation of each admission, from its start to its stop.
	 */
	private static final class ThrottleWaits implements ObservationHandler<Observation.Context> {

		private static final String STARTED = ThrottleWaits.class.getName() + ".started";

		private final List<Double> millis = Collections.synchronizedList(new ArrayList<>());

		@Override
		public boolean supportsContext(Observation.Context context) {
			return ThrottleSettings.OBSERVATION_NAME.equals(context.getName());
		}

		@Override
		public void onStart(Observation.Context context) {
			context.put(STARTED, System.nanoTime());
		}

		@Override
		public void onStop(Observation.Context context) {
			Long started = context.get(STARTED);
			if (started != null) {
				this.millis.add((System.nanoTime() - started) / 1e6);
			}
		}

		List<Double> millis() {
			synchronized (this.millis) {
				return List.copyOf(this.millis);
			}
		}

	}

}
