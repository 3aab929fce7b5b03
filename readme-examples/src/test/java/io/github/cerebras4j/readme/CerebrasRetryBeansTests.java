package io.github.cerebras4j.readme;

import java.time.Duration;
import java.util.Set;

import io.github.cerebras4j.autoconfigure.CerebrasRetry;
import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.error.RateLimitException;
import io.github.cerebras4j.client.retry.CerebrasRetryPolicy;
import io.github.cerebras4j.test.CerebrasMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.Retryable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The README's {@code @CerebrasRetry} beans: the qualified policy and listener are the Cerebras client's, and an
 * application's own {@code RetryPolicy} bean of another use is not.
 */
@ExtendWith({ EnvironmentMockServer.class, OutputCaptureExtension.class })
class CerebrasRetryBeansTests {

	private static final Logger log = LoggerFactory.getLogger(CerebrasRetryBeansTests.class);

	@Test
	void qualifiedBeansDriveTheRetriesOfCerebrasCalls(CerebrasMockServer server, CapturedOutput output) {
		server.failWith(429, "Queue is full").retryAfter(Duration.ofMillis(1));
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ReadmeApplication.class,
				RetryConfiguration.class)
			.web(WebApplicationType.NONE)
			.properties("cerebras.warm-up.enabled=false")
			.run()) {
			ChatCompletionRequest request = ChatCompletionRequest.builder().model("llama3.1-8b").user("Hi").build();

			assertThatExceptionOfType(RateLimitException.class)
				.isThrownBy(() -> context.getBean(CerebrasTemplate.class).chat().completions().create(request));

			assertThat(server.chatRequests()).as("the first attempt and the policy's 4 retries").hasSize(5);
			assertThat(output.getOut()).contains("Cerebras retry 1", "Cerebras retry 4");
			assertThat(context.getBean(RetryPolicy.class)).as("the application's own policy")
				.isSameAs(RetryConfiguration.APPLICATION_POLICY);
		}
	}

	/** Beans given to the application as a source; not a {@code @Configuration}, so other tests' scans skip it. */
	static class RetryConfiguration {

		static final RetryPolicy APPLICATION_POLICY = RetryPolicy.withDefaults();

		@Bean
		RetryPolicy applicationRetryPolicy() {
			return APPLICATION_POLICY;
		}

		// tag::cerebras-retry-beans[]
		@Bean(defaultCandidate = false)
		@CerebrasRetry
		RetryPolicy cerebrasRetryPolicy() {
			return CerebrasRetryPolicy.builder().maxRetries(4).retryableStatuses(Set.of(429)).build();
		}

		@Bean
		@CerebrasRetry
		RetryListener cerebrasRetryLogger() {
			return new RetryListener() {
				@Override
				public void beforeRetry(RetryPolicy policy, Retryable<?> call, RetryState state) {
					log.info("Cerebras retry {}", state.getRetryCount());
				}
			};
		}
		// end::cerebras-retry-beans[]

	}

}
