package io.github.cerebras4j.test;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Gives the application context of a test annotated with {@link AutoConfigureCerebrasMockServer} its
 * {@link CerebrasMockServer}: started when the context is prepared, registered as a bean and stopped with the
 * context, and the {@code cerebras.*} properties that point at it.
 */
class CerebrasMockServerContextCustomizerFactory implements ContextCustomizerFactory {

	static final String BEAN_NAME = "cerebrasMockServer";

	static final String PROPERTY_SOURCE_NAME = "cerebrasMockServer";

	/** The name spring-test gives the property source of {@code @DynamicPropertySource} values. */
	private static final String DYNAMIC_PROPERTIES_NAME = "Dynamic Test Properties";

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return TestContextAnnotationUtils.hasAnnotation(testClass, AutoConfigureCerebrasMockServer.class)
				? new CerebrasMockServerContextCustomizer() : null;
	}

	/**
	 * Starts the server of one application context. Every instance is equal, so tests that share the rest of
	 * their configuration share the context and its server.
	 */
	static final class CerebrasMockServerContextCustomizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context,
				MergedContextConfiguration mergedConfig) {
			CerebrasMockServer server = CerebrasMockServer.start();
			ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
			beanFactory.registerSingleton(BEAN_NAME, server);
			if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
				registry.registerDisposableBean(BEAN_NAME, server::close);
			}
			else {
				context.addApplicationListener((ApplicationListener<ContextClosedEvent>) (event) -> server.close());
			}
			MapPropertySource properties = new MapPropertySource(PROPERTY_SOURCE_NAME,
					Map.of("cerebras.base-url", server.baseUrl(), "cerebras.api-key", CerebrasMockServer.TEST_API_KEY));
			MutablePropertySources sources = context.getEnvironment().getPropertySources();
			if (sources.contains(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME)) {
				sources.addAfter(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, properties);
			}
			else if (sources.contains(DYNAMIC_PROPERTIES_NAME)) {
				sources.addAfter(DYNAMIC_PROPERTIES_NAME, properties);
			}
			else {
				sources.addFirst(properties);
			}
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other != null && other.getClass() == getClass();
		}

		@Override
		public int hashCode() {
			return getClass().hashCode();
		}

	}

}
