package io.github.cerebras4j.client.internal.transport;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.github.cerebras4j.client.core.RateLimits;
import io.github.cerebras4j.client.core.Usage;
import io.github.cerebras4j.client.error.RateLimitException;
import io.github.cerebras4j.client.throttle.Admission;
import io.github.cerebras4j.client.throttle.BudgetStore;
import io.github.cerebras4j.client.throttle.Cost;
import io.github.cerebras4j.client.throttle.ThrottleSettings;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.core.log.LogAccessor;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The stage before each attempt of a generation when the client throttles: takes the call's estimated cost from its
 * model's budget, waiting (without a thread) until the budget resets when it is short, or refusing the call at once
 * with a {@link RateLimitException} when the budget resets only after the longest wait. Each response then corrects
 * the budget: the usage of a finished generation gives back the tokens reserved and not used, and the rate-limit
 * headers go to the store, which follows the server's limits, windows and count. Each admission is observed as {@value ThrottleSettings#OBSERVATION_NAME}, its outcome {@code admitted},
 * {@code refused} or {@code cancelled}, so that its wait is timed.
 */
final class Throttle {

	private static final LogAccessor logger = new LogAccessor(Throttle.class);

	private static final int BYTES_PER_PROMPT_TOKEN = 4;

	private final ThrottleSettings settings;

	private final BudgetStore store;

	private final ObservationRegistry registry;

	Throttle(ThrottleSettings settings, ObservationRegistry registry) {
		this.settings = settings;
		this.store = settings.store();
		this.registry = registry;
	}

	/**
	 * Estimates the tokens of a call: the completion tokens it reserves and a quarter of its body's bytes.
	 * @param call the call
	 * @return the tokens
	 */
	long estimate(ApiCall call) {
		byte[] body = call.body();
		long prompt = (body != null) ? (body.length + BYTES_PER_PROMPT_TOKEN - 1) / BYTES_PER_PROMPT_TOKEN : 0;
		return completionTokens(call) + prompt;
	}

	/**
	 * Takes a call's cost from its budget, waiting for the budget when it resets within the longest wait.
	 * @param call the call
	 * @return the tokens reserved, emitted when the call may be sent; 0 for a call that is not throttled; a
	 * {@link RateLimitException} when the call must not be sent
	 */
	Mono<Long> admit(ApiCall call) {
		String model = call.model();
		if (!call.generates() || model == null) {
			return Mono.just(0L);
		}
		Cost cost = new Cost(1, estimate(call));
		Scheduler timer = Schedulers.parallel();
		return Mono.defer(() -> {
			Observation observation = Observation.createNotStarted(ThrottleSettings.OBSERVATION_NAME, this.registry)
				.lowCardinalityKeyValue("gen_ai.request.model", model)
				.start();
			long deadline = timer.now(TimeUnit.NANOSECONDS) + this.settings.maxWait().toNanos();
			// doFinally stops it once: a blocking caller cancels the source after an error or a value as well
			AtomicReference<String> outcome = new AtomicReference<>("cancelled");
			return take(model, cost, deadline, timer).doOnNext((tokens) -> outcome.set("admitted"))
				.doOnError((ex) -> {
					outcome.set("refused");
					observation.error(ex);
				})
				.doFinally((signal) -> observation.lowCardinalityKeyValue("outcome", outcome.get()).stop());
		});
	}

	private Mono<Long> take(String model, Cost cost, long deadline, Scheduler timer) {
		return this.store.take(model, cost).flatMap((admission) -> {
			if (admission.admitted()) {
				return Mono.just(cost.tokens());
			}
			Duration wait = waitOf(admission);
			if (timer.now(TimeUnit.NANOSECONDS) + wait.toNanos() > deadline) {
				return Mono.error(RateLimitException.throttled(model, String.valueOf(admission.shortOf()), wait,
						this.settings.maxWait()));
			}
			logger.debug(() -> "Waiting " + wait.toMillis() + " ms for the budget of " + admission.shortOf()
					+ " of " + model);
			return Mono.delay(wait, timer).then(Mono.defer(() -> take(model, cost, deadline, timer)));
		});
	}

	/** The wait before asking again: until the reset, and never zero, so that a stale reset time cannot spin. */
	private static Duration waitOf(Admission admission) {
		Duration resetAfter = admission.resetAfter();
		Duration least = Duration.ofMillis(1);
		return (resetAfter == null || resetAfter.compareTo(least) < 0) ? least : resetAfter;
	}

	/**
	 * Sets the budget of a call's model from the rate-limit headers of its response, successful or not.
	 * @param call the call
	 * @param headers the response's headers
	 */
	void update(ApiCall call, HttpHeaders headers) {
		String model = call.model();
		RateLimits limits = RateLimits.from(headers);
		if (call.generates() && model != null && !limits.isEmpty()) {
			run(this.store.update(model, limits), "update");
		}
	}

	/**
	 * Gives back the tokens a call reserved beyond what it used, or takes those it used beyond its reservation.
	 * @param call the call
	 * @param reserved the tokens reserved
	 * @param usage the call's usage, or {@code null} when it reported none (nothing is corrected then)
	 */
	void settle(ApiCall call, long reserved, @Nullable Usage usage) {
		String model = call.model();
		Integer used = (usage != null) ? usage.totalTokens() : null;
		if (reserved > 0 && model != null && used != null && used != reserved) {
			run(this.store.giveBack(model, reserved - used), "correction");
		}
	}

	private long completionTokens(ApiCall call) {
		Integer maxOutput = call.maxOutputTokens();
		return (maxOutput != null) ? maxOutput : this.settings.defaultCompletionTokens();
	}

	private void run(Mono<Void> operation, String what) {
		operation.subscribe(null, (ex) -> logger.warn(ex, () -> "The throttle's budget " + what + " failed"));
	}

}
