package io.github.cerebras4j.autoconfigure;

import java.util.List;
import java.util.Locale;

import io.github.cerebras4j.client.CerebrasClientBuilder;
import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.client.ReactiveCerebrasTemplate;
import io.github.cerebras4j.client.observation.CerebrasObservationConvention;
import io.github.cerebras4j.client.retry.CerebrasRetryPolicy;
import io.github.cerebras4j.client.throttle.BudgetStore;
import io.github.cerebras4j.client.throttle.LocalBudgetStore;
import io.github.cerebras4j.client.throttle.ThrottleSettings;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.support.CompositeRetryListener;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of the Cerebras client: a {@link ReactiveCerebrasTemplate} and a {@link CerebrasTemplate} on
 * the same connection pool, built from the {@code cerebras.*} properties, the {@link CerebrasConnectionDetails}, Boot's
 * {@link WebClient.Builder} (so {@code WebClientCustomizer}s apply; its connector is the client's own), the
 * {@link ObservationRegistry}, a {@link CerebrasObservationConvention}, the SSL bundle that {@code cerebras.ssl.bundle}
 * names, every {@link CerebrasHttpClientCustomizer} and every {@link CerebrasTemplateCustomizer}. Retries follow a
 * {@link CerebrasRetryPolicy} built from {@code cerebras.retry.*}, unless the application defines a {@link RetryPolicy}
 * bean qualified with {@link CerebrasRetry @CerebrasRetry} or a {@link CerebrasRetryPolicy} bean; every
 * {@link RetryListener} bean qualified with {@code @CerebrasRetry} is told of the retries. Other {@code RetryPolicy}
 * and {@code RetryListener} beans are the application's own and are not used. Every bean backs off when the
 * application defines its own, and a user's {@code CerebrasTemplate} backs off both templates. The connections of the
 * {@code ReactiveCerebrasTemplate} bean are warmed up once the application is ready unless
 * {@code cerebras.warm-up.enabled=false}. With {@code cerebras.throttle.enabled=true} generations are throttled on
 * the {@link BudgetStore} bean: the application's own, a shared one ({@code cerebras.throttle.store=redis}), else one
 * in this instance's memory. {@code cerebras.enabled=false} turns it all off.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration",
		"org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration",
		"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
		"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnClass(ReactiveCerebrasTemplate.class)
@ConditionalOnBooleanProperty(name = "cerebras.enabled", matchIfMissing = true)
@EnableConfigurationProperties(CerebrasProperties.class)
public final class CerebrasAutoConfiguration {

	/**
	 * Creates the auto-configuration, as Spring Boot does when it applies it.
	 */
	public CerebrasAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean(CerebrasConnectionDetails.class)
	PropertiesCerebrasConnectionDetails cerebrasConnectionDetails(CerebrasProperties properties) {
		return new PropertiesCerebrasConnectionDetails(properties);
	}

	@Bean
	@ConditionalOnMissingBean({ ReactiveCerebrasTemplate.class, CerebrasTemplate.class })
	ReactiveCerebrasTemplate reactiveCerebrasTemplate(CerebrasProperties properties,
			CerebrasConnectionDetails connectionDetails, ObjectProvider<WebClient.Builder> webClientBuilder,
			@CerebrasRetry ObjectProvider<RetryPolicy> qualifiedRetryPolicy,
			ObjectProvider<CerebrasRetryPolicy> cerebrasRetryPolicy,
			@CerebrasRetry ObjectProvider<RetryListener> retryListeners,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<CerebrasObservationConvention> observationConvention, ObjectProvider<SslBundles> sslBundles,
			ObjectProvider<CerebrasHttpClientCustomizer> httpClientCustomizers,
			ObjectProvider<CerebrasTemplateCustomizer> customizers, ObjectProvider<BudgetStore> budgetStore) {
		String apiKey = UnusableApiKeyException.check(connectionDetails.apiKey());
		RetryPolicy retryPolicy = qualifiedRetryPolicy
			.getIfAvailable(() -> cerebrasRetryPolicy.getIfAvailable(() -> retryPolicy(properties.getRetry())));
		CerebrasClientBuilder<ReactiveCerebrasTemplate> builder = ReactiveCerebrasTemplate.builder()
			.environment((name) -> null)
			.apiKey(apiKey)
			.baseUrl(connectionDetails.baseUrl())
			.retryPolicy(retryPolicy);
		webClientBuilder.ifAvailable(builder::webClientBuilder);
		List<RetryListener> listeners = retryListeners.orderedStream().toList();
		if (!listeners.isEmpty()) {
			builder.retryListener((listeners.size() == 1) ? listeners.get(0) : new CompositeRetryListener(listeners));
		}
		observationRegistry.ifAvailable(builder::observationRegistry);
		observationConvention.ifAvailable(builder::observationConvention);
		CerebrasProperties.Throttle throttle = properties.getThrottle();
		if (throttle.isEnabled()) {
			builder.throttle(new ThrottleSettings(budgetStore(budgetStore, throttle), throttle.getMaxWait(),
					throttle.getDefaultCompletionTokens()));
		}
		new PropertiesCerebrasTemplateCustomizer(properties).customize(builder);
		String sslBundle = properties.getSsl().getBundle();
		if (StringUtils.hasText(sslBundle)) {
			builder.tls(SslBundleTls.tls(sslBundle, sslBundles.getIfAvailable()));
		}
		httpClientCustomizers.orderedStream()
			.forEach((customizer) -> builder.httpClientCustomizer(customizer::customize));
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	private static BudgetStore budgetStore(ObjectProvider<BudgetStore> budgetStore,
			CerebrasProperties.Throttle throttle) {
		BudgetStore store = budgetStore.getIfUnique();
		if (store == null) {
			throw new IllegalStateException("cerebras.throttle.enabled=true with cerebras.throttle.store="
					+ throttle.getStore().name().toLowerCase(Locale.ROOT) + " needs one BudgetStore bean; "
					+ ((throttle.getStore() == CerebrasProperties.Throttle.Store.REDIS)
							? "add spring-boot-starter-data-redis (with Lettuce, its default client) and "
									+ "io.github.cerebras4j:cerebras-throttle-redis"
							: "define one, or set cerebras.throttle.store=local")
					+ " (found " + budgetStore.stream().count() + ")");
		}
		return store;
	}

	private static CerebrasRetryPolicy retryPolicy(CerebrasProperties.Retry retry) {
		return CerebrasRetryPolicy.builder()
			.maxRetries(retry.getMaxRetries())
			.initialDelay(retry.getInitialDelay())
			.maxDelay(retry.getMaxDelay())
			.multiplier(retry.getMultiplier())
			.jitter(retry.getJitter())
			.maxRetryAfter(retry.getMaxRetryAfter())
			.build();
	}

	/**
	 * The throttle's budgets in this instance's memory, unless another store is configured
	 * ({@code cerebras.throttle.store=redis}) or the application defines its own {@link BudgetStore}.
	 * @param properties the properties
	 * @return the store
	 */
	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty("cerebras.throttle.enabled")
	@ConditionalOnProperty(name = "cerebras.throttle.store", havingValue = "local", matchIfMissing = true)
	BudgetStore cerebrasBudgetStore(CerebrasProperties properties) {
		return new LocalBudgetStore(properties.getThrottle().getLimits().toBudgetLimits());
	}

	@Bean(destroyMethod = "")
	@ConditionalOnMissingBean
	CerebrasTemplate cerebrasTemplate(ReactiveCerebrasTemplate reactiveCerebrasTemplate) {
		return new CerebrasTemplate(reactiveCerebrasTemplate);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(ReactiveCerebrasTemplate.class)
	@ConditionalOnBooleanProperty(name = "cerebras.warm-up.enabled", matchIfMissing = true)
	CerebrasWarmUp cerebrasWarmUp(ReactiveCerebrasTemplate reactiveCerebrasTemplate) {
		return new CerebrasWarmUp(reactiveCerebrasTemplate);
	}

	/**
	 * Masks the API key and the proxy password in actuator endpoints when the actuator is present.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class ActuatorSanitizingConfiguration {

		// named as when it masked only the key, so that an application's bean of that name still replaces it
		@Bean
		@ConditionalOnMissingBean(name = "cerebrasApiKeySanitizer")
		SanitizingFunction cerebrasApiKeySanitizer(CerebrasConnectionDetails connectionDetails,
				CerebrasProperties properties) {
			return new CerebrasSecretsSanitizer(connectionDetails.apiKey(), properties.getProxy().getPassword());
		}

	}

}
