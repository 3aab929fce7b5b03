package io.github.cerebras4j.throttle.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.github.cerebras4j.client.core.RateLimits;
import io.github.cerebras4j.client.core.RateLimits.Window;
import io.github.cerebras4j.client.throttle.Admission;
import io.github.cerebras4j.client.throttle.BudgetLimits;
import io.github.cerebras4j.client.throttle.Cost;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisScriptingAsyncCommands;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The budgets of each model in Redis, changed by one Lua script ({@code budgets.lua}) that applies the rules of
 * {@code LocalBudgetStore} to all of a model's budgets in one atomic step: a take checks and lowers the six budgets
 * together, and a report of the server's headers moves a window's reset and lowers its count together, so that no
 * instance's take is lost between another's read and write. A model's budgets are one hash, for example
 * {@code cerebras:throttle:{llama3.1-8b}}, and the instances that took from them another,
 * {@code cerebras:throttle:{llama3.1-8b}:instances}; the model is a Redis Cluster hash tag, so both live in one slot.
 * Times are Redis's clock (its {@code TIME}), or the clock given, in milliseconds. Every operation may fail when
 * Redis does; the store falls back then.
 */
final class RedisBudgets {

	/** Where the script is, as a class path resource. */
	static final String SCRIPT_LOCATION = "io/github/cerebras4j/throttle/redis/budgets.lua";

	private static final String SCRIPT = script(SCRIPT_LOCATION);

	private static final String DIGEST = sha1(SCRIPT);

	private final Supplier<CompletableFuture<RedisScriptingAsyncCommands<String, String>>> commands;

	private final String keyPrefix;

	private final BudgetLimits limits;

	private final @Nullable InstantSource clock;

	private final Duration keepIdle;

	private final Duration fleetMemory;

	private final String instance = UUID.randomUUID().toString();

	RedisBudgets(Supplier<CompletableFuture<RedisScriptingAsyncCommands<String, String>>> commands, String keyPrefix,
			BudgetLimits limits, @Nullable InstantSource clock, Duration keepIdle, Duration fleetMemory) {
		this.commands = commands;
		this.keyPrefix = keyPrefix;
		this.limits = limits;
		this.clock = clock;
		this.keepIdle = keepIdle;
		this.fleetMemory = fleetMemory;
	}

	/**
	 * Takes a cost from every budget of the model if it fits in all of them, else nothing.
	 */
	Mono<Answer> take(String model, Cost cost) {
		List<String> amounts = Budget.ALL.stream().map((budget) -> String.valueOf(budget.amountOf(cost))).toList();
		return run(model, "take", amounts);
	}

	/**
	 * Gives tokens back to every token budget of the model (up to its limit), or takes them when negative (down to
	 * nothing).
	 */
	Mono<Answer> giveBack(String model, long tokens) {
		return (tokens != 0) ? run(model, "giveBack", List.of(String.valueOf(tokens))) : Mono.empty();
	}

	/**
	 * Follows what the server reported, by the rules of {@code LocalBudgetStore}.
	 */
	Mono<Answer> update(String model, RateLimits limits) {
		List<String> reported = new ArrayList<>();
		boolean any = false;
		for (Budget budget : Budget.ALL) {
			RateLimits.Bucket bucket = budget.reportedIn(limits);
			any |= bucket != null;
			reported.add(text((bucket != null) ? bucket.limit() : null));
			reported.add(text((bucket != null) ? bucket.remaining() : null));
			Duration resetAfter = (bucket != null) ? bucket.resetAfter() : null;
			reported.add(text((resetAfter != null) ? resetAfter.toMillis() : null));
		}
		return any ? run(model, "update", reported) : Mono.empty();
	}

	private Mono<Answer> run(String model, String operation, List<String> own) {
		String hashTagged = this.keyPrefix + "{" + model + "}";
		String[] keys = { hashTagged, hashTagged + ":instances" };
		// no time: the script reads Redis's
		String now = (this.clock != null) ? String.valueOf(this.clock.millis()) : "";
		List<String> arguments = new ArrayList<>(List.of(operation, now,
				String.valueOf(this.keepIdle.toMillis()), this.instance, String.valueOf(this.fleetMemory.toMillis())));
		Budget.ALL.forEach((budget) -> arguments.add(text(budget.initialLimit(this.limits))));
		arguments.addAll(own);
		String[] values = arguments.toArray(String[]::new);
		return Mono.fromFuture(this.commands)
			.flatMap((redis) -> Mono
				.<List<Object>>fromCompletionStage(() -> redis.evalsha(DIGEST, ScriptOutputType.MULTI, keys, values))
				// a Redis that has not cached the script yet (or restarted since) gets it whole once
				.onErrorResume(RedisNoScriptException.class, (ex) -> Mono
					.fromCompletionStage(() -> redis.eval(SCRIPT, ScriptOutputType.MULTI, keys, values))))
			.map(Answer::of);
	}

	private static String text(@Nullable Long value) {
		return (value != null) ? value.toString() : "";
	}

	private static String script(String location) {
		try (InputStream in = RedisBudgets.class.getClassLoader().getResourceAsStream(location)) {
			if (in == null) {
				throw new IllegalStateException("Missing the class path resource " + location);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String sha1(String script) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * What the script answered: the admission of a take, the instances that took from the model's budgets lately
	 * (0 when not counted), and the budgets as they are after the operation, as rate limits.
	 *
	 * @param admission whether a take's cost was taken; admitted for other operations
	 * @param instances the instances that took lately, this one included, or 0 when not counted
	 * @param observed the model's budgets
	 */
	record Answer(Admission admission, int instances, RateLimits observed) {

		private static final int HEAD = 4;

		private static final int PER_BUDGET = 4;

		static Answer of(List<Object> values) {
			Admission admission = (number(values, 0) == 1) ? Admission.ADMITTED
					: Admission.refused(Duration.ofMillis(number(values, 1)),
							Budget.ALL.get((int) number(values, 2) - 1).describe());
			Map<Window, RateLimits.Bucket> requests = new EnumMap<>(Window.class);
			Map<Window, RateLimits.Bucket> tokens = new EnumMap<>(Window.class);
			for (int i = 0; i < Budget.ALL.size(); i++) {
				int at = HEAD + i * PER_BUDGET;
				if (number(values, at) == 1) {
					Budget budget = Budget.ALL.get(i);
					long resetAfter = number(values, at + 3);
					RateLimits.Bucket bucket = new RateLimits.Bucket(known(number(values, at + 1)),
							known(number(values, at + 2)), (resetAfter >= 0) ? Duration.ofMillis(resetAfter) : null);
					(budget.tokens() ? tokens : requests).put(budget.window(), bucket);
				}
			}
			return new Answer(admission, (int) number(values, 3), new RateLimits(requests, tokens));
		}

		private static long number(List<Object> values, int index) {
			return ((Number) values.get(index)).longValue();
		}

		private static @Nullable Long known(long value) {
			return (value >= 0) ? value : null;
		}

	}

}
