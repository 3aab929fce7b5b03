package io.github.cerebras4j.throttle.redis;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * The hint a native image needs for {@link RedisBudgetStore}: its Lua script, read as a resource, registered through
 * {@code META-INF/spring/aot.factories}.
 */
class RedisBudgetStoreRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern(RedisBudgets.SCRIPT_LOCATION);
	}

}
