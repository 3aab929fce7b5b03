package io.github.cerebras4j.springai;

import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.client.observation.CerebrasObservationContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.ObservationFilter;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.observation.ChatModelMeterObservationHandler;
import org.springframework.ai.chat.observation.ChatModelObservationConvention;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Auto-configuration of the Spring AI {@link CerebrasChatModel}: active when Spring AI's {@link ChatModel} is on the
 * class path and a {@link CerebrasTemplate} bean exists (after the starter's {@code CerebrasAutoConfiguration}), unless
 * {@code cerebras.spring-ai.chat.enabled=false} or the application defines its own {@link CerebrasChatModel}. Its
 * default options come from {@code cerebras.spring-ai.chat.options.*}; tools are resolved by the
 * {@link ToolCallingManager} bean (Spring AI's auto-configuration provides one), else by a default one; calls are
 * observed with the {@link ObservationRegistry} bean and a {@link ChatModelObservationConvention} bean when there is
 * one. With Micrometer, a call through the model is measured once: Spring AI's {@code gen_ai.client.operation}
 * observation owns its duration and token usage, the client's observation what only it knows (see
 * {@code SpringAiBridgeMetrics}); Spring AI's {@link ChatModelMeterObservationHandler}, which counts the tokens, is
 * defined here too when Spring AI's chat observation auto-configuration is not there.
 */
@AutoConfiguration(afterName = { "io.github.cerebras4j.autoconfigure.CerebrasAutoConfiguration",
		"org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration",
		"org.springframework.ai.model.chat.observation.autoconfigure.ChatObservationAutoConfiguration",
		"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass({ ChatModel.class, CerebrasTemplate.class })
@ConditionalOnBean(CerebrasTemplate.class)
@ConditionalOnBooleanProperty(name = "cerebras.spring-ai.chat.enabled", matchIfMissing = true)
@EnableConfigurationProperties(CerebrasSpringAiProperties.class)
public final class CerebrasSpringAiAutoConfiguration {

	/**
	 * Creates the auto-configuration, as Spring Boot does when it applies it.
	 */
	public CerebrasSpringAiAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	CerebrasChatModel cerebrasChatModel(CerebrasTemplate cerebrasTemplate, CerebrasSpringAiProperties properties,
			ObjectProvider<ToolCallingManager> toolCallingManager,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<ChatModelObservationConvention> observationConvention) {
		ObservationRegistry registry = observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP);
		return CerebrasChatModel.builder()
			.cerebrasTemplate(cerebrasTemplate)
			.defaultOptions(properties.getChat().getOptions().toChatOptions())
			.toolCallingManager(toolCallingManager
				.getIfUnique(() -> ToolCallingManager.builder().observationRegistry(registry).build()))
			.observationRegistry(registry)
			.observationConvention(observationConvention.getIfUnique())
			.build();
	}

	/**
	 * With Micrometer, a call through the chat model is measured once: see {@link SpringAiBridgeMetrics}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ MeterRegistry.class, CerebrasObservationContext.class })
	static final class BridgeMetricsConfiguration {

		@Bean
		ObservationFilter cerebrasSpringAiBridgeObservationFilter() {
			return SpringAiBridgeMetrics.observationFilter();
		}

		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		MeterObservationHandler<CerebrasObservationContext> cerebrasSpringAiBridgeMeterObservationHandler() {
			return SpringAiBridgeMetrics.meterObservationHandler();
		}

		@Bean
		MeterFilter cerebrasSpringAiBridgeMeterFilter() {
			return SpringAiBridgeMetrics.meterFilter();
		}

		/**
		 * Spring AI's token usage meter, as Spring AI's chat observation auto-configuration defines it when it is
		 * there: the client leaves a bridged call's tokens to it.
		 */
		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(MeterRegistry.class)
		ChatModelMeterObservationHandler chatModelMeterObservationHandler(ObjectProvider<MeterRegistry> meterRegistry) {
			return new ChatModelMeterObservationHandler(meterRegistry.getObject());
		}

	}

}
