/**
 * The fleet simulation: instances of an application, each with its own template and connection pool, sending a
 * steady overload to one budget-enforcing {@code CerebrasMockServer}, with no throttle, a throttle of their own, or a
 * throttle whose budget they share.
 */
@NullMarked
package io.github.cerebras4j.benchmarks.fleet;

import org.jspecify.annotations.NullMarked;
