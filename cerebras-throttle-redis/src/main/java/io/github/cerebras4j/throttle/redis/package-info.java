/**
 * The client throttle's budgets kept in Redis, so that a fleet of instances draws from one budget per model and
 * learns from every instance's rate-limit headers: {@link io.github.cerebras4j.throttle.redis.RedisBudgetStore}, a
 * {@link io.github.cerebras4j.client.throttle.BudgetStore} whose every operation is one atomic Lua script run through
 * Lettuce, and which answers from this instance's share of the budget while Redis does not.
 */
@NullMarked
package io.github.cerebras4j.throttle.redis;

import org.jspecify.annotations.NullMarked;
