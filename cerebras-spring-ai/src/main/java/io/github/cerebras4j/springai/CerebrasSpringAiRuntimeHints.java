package io.github.cerebras4j.springai;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.boot.context.properties.bind.BindableRuntimeHintsRegistrar;

/**
 * The hints a native image needs to bind {@code cerebras.spring-ai.*} onto {@link CerebrasSpringAiProperties} and its
 * nested groups, registered through {@code META-INF/spring/aot.factories}. The client's own types are covered by
 * {@code cerebras-client}'s registrar, the {@code cerebras.*} properties by the auto-configuration's.
 */
class CerebrasSpringAiRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		BindableRuntimeHintsRegistrar.forTypes(CerebrasSpringAiProperties.class).registerHints(hints, classLoader);
	}

}
