package io.github.cerebras4j.springai;

import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.ReflectionHintsPredicates;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The binding hints of {@link CerebrasSpringAiProperties}, registered the way Spring AOT finds them: through
 * {@code META-INF/spring/aot.factories}.
 */
class CerebrasSpringAiRuntimeHintsTests {

	private final RuntimeHints hints = registered();

	private final ReflectionHintsPredicates reflection = RuntimeHintsPredicates.reflection();

	@Test
	void thePropertiesAndTheirGroupsCanBeBound() {
		for (Class<?> type : new Class<?>[] { CerebrasSpringAiProperties.class, CerebrasSpringAiProperties.Chat.class,
				CerebrasSpringAiProperties.Options.class }) {
			assertThat(this.reflection.onType(type)).as(type.getName()).accepts(this.hints);
		}
		assertThat(this.reflection.onMethodInvocation(CerebrasSpringAiProperties.Chat.class, "setEnabled"))
			.accepts(this.hints);
		assertThat(this.reflection.onMethodInvocation(CerebrasSpringAiProperties.Options.class, "setTemperature"))
			.accepts(this.hints);
	}

	@Test
	void theClientsHintsComeAlong() {
		assertThat(this.reflection.onType(ChatCompletionChunk.class)).accepts(this.hints);
	}

	private static RuntimeHints registered() {
		RuntimeHints hints = new RuntimeHints();
		ClassLoader classLoader = CerebrasSpringAiRuntimeHintsTests.class.getClassLoader();
		SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories", classLoader)
			.load(RuntimeHintsRegistrar.class)
			.forEach((registrar) -> registrar.registerHints(hints, classLoader));
		return hints;
	}

}
