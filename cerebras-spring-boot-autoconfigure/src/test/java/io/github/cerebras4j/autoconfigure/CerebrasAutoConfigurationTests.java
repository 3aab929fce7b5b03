package io.github.cerebras4j.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.client.ReactiveCerebrasTemplate;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.error.BadRequestException;
import io.github.cerebras4j.client.error.CerebrasMalformedResponseException;
import io.github.cerebras4j.client.error.CerebrasTimeoutException;
import io.github.cerebras4j.client.error.InternalServerException;
import io.github.cerebras4j.client.error.MissingApiKeyException;
import io.github.cerebras4j.client.observation.CerebrasObservationContext;
import io.github.cerebras4j.client.observation.DefaultCerebrasObservationConvention;
import io.github.cerebras4j.client.retry.CerebrasRetryPolicy;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.Retryable;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.cerebras4j.autoconfigure.CerebrasApiStub.API_KEY;
import static io.github.cerebras4j.autoconfigure.CerebrasApiStub.MODELS;
import static io.github.cerebras4j.autoconfigure.CerebrasApiStub.environment;
import static io.github.cerebras4j.autoconfigure.CerebrasApiStub.models;
import static io.github.cerebras4j.autoconfigure.CerebrasApiStub.modelsAfterOne503;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link CerebrasAutoConfiguration}.
 */
class CerebrasAutoConfigurationTests {

	@RegisterExtension
	static WireMockExtension server = CerebrasApiStub.server();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CerebrasAutoConfiguration.class, WebClientAutoConfiguration.class))
		.withInitializer(environment(Map.of()));

	@Test
	void templatesAreAutoConfiguredWithAnApiKey() {
		this.contextRunner.withPropertyValues("cerebras.api-key=" + API_KEY).run((context) -> {
			assertThat(context).hasSingleBean(ReactiveCerebrasTemplate.class);
			assertThat(context).hasSingleBean(CerebrasTemplate.class);
			assertThat(context).hasSingleBean(CerebrasConnectionDetails.class);
			assertThat(context).hasSingleBean(CerebrasWarmUp.class);
			assertThat(context).doesNotHaveBean(RetryPolicy.class);
		});
	}

	@Test
	void blockingTemplateIsAViewOfTheReactiveOneSoBothShareOnePool() {
		this.contextRunner.withPropertyValues("cerebras.api-key=" + API_KEY)
			.run((context) -> assertThat(context.getBean(CerebrasTemplate.class).reactive())
				.isSameAs(context.getBean(ReactiveCerebrasTemplate.class)));
	}

	@Test
	void nothingIsConfiguredWhenDisabled() {
		this.contextRunner.withPropertyValues("cerebras.api-key=" + API_KEY, "cerebras.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(CerebrasProperties.class);
				assertThat(context).doesNotHaveBean(CerebrasConnectionDetails.class);
				assertThat(context).doesNotHaveBean(RetryPolicy.class);
				assertThat(context).doesNotHaveBean(ReactiveCerebrasTemplate.class);
				assertThat(context).doesNotHaveBean(CerebrasTemplate.class);
				assertThat(context).doesNotHaveBean(CerebrasWarmUp.class);
			});
	}

	@Test
	void disabledNeedsNoApiKey() {
		this.contextRunner.withPropertyValues("cerebras.enabled=false").run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void connectionDetailsComeFromTheProperties() {
		server.stubFor(models());
		onServer().run((context) -> {
			CerebrasConnectionDetails details = context.getBean(CerebrasConnectionDetails.class);
			assertThat(details.baseUrl()).isEqualTo(server.baseUrl());
			assertThat(details.apiKey()).isEqualTo(API_KEY);
			context.getBean(CerebrasTemplate.class).models().list();
			server.verify(getRequestedFor(urlPathEqualTo(MODELS)).withHeader("Authorization",
					equalTo("Bearer " + API_KEY)));
		});
	}

	@Test
	void userConnectionDetailsAreUsed() {
		server.stubFor(models());
		this.contextRunner.withUserConfiguration(ConnectionDetailsConfiguration.class)
			.withPropertyValues("cerebras.api-key=csk-from-properties", "cerebras.base-url=http://127.0.0.1:9")
			.run((context) -> {
				assertThat(context).getBean(CerebrasConnectionDetails.class)
					.isSameAs(context.getBean("userConnectionDetails"));
				context.getBean(CerebrasTemplate.class).models().list();
				server.verify(getRequestedFor(urlPathEqualTo(MODELS)).withHeader("Authorization",
						equalTo("Bearer csk-from-details")));
			});
	}

	@Test
	void userReactiveTemplateIsUsedAndWrappedByTheBlockingOne() {
		this.contextRunner.withUserConfiguration(ReactiveTemplateConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(ReactiveCerebrasTemplate.class);
			ReactiveCerebrasTemplate userTemplate = context.getBean("userReactiveTemplate",
					ReactiveCerebrasTemplate.class);
			assertThat(context.getBean(CerebrasTemplate.class).reactive()).isSameAs(userTemplate);
		});
	}

	@Test
	void userBlockingTemplateBacksOffBothTemplatesAndNeedsNoApiKey() {
		this.contextRunner.withUserConfiguration(BlockingTemplateConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).getBean(CerebrasTemplate.class).isSameAs(context.getBean("userTemplate"));
			assertThat(context).doesNotHaveBean(ReactiveCerebrasTemplate.class);
		});
	}

	@Test
	void retryPolicyIsBuiltFromTheProperties() {
		server.stubFor(get(urlPathEqualTo(MODELS)).willReturn(aResponse().withStatus(503)));
		onServer().withPropertyValues("cerebras.retry.max-retries=1").run((context) -> {
			assertThatExceptionOfType(InternalServerException.class)
				.isThrownBy(() -> context.getBean(CerebrasTemplate.class).models().list());
			server.verify(2, getRequestedFor(urlPathEqualTo(MODELS)));
		});
	}

	@Test
	void retryPolicyQualifiedForCerebrasIsUsed() {
		server.stubFor(get(urlPathEqualTo(MODELS)).willReturn(aResponse().withStatus(503)));
		onServer().withUserConfiguration(QualifiedRetryPolicyConfiguration.class).run((context) -> {
			assertThatExceptionOfType(InternalServerException.class)
				.isThrownBy(() -> context.getBean(CerebrasTemplate.class).models().list());
			server.verify(1, getRequestedFor(urlPathEqualTo(MODELS)));
		});
	}

	@Test
	void retryPolicyQualifiedForCerebrasIsUsedBesideAnUnrelatedOne() {
		server.stubFor(get(urlPathEqualTo(MODELS)).willReturn(aResponse().withStatus(503)));
		onServer().withUserConfiguration(UnrelatedRetryConfiguration.class, QualifiedRetryPolicyConfiguration.class)
			.run((context) -> {
				assertThatExceptionOfType(InternalServerException.class)
					.isThrownBy(() -> context.getBean(CerebrasTemplate.class).models().list());
				server.verify(1, getRequestedFor(urlPathEqualTo(MODELS)));
			});
	}

	@Test
	void retryPolicyQualifiedForCerebrasCanStayOutOfTheApplicationsInjectionPoints() {
		server.stubFor(get(urlPathEqualTo(MODELS)).willReturn(aResponse().withStatus(503)));
		onServer()
			.withUserConfiguration(UnrelatedRetryConfiguration.class, NonDefaultCandidateRetryPolicyConfiguration.class,
					RetryPolicyUserConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(RetryPolicyUser.class).policy()).isSameAs(context.getBean("appRetryPolicy"));
				assertThatExceptionOfType(InternalServerException.class)
					.isThrownBy(() -> context.getBean(CerebrasTemplate.class).models().list());
				server.verify(1, getRequestedFor(urlPathEqualTo(MODELS)));
			});
	}

	@Test
	void cerebrasRetryPolicyBeanIsUsedWithoutQualifier() {
		server.stubFor(get(urlPathEqualTo(MODELS)).willReturn(aResponse().withStatus(503)));
		onServer().withUserConfiguration(UnrelatedRetryConfiguration.class, CerebrasRetryPolicyConfiguration.class)
			.run((context) -> {
				assertThatExceptionOfType(InternalServerException.class)
					.isThrownBy(() -> context.getBean(CerebrasTemplate.class).models().list());
				server.verify(1, getRequestedFor(urlPathEqualTo(MODELS)));
			});
	}

	@Test
	void retryListenerQualifiedForCerebrasIsToldOfRetriesAndAnUnrelatedOneIsNot() {
		for (MappingBuilder mapping : modelsAfterOne503()) {
			server.stubFor(mapping);
		}
		onServer().withUserConfiguration(UnrelatedRetryConfiguration.class, RetryListenerConfiguration.class)
			.run((context) -> {
				context.getBean(CerebrasTemplate.class).models().list();
				assertThat(context.getBean("firstListener", RecordingRetryListener.class).events)
					.containsExactly("beforeRetry 1", "onRetrySuccess");
				assertThat(context.getBean("appRetryListener", RecordingRetryListener.class).events).isEmpty();
			});
	}

	@Test
	void unrelatedRetryPolicyAndListenerAreNotUsed() {
		server.stubFor(get(urlPathEqualTo(MODELS)).willReturn(aResponse().withStatus(400)));
		onServer().withPropertyValues("cerebras.retry.max-retries=1")
			.withUserConfiguration(UnrelatedRetryConfiguration.class)
			.run((context) -> {
				CerebrasTemplate cerebras = context.getBean(CerebrasTemplate.class);
				assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> cerebras.models().list());
				server.verify(1, getRequestedFor(urlPathEqualTo(MODELS)));
				server.resetRequests();
				server.stubFor(get(urlPathEqualTo(MODELS)).willReturn(aResponse().withStatus(503)));
				assertThatExceptionOfType(InternalServerException.class).isThrownBy(() -> cerebras.models().list());
				server.verify(2, getRequestedFor(urlPathEqualTo(MODELS)));
				assertThat(context.getBean("appRetryListener", RecordingRetryListener.class).events).isEmpty();
				assertThat(context.getBean(RetryPolicy.class)).isSameAs(context.getBean("appRetryPolicy"));
			});
	}

	@Test
	void retryListenerIsToldOfRetries() {
		server.stubFor(modelsAfterOne503()[0]);
		server.stubFor(modelsAfterOne503()[1]);
		onServer().withUserConfiguration(RetryListenerConfiguration.class).run((context) -> {
			context.getBean(CerebrasTemplate.class).models().list();
			assertThat(context.getBean("firstListener", RecordingRetryListener.class).events)
				.containsExactly("beforeRetry 1", "onRetrySuccess");
		});
	}

	@Test
	void everyRetryListenerIsToldOfRetries() {
		for (MappingBuilder mapping : modelsAfterOne503()) {
			server.stubFor(mapping);
		}
		onServer().withUserConfiguration(RetryListenerConfiguration.class, SecondRetryListenerConfiguration.class)
			.run((context) -> {
				context.getBean(CerebrasTemplate.class).models().list();
				assertThat(context.getBean("firstListener", RecordingRetryListener.class).events)
					.containsExactly("beforeRetry 1", "onRetrySuccess");
				assertThat(context.getBean("secondListener", RecordingRetryListener.class).events)
					.containsExactly("beforeRetry 1", "onRetrySuccess");
			});
	}

	@Test
	void propertiesSetTheDefaultHeaders() {
		server.stubFor(models());
		onServer().withPropertyValues("cerebras.default-headers.X-Team=search").run((context) -> {
			context.getBean(CerebrasTemplate.class).models().list();
			server.verify(getRequestedFor(urlPathEqualTo(MODELS)).withHeader("X-Team", equalTo("search")));
		});
	}

	@Test
	void propertiesSetTheResponseTimeout() {
		server.stubFor(get(urlPathEqualTo(MODELS)).willReturn(aResponse().withFixedDelay(3000).withStatus(200)));
		onServer().withPropertyValues("cerebras.timeout.response=300ms", "cerebras.retry.max-retries=0")
			// the server answers after 3 s: in time for the default 60 s, too late for the 300 ms set
			.run((context) -> assertThatExceptionOfType(CerebrasTimeoutException.class)
				.isThrownBy(() -> context.getBean(CerebrasTemplate.class).models().list())
				.withMessageContaining("Request timed out"));
	}

	@Test
	void deadlineIsTheDeadlineOfBothTemplates() {
		server.stubFor(get(urlPathEqualTo(MODELS)).willReturn(aResponse().withFixedDelay(3000).withStatus(200)));
		onServer().withPropertyValues("cerebras.timeout.deadline=300ms").run((context) -> {
			assertThatExceptionOfType(CerebrasTimeoutException.class)
				.isThrownBy(() -> context.getBean(CerebrasTemplate.class).models().list())
				.withMessageContaining("Deadline of 300 ms");
			assertThatExceptionOfType(CerebrasTimeoutException.class)
				.isThrownBy(() -> context.getBean(ReactiveCerebrasTemplate.class).models().list().block())
				.withMessageContaining("Deadline of 300 ms");
		});
	}

	@Test
	void nonStreamingDeadlineIsTheDefaultDeadlineOfCallsThatAreNotStreams() {
		server.stubFor(get(urlPathEqualTo(MODELS)).willReturn(aResponse().withFixedDelay(3000).withStatus(200)));
		onServer().withPropertyValues("cerebras.timeout.non-streaming-deadline=300ms").run((context) -> {
			assertThatExceptionOfType(CerebrasTimeoutException.class)
				.isThrownBy(() -> context.getBean(CerebrasTemplate.class).models().list())
				.withMessageContaining("Deadline of 300 ms");
		});
	}

	@Test
	void limitsReachTheClient() {
		server.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/event-stream")
			.withBody("data: {\"choices\":[{\"delta\":{\"content\":\"" + "x".repeat(2000) + "\"}}]}\n\n")));
		onServer().withPropertyValues("cerebras.limits.max-event-size=1KB").run((context) -> {
			ChatCompletionRequest request = ChatCompletionRequest.builder().model("llama3.1-8b").user("Hi").build();
			assertThatExceptionOfType(CerebrasMalformedResponseException.class)
				.isThrownBy(() -> context.getBean(ReactiveCerebrasTemplate.class).chat().completions().stream(request)
					.blockLast())
				.withMessageContaining("longer than 1024 bytes");
		});
	}

	@Test
	void templateCustomizerIsApplied() {
		server.stubFor(models());
		onServer().withUserConfiguration(TemplateCustomizerConfiguration.class).run((context) -> {
			context.getBean(CerebrasTemplate.class).models().list();
			server.verify(getRequestedFor(urlPathEqualTo(MODELS)).withHeader("X-Customized", equalTo("yes")));
		});
	}

	@Test
	void templateCustomizersRunInOrderAfterTheProperties() {
		server.stubFor(models());
		onServer().withPropertyValues("cerebras.default-headers.X-Team=from-properties")
			.withUserConfiguration(TemplateCustomizerConfiguration.class)
			.run((context) -> {
				context.getBean(CerebrasTemplate.class).models().list();
				server.verify(getRequestedFor(urlPathEqualTo(MODELS)).withHeader("X-Team", equalTo("second")));
			});
	}

	@Test
	void webClientCustomizerAppliesToRequests() {
		server.stubFor(models());
		onServer().withUserConfiguration(WebClientCustomizerConfiguration.class).run((context) -> {
			context.getBean(CerebrasTemplate.class).models().list();
			server.verify(getRequestedFor(urlPathEqualTo(MODELS)).withHeader("X-From-WebClient", equalTo("yes")));
		});
	}

	@Test
	void observationRegistryObservesCalls() {
		server.stubFor(models());
		onServer().withUserConfiguration(ObservationConfiguration.class).run((context) -> {
			context.getBean(CerebrasTemplate.class).models().list();
			TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
				.hasObservationWithNameEqualTo("gen_ai.client.operation.duration");
		});
	}

	@Test
	void bootsObservationRegistryObservesCalls() {
		server.stubFor(models());
		onServer().withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class))
			.withUserConfiguration(ObservationHandlerConfiguration.class)
			.run((context) -> {
				context.getBean(CerebrasTemplate.class).models().list();
				assertThat(context.getBean(RecordingObservationHandler.class).names)
					.containsExactly("gen_ai.client.operation.duration");
			});
	}

	@Test
	void userObservationConventionIsUsed() {
		server.stubFor(models());
		onServer().withUserConfiguration(ObservationConfiguration.class, ObservationConventionConfiguration.class)
			.run((context) -> {
				context.getBean(CerebrasTemplate.class).models().list();
				TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
					.hasNumberOfObservationsWithNameEqualTo("custom.cerebras", 1)
					.hasNumberOfObservationsWithNameEqualTo("gen_ai.client.operation.duration", 0);
			});
	}

	@Test
	void missingApiKeyFailsStartUp() {
		this.contextRunner.run((context) -> assertThat(context).getFailure()
			.rootCause()
			.isInstanceOf(MissingApiKeyException.class));
	}

	@Test
	void blankApiKeyFailsStartUp() {
		this.contextRunner.withPropertyValues("cerebras.api-key=  ")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(MissingApiKeyException.class));
	}

	@Test
	void connectionDetailsWithoutApiKeyFailStartUp() {
		this.contextRunner.withUserConfiguration(KeylessConnectionDetailsConfiguration.class)
			.withPropertyValues("cerebras.api-key=" + API_KEY)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(MissingApiKeyException.class));
	}

	@Test
	void environmentVariablesConfigureTheTemplate() {
		for (MappingBuilder mapping : modelsAfterOne503()) {
			server.stubFor(mapping);
		}
		this.contextRunner
			.withInitializer(environment(Map.of("CEREBRAS_API_KEY", "csk-from-environment", "CEREBRAS_BASE_URL",
					server.baseUrl(), "CEREBRAS_RETRY_MAXRETRIES", "1", "CEREBRAS_RETRY_INITIALDELAY", "10ms")))
			.run((context) -> {
				CerebrasProperties properties = context.getBean(CerebrasProperties.class);
				assertThat(properties.getApiKey()).isEqualTo("csk-from-environment");
				assertThat(properties.getBaseUrl()).isEqualTo(server.baseUrl());
				assertThat(properties.getRetry().getMaxRetries()).isOne();
				context.getBean(CerebrasTemplate.class).models().list();
				server.verify(2, getRequestedFor(urlPathEqualTo(MODELS)).withHeader("Authorization",
						equalTo("Bearer csk-from-environment")));
			});
	}

	@Test
	void apiKeyIsInNoBeansToString() {
		onServer().withPropertyValues("cerebras.timeout.deadline=10s").run((context) -> {
			for (String name : context.getBeanDefinitionNames()) {
				assertThat(String.valueOf(context.getBean(name))).as(name).doesNotContain(API_KEY);
			}
			assertThat(context.getBean(CerebrasProperties.class)).hasToString(
					"CerebrasProperties[baseUrl=" + server.baseUrl() + ", apiKey=[set]]");
		});
	}

	private ApplicationContextRunner onServer() {
		return this.contextRunner.withPropertyValues("cerebras.api-key=" + API_KEY,
				"cerebras.base-url=" + server.baseUrl(), "cerebras.retry.initial-delay=10ms",
				"cerebras.retry.max-delay=10ms");
	}

	@Configuration(proxyBeanMethods = false)
	static class ConnectionDetailsConfiguration {

		@Bean
		CerebrasConnectionDetails userConnectionDetails() {
			return new CerebrasConnectionDetails() {

				@Override
				public String baseUrl() {
					return server.baseUrl();
				}

				@Override
				public String apiKey() {
					return "csk-from-details";
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class KeylessConnectionDetailsConfiguration {

		@Bean
		CerebrasConnectionDetails userConnectionDetails() {
			return new CerebrasConnectionDetails() {

				@Override
				public String baseUrl() {
					return server.baseUrl();
				}

				@Override
				public @Nullable String apiKey() {
					return null;
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ReactiveTemplateConfiguration {

		@Bean
		ReactiveCerebrasTemplate userReactiveTemplate() {
			return ReactiveCerebrasTemplate.builder()
				.apiKey("csk-user")
				.baseUrl(server.baseUrl())
				.environment((name) -> null)
				.warmUp(false)
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BlockingTemplateConfiguration {

		@Bean
		CerebrasTemplate userTemplate() {
			return CerebrasTemplate.builder()
				.apiKey("csk-user")
				.baseUrl(server.baseUrl())
				.environment((name) -> null)
				.warmUp(false)
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class QualifiedRetryPolicyConfiguration {

		@Bean
		@CerebrasRetry
		RetryPolicy userRetryPolicy() {
			return RetryPolicy.withMaxRetries(0);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NonDefaultCandidateRetryPolicyConfiguration {

		@Bean(defaultCandidate = false)
		@CerebrasRetry
		RetryPolicy userRetryPolicy() {
			return RetryPolicy.withMaxRetries(0);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CerebrasRetryPolicyConfiguration {

		@Bean
		CerebrasRetryPolicy userRetryPolicy() {
			return CerebrasRetryPolicy.builder().maxRetries(0).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RetryPolicyUserConfiguration {

		@Bean
		RetryPolicyUser retryPolicyUser(RetryPolicy policy) {
			return new RetryPolicyUser(policy);
		}

	}

	record RetryPolicyUser(RetryPolicy policy) {
	}

	@Configuration(proxyBeanMethods = false)
	static class UnrelatedRetryConfiguration {

		@Bean
		RetryPolicy appRetryPolicy() {
			return RetryPolicy.builder().maxRetries(4).delay(Duration.ofMillis(1)).build();
		}

		@Bean
		RecordingRetryListener appRetryListener() {
			return new RecordingRetryListener();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RetryListenerConfiguration {

		@Bean
		@CerebrasRetry
		RecordingRetryListener firstListener() {
			return new RecordingRetryListener();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SecondRetryListenerConfiguration {

		@Bean
		@CerebrasRetry
		RecordingRetryListener secondListener() {
			return new RecordingRetryListener();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TemplateCustomizerConfiguration {

		@Bean
		@Order(2)
		CerebrasTemplateCustomizer secondCustomizer() {
			return (builder) -> builder.defaultHeader("X-Team", "second");
		}

		@Bean
		@Order(1)
		CerebrasTemplateCustomizer firstCustomizer() {
			return (builder) -> builder.defaultHeader("X-Team", "first").defaultHeader("X-Customized", "yes");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class WebClientCustomizerConfiguration {

		@Bean
		WebClientCustomizer headerWebClientCustomizer() {
			return (builder) -> builder.defaultHeader("X-From-WebClient", "yes");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ObservationConfiguration {

		@Bean
		TestObservationRegistry observationRegistry() {
			return TestObservationRegistry.create();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ObservationConventionConfiguration {

		@Bean
		DefaultCerebrasObservationConvention customConvention() {
			return new DefaultCerebrasObservationConvention() {

				@Override
				public String getName() {
					return "custom.cerebras";
				}

				@Override
				public String getContextualName(CerebrasObservationContext context) {
					return "custom";
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ObservationHandlerConfiguration {

		@Bean
		RecordingObservationHandler recordingObservationHandler() {
			return new RecordingObservationHandler();
		}

	}

	static class RecordingObservationHandler implements ObservationHandler<Observation.Context> {

		final List<String> names = new CopyOnWriteArrayList<>();

		@Override
		public void onStop(Observation.Context context) {
			this.names.add(context.getName());
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

	static class RecordingRetryListener implements RetryListener {

		final List<String> events = new CopyOnWriteArrayList<>();

		@Override
		public void beforeRetry(RetryPolicy policy, Retryable<?> retryable, RetryState state) {
			this.events.add("beforeRetry " + state.getRetryCount());
		}

		@Override
		public void onRetrySuccess(RetryPolicy policy, Retryable<?> retryable, Object result) {
			this.events.add("onRetrySuccess");
		}

	}

}
