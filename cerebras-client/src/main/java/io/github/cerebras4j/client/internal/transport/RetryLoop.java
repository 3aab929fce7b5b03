package io.github.cerebras4j.client.internal.transport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.github.cerebras4j.client.error.CerebrasApiException;
import io.github.cerebras4j.client.error.RateLimitException;
import io.github.cerebras4j.client.internal.RetryAfter;
import org.jspecify.annotations.Nullable;
import org.springframework.core.log.LogAccessor;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.Retryable;
import org.springframework.util.backoff.BackOffExecution;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Retries one call the way a Spring {@link RetryPolicy} says, on the reactive path that the blocking one shares.
 * The policy decides whether a failure is retried and gives the backoff; a server's {@code retry-after-ms} or
 * {@code Retry-After} hint replaces the backoff's delay when it is positive and within the cap, and is ignored
 * otherwise. The {@link RetryListener}, if any, sees every retry, success after retries and exhaustion. When the
 * retries run out the last failure is thrown, with the earlier ones attached as suppressed exceptions.
 */
final class RetryLoop {

	private static final LogAccessor logger = new LogAccessor(RetryLoop.class);

	/** The most characters of an earlier attempt's error body kept with the final failure. */
	static final int MAX_SUPPRESSED_BODY_CHARS = 1024;

	private final RetryPolicy policy;

	private final @Nullable Integer maxRetries;

	private final Duration maxRetryAfter;

	private final @Nullable RetryListener listener;

	/**
	 * Creates the loop.
	 * @param policy the policy that decides and gives the backoff
	 * @param maxRetries a cap on retries on top of the policy's own, or {@code null}
	 * @param maxRetryAfter the longest server hint honoured
	 * @param listener the listener told of retries, or {@code null}
	 */
	RetryLoop(RetryPolicy policy, @Nullable Integer maxRetries, Duration maxRetryAfter,
			@Nullable RetryListener listener) {
		this.policy = policy;
		this.maxRetries = maxRetries;
		this.maxRetryAfter = maxRetryAfter;
		this.listener = listener;
	}

	/**
	 * Returns the retry spec of one call.
	 * @param name what the call is, for logs and the listener, for example {@code POST /v1/chat/completions}
	 * @param eligible whether a failure may still be retried at all (a stream stops being retryable once a chunk
	 * reached the caller)
	 * @param onRetry told of each failure that is retried, before the wait
	 * @return the spec, to give to {@code retryWhen}
	 */
	Retry spec(String name, BooleanSupplier eligible, Consumer<Throwable> onRetry) {
		return Retry.from(failures -> Flux.defer(() -> {
			CallState state = new CallState(name);
			BackOffExecution backOff = this.policy.getBackOff().start();
			return failures.concatMap(signal -> next(state, backOff, signal.failure(), eligible, onRetry));
		}));
	}

	/**
	 * Tells the listener that a call succeeded after retries.
	 * @param name what the call is
	 * @param retriesTaken the retries made
	 * @param result the result
	 */
	void succeeded(String name, int retriesTaken, Object result) {
		if (this.listener != null && retriesTaken > 0) {
			this.listener.onRetrySuccess(this.policy, new CallState(name), result);
		}
	}

	private Mono<Long> next(CallState state, BackOffExecution backOff, Throwable failure, BooleanSupplier eligible,
			Consumer<Throwable> onRetry) {
		if (state.getRetryCount() > 0 && this.listener != null) {
			this.listener.onRetryFailure(this.policy, state, failure);
		}
		if (!eligible.getAsBoolean() || isThrottled(failure) || !this.policy.shouldRetry(failure)) {
			return Mono.error(state.finalFailure(failure));
		}
		long backOffMillis = (this.maxRetries != null && state.getRetryCount() >= this.maxRetries) ? BackOffExecution.STOP
				: backOff.nextBackOff();
		if (backOffMillis == BackOffExecution.STOP) {
			Throwable exhausted = state.finalFailure(failure);
			if (this.listener != null) {
				this.listener.onRetryPolicyExhaustion(this.policy, state,
						new RetryException("Retries exhausted for " + state.getName(), exhausted));
			}
			return Mono.error(exhausted);
		}
		Duration delay = serverHint(failure, Duration.ofMillis(backOffMillis));
		state.record(failure);
		onRetry.accept(failure);
		logger.debug(() -> "Retry " + state.getRetryCount() + " of " + state.getName() + " in " + delay.toMillis()
				+ " ms after " + failure);
		if (this.listener != null) {
			this.listener.beforeRetry(this.policy, state, state);
		}
		return Mono.delay(delay);
	}

	/** A refusal by the client's own throttle already waited what it could: retrying it would only spin. */
	private static boolean isThrottled(Throwable failure) {
		return failure instanceof RateLimitException rateLimit && rateLimit.isThrottled();
	}

	private Duration serverHint(Throwable failure, Duration backOff) {
		if (failure instanceof CerebrasApiException api && !api.inStream()) {
			Duration hint = RetryAfter.parse(api.headers(), Instant.now());
			if (RetryAfter.isUsable(hint, this.maxRetryAfter)) {
				return hint;
			}
		}
		return backOff;
	}

	/**
	 * The retry state of one call, which is also the {@link Retryable} the listener is told about: it names the
	 * call, but cannot be executed from outside, since the client runs the attempts itself.
	 */
	private static final class CallState implements RetryState, Retryable<Object> {

		private final String name;

		private final List<Throwable> exceptions = new ArrayList<>();

		CallState(String name) {
			this.name = name;
		}

		void record(Throwable failure) {
			this.exceptions.add(failure);
		}

		/**
		 * Attaches the earlier failures to the last one. An earlier error response keeps only the start of its body,
		 * so that many retries of a large error do not multiply the memory a failure holds.
		 */

		Throwable finalFailure(Throwable last) {
			for (Throwable earlier : this.exceptions) {
				if (earlier != last) {
					last.addSuppressed(small(earlier));
				}
			}
			return last;
		}

		private static Throwable small(Throwable failure) {
			if (failure instanceof CerebrasApiException api && !api.inStream() && api.body() != null
					&& api.body().length() > MAX_SUPPRESSED_BODY_CHARS) {
				CerebrasApiException copy = CerebrasApiException.of(api.statusCode(), api.headers(),
						api.body().substring(0, MAX_SUPPRESSED_BODY_CHARS));
				copy.setStackTrace(api.getStackTrace());
				return copy;
			}
			return failure;
		}

		@Override
		public int getRetryCount() {
			return this.exceptions.size();
		}

		@Override
		public List<Throwable> getExceptions() {
			return List.copyOf(this.exceptions);
		}

		@Override
		public Object execute() {
			throw new UnsupportedOperationException("The Cerebras client runs the attempts of " + this.name + " itself");
		}

		@Override
		public String getName() {
			return this.name;
		}

	}

}
