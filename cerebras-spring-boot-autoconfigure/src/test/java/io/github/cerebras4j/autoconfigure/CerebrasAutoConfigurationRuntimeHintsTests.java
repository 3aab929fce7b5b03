package io.github.cerebras4j.autoconfigure;

import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.ReflectionHintsPredicates;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The binding hints of {@link CerebrasProperties}, registered the way Spring AOT finds them: through
 * {@code META-INF/spring/aot.factories}.
 */
class CerebrasAutoConfigurationRuntimeHintsTests {

	private final RuntimeHints hints = registered();

	private final ReflectionHintsPredicates reflection = RuntimeHintsPredicates.reflection();

	@Test
	void thePropertiesAndTheirGroupsCanBeBound() throws NoSuchMethodException {
		for (Class<?> type : new Class<?>[] { CerebrasProperties.class, CerebrasProperties.Timeout.class,
				CerebrasProperties.Retry.class, CerebrasProperties.Limits.class }) {
			assertThat(this.reflection.onType(type)).as(type.getName()).accepts(this.hints);
		}
		assertThat(this.reflection.onMethodInvocation(CerebrasProperties.class, "setBaseUrl")).accepts(this.hints);
		assertThat(this.reflection.onMethodInvocation(CerebrasProperties.Retry.class, "setMaxRetries"))
			.accepts(this.hints);
	}

	@Test
	void theClientsHintsComeAlong() {
		assertThat(this.reflection.onType(ChatCompletionChunk.class)).accepts(this.hints);
	}

	private static RuntimeHints registered() {
		RuntimeHints hints = new RuntimeHints();
		ClassLoader classLoader = CerebrasAutoConfigurationRuntimeHintsTests.class.getClassLoader();
		SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories", classLoader)
			.load(RuntimeHintsRegistrar.class)
			.forEach((registrar) -> registrar.registerHints(hints, classLoader));
		return hints;
	}

}
