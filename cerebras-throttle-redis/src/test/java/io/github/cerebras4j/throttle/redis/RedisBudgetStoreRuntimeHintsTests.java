package io.github.cerebras4j.throttle.redis;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store's Lua script is in a native image: its resource hint, registered the way Spring AOT finds it, through
 * {@code META-INF/spring/aot.factories}.
 */
class RedisBudgetStoreRuntimeHintsTests {

	@Test
	void theScriptIsARegisteredResource() {
		RuntimeHints hints = new RuntimeHints();
		ClassLoader classLoader = getClass().getClassLoader();
		SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories", classLoader)
			.load(RuntimeHintsRegistrar.class)
			.forEach((registrar) -> registrar.registerHints(hints, classLoader));
		assertThat(RuntimeHintsPredicates.resource().forResource("io/github/cerebras4j/throttle/redis/budgets.lua"))
			.accepts(hints);
	}

}
