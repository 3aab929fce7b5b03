/**
 * Client-side throttling from the API's rate-limit budgets: before a generation is sent, its cost (one request and an
 * estimate of its tokens) is taken from the budget of its model, kept by a {@link BudgetStore}: this JVM's
 * ({@link LocalBudgetStore}) or one that a fleet shares. The server's {@code x-ratelimit-*} headers correct the budget
 * on every response. Off unless {@link ThrottleSettings} are given to the builder.
 */
@NullMarked
package io.github.cerebras4j.client.throttle;

import org.jspecify.annotations.NullMarked;
