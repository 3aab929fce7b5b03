package io.github.cerebras4j.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.boot.context.properties.bind.BindableRuntimeHintsRegistrar;

/**
 * The hints a native image needs to bind {@code cerebras.*} onto {@link CerebrasProperties} and its nested groups,
 * registered through {@code META-INF/spring/aot.factories}. Spring Boot's AOT processing registers them too for a
 * {@code @ConfigurationProperties} bean it sees; listing them here keeps them when the properties are bound some other
 * way (for example through {@code Binder} in a test or a customizer). The client's own types are covered by
 * {@code cerebras-client}'s registrar.
 */
class CerebrasAutoConfigurationRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		BindableRuntimeHintsRegistrar.forTypes(CerebrasProperties.class).registerHints(hints, classLoader);
	}

}
