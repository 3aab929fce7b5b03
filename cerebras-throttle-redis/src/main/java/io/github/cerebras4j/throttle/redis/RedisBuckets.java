package io.github.cerebras4j.throttle.redis;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.VerboseResult;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.cerebras4j.client.core.RateLimits;
import io.github.cerebras4j.client.core.RateLimits.Window;
import io.github.cerebras4j.client.throttle.Admission;
import io.github.cerebras4j.client.throttle.BudgetLimits;
import io.github.cerebras4j.client.throttle.Cost;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The budgets of each model as Bucket4j buckets in Redis, one per model, resource and window, each changed by
 * Bucket4j's compare-and-swap of its state, so that instances never overwrite each other's consumption. Buckets are
 * created from the limits known in advance, or by the first rate-limit headers any instance reports; a budget with
 * neither has no bucket and admits everything. Every operation may fail when Redis does; the store falls back then.
 */
final class RedisBuckets {

	private final Supplier<CompletableFuture<AsyncProxyManager<String>>> buckets;

	private final String keyPrefix;

	private final BudgetLimits limits;

	private final InstantSource clock;

	RedisBuckets(Supplier<CompletableFuture<AsyncProxyManager<String>>> buckets, String keyPrefix,
			BudgetLimits limits, InstantSource clock) {
		this.buckets = buckets;
		this.keyPrefix = keyPrefix;
		this.limits = limits;
		this.clock = clock;
	}

	/**
	 * Takes a cost from every bucket of the model; when one refuses, gives back what the others took.
	 * @return the admission, and the buckets as Redis answered, for the local budget
	 */
	Mono<Taken> take(String model, Cost cost) {
		return manager().flatMap((manager) -> Flux.fromIterable(Budget.ALL)
			.filter((budget) -> budget.amountOf(cost) > 0)
			.flatMap((budget) -> consume(manager, model, budget, budget.amountOf(cost)))
			.collectList()
			.flatMap((probes) -> settle(manager, model, probes)));
	}

	private Mono<Taken> settle(AsyncProxyManager<String> manager, String model, List<Probe> probes) {
		Probe longest = null;
		for (Probe probe : probes) {
			if (!probe.consumed() && (longest == null || probe.resetWait().compareTo(longest.resetWait()) > 0)) {
				longest = probe;
			}
		}
		if (longest == null) {
			return Mono.just(new Taken(Admission.ADMITTED, observed(probes)));
		}
		Admission refused = Admission.refused(longest.resetWait(), longest.budget().describe());
		List<Probe> taken = probes.stream().filter(Probe::consumed).toList();
		return Flux.fromIterable(taken)
			.flatMap((probe) -> Mono.fromFuture(() -> proxy(manager, model, probe.budget()).addTokens(probe.taken())))
			.then(Mono.fromSupplier(() -> new Taken(refused,
					observed(probes.stream().map(Probe::givenBack).toList()))));
	}

	/**
	 * Takes an amount from one bucket, or, for an amount larger than the whole window, empties a full window, as the
	 * local store does, so that the server rather than the throttle answers such a call.
	 */
	private Mono<Probe> consume(AsyncProxyManager<String> manager, String model, Budget budget, long amount) {
		AsyncBucketProxy bucket = proxy(manager, model, budget);
		return Mono.fromFuture(() -> bucket.asVerbose().tryConsumeAndReturnRemaining(amount))
			.flatMap((result) -> {
				long capacity = Windows.capacity(result.getConfiguration());
				if (!result.getValue().isConsumed() && amount > capacity) {
					return Mono.fromFuture(() -> bucket.asVerbose().tryConsumeAndReturnRemaining(capacity))
						.map((whole) -> Probe.of(budget, capacity, whole));
				}
				return Mono.just(Probe.of(budget, amount, result));
			})
			.onErrorResume(NoBucket::isCause, (ex) -> Mono.empty());
	}

	/**
	 * Gives tokens back to every token bucket of the model (up to its limit), or takes them when negative (down to
	 * nothing).
	 */
	Mono<Void> giveBack(String model, long tokens) {
		if (tokens == 0) {
			return Mono.empty();
		}
		return manager().flatMap((manager) -> Flux.fromIterable(Budget.TOKENS).flatMap((budget) -> {
			AsyncBucketProxy bucket = proxy(manager, model, budget);
			Mono<?> correction = (tokens > 0) ? Mono.fromFuture(() -> bucket.addTokens(tokens))
					: Mono.fromFuture(() -> bucket.tryConsumeAsMuchAsPossible(-tokens));
			return correction.onErrorResume(NoBucket::isCause, (ex) -> Mono.empty());
		}).then());
	}

	/**
	 * Follows what the server reported, as {@code LocalBudgetStore} does: the limit and the window's end always win;
	 * the remainder wins the first time, and for a later window than the bucket's; otherwise it only lowers the
	 * bucket (the server has not yet seen the calls in flight, which the bucket holds).
	 */
	Mono<Void> update(String model, RateLimits limits) {
		return manager().flatMap((manager) -> Flux.fromIterable(Budget.ALL).flatMap((budget) -> {
			RateLimits.Bucket reported = budget.reportedIn(limits);
			return (reported != null) ? update(manager, model, budget, reported) : Mono.empty();
		}).then());
	}

	private Mono<Void> update(AsyncProxyManager<String> manager, String model, Budget budget,
			RateLimits.Bucket reported) {
		String key = budget.key(this.keyPrefix, model);
		Instant now = this.clock.instant();
		return Mono.fromFuture(() -> manager.getProxyConfiguration(key)).flatMap((existing) -> {
			BucketConfiguration current = existing.orElse(null);
			Windows.Report report = Windows.compare(current, reported, now);
			if (report == Windows.Report.MISALIGNED && reported.remaining() != null) {
				return realign(manager, key, budget, current, reported, now);
			}
			boolean aligned = report == Windows.Report.ALIGNED || report == Windows.Report.MISALIGNED;
			// within the window, the configuration (limit, length) is replaced keeping the tokens, which are then
			// only lowered to the reported remainder
			RateLimits.Bucket applied = aligned ? new RateLimits.Bucket(reported.limit(), null, reported.resetAfter())
					: reported;
			Windows.Replacement replacement = Windows.update(current, applied, budget.initialLimit(this.limits),
					budget.nominalLength(), now);
			if (replacement == null) {
				return Mono.empty();
			}
			AsyncBucketProxy bucket = bucket(manager, key, replacement.configuration());
			Mono<Void> replaced = Mono.fromFuture(() -> bucket.replaceConfiguration(replacement.configuration(),
					replacement.strategy()));
			Long remaining = reported.remaining();
			if (!aligned || remaining == null) {
				return replaced;
			}
			return replaced.then(Mono.fromFuture(bucket::getAvailableTokens))
				.filter((available) -> available > remaining)
				.flatMap((available) -> Mono.fromFuture(() -> bucket.tryConsumeAsMuchAsPossible(available - remaining)))
				.then();
		});
	}

	/**
	 * Moves the bucket's next refill to the server's reset, keeping the lower of its tokens and the reported
	 * remainder. Not atomic: a call another instance takes between the read and the write is not counted, which the
	 * next report corrects.
	 */
	private Mono<Void> realign(AsyncProxyManager<String> manager, String key, Budget budget,
			@Nullable BucketConfiguration current, RateLimits.Bucket reported, Instant now) {
		Windows.Replacement probe = Windows.update(current, reported, budget.initialLimit(this.limits),
				budget.nominalLength(), now);
		if (probe == null) {
			return Mono.empty();
		}
		AsyncBucketProxy bucket = bucket(manager, key, probe.configuration());
		long remaining = reported.remaining();
		return Mono.fromFuture(bucket::getAvailableTokens).flatMap((available) -> {
			RateLimits.Bucket lowered = new RateLimits.Bucket(reported.limit(), Math.min(available, remaining),
					reported.resetAfter());
			Windows.Replacement replacement = Windows.update(current, lowered, budget.initialLimit(this.limits),
					budget.nominalLength(), now);
			return (replacement != null) ? Mono.fromFuture(() -> bucket
				.replaceConfiguration(replacement.configuration(), replacement.strategy())) : Mono.empty();
		});
	}

	private static AsyncBucketProxy bucket(AsyncProxyManager<String> manager, String key,
			BucketConfiguration configuration) {
		return manager.builder().build(key, () -> CompletableFuture.completedFuture(configuration));
	}

	private Mono<AsyncProxyManager<String>> manager() {
		return Mono.fromFuture(this.buckets);
	}

	/**
	 * A model's bucket, created from the limit known in advance when it is missing, else not at all: the operation
	 * then fails with {@link NoBucket}.
	 */
	private AsyncBucketProxy proxy(AsyncProxyManager<String> manager, String model, Budget budget) {
		Long limit = budget.initialLimit(this.limits);
		return manager.builder().build(budget.key(this.keyPrefix, model), () -> {
			if (limit == null) {
				return CompletableFuture.failedFuture(NoBucket.INSTANCE);
			}
			Instant now = this.clock.instant();
			return CompletableFuture.completedFuture(Windows.initial(limit, budget.nominalLength(), now));
		});
	}

	private static RateLimits observed(List<Probe> probes) {
		Map<Window, RateLimits.Bucket> requests = new EnumMap<>(Window.class);
		Map<Window, RateLimits.Bucket> tokens = new EnumMap<>(Window.class);
		for (Probe probe : probes) {
			RateLimits.Bucket bucket = new RateLimits.Bucket(probe.capacity(), probe.remaining(), probe.resetAfter());
			(probe.budget().tokens() ? tokens : requests).put(probe.budget().window(), bucket);
		}
		return new RateLimits(requests, tokens);
	}

	/**
	 * The answer to a take: the admission, and the buckets as Redis answered.
	 *
	 * @param admission whether the cost was taken
	 * @param observed the buckets as Redis answered, as rate limits
	 */
	record Taken(Admission admission, RateLimits observed) {
	}

	/**
	 * One bucket's answer to a consumption.
	 *
	 * @param budget the budget
	 * @param consumed whether the amount was taken
	 * @param taken the amount taken, or asked for when refused
	 * @param capacity the bucket's limit
	 * @param remaining what is left
	 * @param resetWait when refused, how long until the bucket has the amount
	 * @param resetAfter how long until the bucket refills
	 */
	record Probe(Budget budget, boolean consumed, long taken, long capacity, long remaining, Duration resetWait,
			Duration resetAfter) {

		static Probe of(Budget budget, long amount, VerboseResult<ConsumptionProbe> result) {
			ConsumptionProbe probe = result.getValue();
			BucketConfiguration configuration = result.getConfiguration();
			Duration resetAfter = Windows.untilNextRefill(configuration.getBandwidths()[0],
					result.getOperationTimeNanos());
			long wait = probe.getNanosToWaitForRefill();
			return new Probe(budget, probe.isConsumed(), amount, Windows.capacity(configuration),
					probe.getRemainingTokens(), (wait == Long.MAX_VALUE) ? resetAfter : Duration.ofNanos(wait),
					resetAfter);
		}

		/** This answer once what was taken is given back. */
		Probe givenBack() {
			return this.consumed ? new Probe(this.budget, false, this.taken, this.capacity,
					Math.min(this.capacity, this.remaining + this.taken), this.resetWait, this.resetAfter) : this;
		}

	}

	/**
	 * Fails the creation of a bucket whose limit is not known: its budget admits everything.
	 */
	static final class NoBucket extends RuntimeException {

		static final NoBucket INSTANCE = new NoBucket();

		private NoBucket() {
			super("No limit is known for this budget", null, false, false);
		}

		static boolean isCause(Throwable ex) {
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause == INSTANCE) {
					return true;
				}
			}
			return false;
		}

	}

}
