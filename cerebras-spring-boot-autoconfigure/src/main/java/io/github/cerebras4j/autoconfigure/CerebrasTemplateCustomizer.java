package io.github.cerebras4j.autoconfigure;

import io.github.cerebras4j.client.CerebrasClientBuilder;

/**
 * Callback that customizes the builder of the auto-configured {@code ReactiveCerebrasTemplate}, on which the
 * auto-configured {@code CerebrasTemplate} is built too. Customizers run in {@link org.springframework.core.Ordered
 * order}, after the {@code cerebras.*} properties, the connection details and the retry and observation beans have
 * been applied, so a customizer can override any of them.
 */
@FunctionalInterface
public interface CerebrasTemplateCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the builder to customize
	 */
	void customize(CerebrasClientBuilder<?> builder);

}
