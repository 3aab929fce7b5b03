/**
 * Actuator health of the Cerebras API: {@link io.github.cerebras4j.autoconfigure.health.CerebrasHealthIndicator}
 * and its auto-configuration.
 */
@NullMarked
package io.github.cerebras4j.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
