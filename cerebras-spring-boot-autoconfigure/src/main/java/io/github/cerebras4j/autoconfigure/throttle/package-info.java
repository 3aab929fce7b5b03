/**
 * Auto-configuration of the client throttle's budgets in Redis ({@code cerebras.throttle.store=redis}).
 */
@NullMarked
package io.github.cerebras4j.autoconfigure.throttle;

import org.jspecify.annotations.NullMarked;
