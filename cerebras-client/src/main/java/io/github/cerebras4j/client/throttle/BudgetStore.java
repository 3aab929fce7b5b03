package io.github.cerebras4j.client.throttle;

import java.util.Map;

import io.github.cerebras4j.client.core.RateLimits;
import reactor.core.publisher.Mono;

/**
 * Where the throttle keeps the budgets of each model: how much of each window's requests and tokens is left, and when
 * each window resets. {@link LocalBudgetStore} keeps them in this JVM; a shared store (Redis, for a fleet of
 * instances) lets every instance draw from one budget and learn from the others' responses.
 *
 * <p>A store must never block the calling thread: its answers are {@link Mono}s. A store whose backend fails should
 * answer from a fallback rather than fail the call.
 */
public interface BudgetStore {

	/**
	 * Takes a call's cost from every budget of its model if it fits in all of them now, atomically; otherwise takes
	 * nothing.
	 * @param model the model
	 * @param cost the cost
	 * @return whether the cost was taken, and when not, when the short budget resets
	 */
	Mono<Admission> take(String model, Cost cost);

	/**
	 * Corrects the token budgets by what a call really used: gives back the tokens of its estimate it did not use, or
	 * takes those it used beyond it, so that the count holds each call's real usage once it is answered.
	 * @param model the model
	 * @param tokens tokens to give back when positive, to take when negative
	 * @return completion
	 */
	Mono<Void> giveBack(String model, long tokens);

	/**
	 * Follows what the server reported on a response: its limits and reset times always win; its remainders win when
	 * they are lower than the store's count (the server counted calls the store did not see) or of a later window,
	 * but do not raise the count within a window, since the server has not yet seen the calls still in flight.
	 * @param model the model
	 * @param limits the rate-limit headers of the response
	 * @return completion
	 */
	Mono<Void> update(String model, RateLimits limits);

	/**
	 * Returns what the store last saw of each model's budgets, without I/O; for metrics.
	 * @return the remainders by model
	 */
	Map<String, Remaining> remaining();

}
