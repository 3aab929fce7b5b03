package io.github.cerebras4j.readme;

import java.time.Duration;
import java.util.Set;

import io.github.cerebras4j.client.CerebrasStream;
import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.error.CerebrasConnectionException;
import io.github.cerebras4j.client.error.CerebrasStreamInterruptedException;
import io.github.cerebras4j.client.error.CerebrasTimeoutException;
import io.github.cerebras4j.client.error.RateLimitException;
import io.github.cerebras4j.client.retry.CerebrasRetryPolicy;
import io.github.cerebras4j.test.CerebrasMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.Retryable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The README's retry examples. The server's 429s ask for a retry after a millisecond
 * ({@code retry-after: 0.001}), so that the retries take no time.
 */
@ExtendWith({ EnvironmentMockServer.class, OutputCaptureExtension.class })
class RetriesTests {

	private static final Logger log = LoggerFactory.getLogger(RetriesTests.class);

	private final ChatCompletionRequest request = ChatCompletionRequest.builder()
		.model("llama3.1-8b")
		.user("Hi")
		.build();

	@Test
	void maxRetriesAndCustomPolicy(CerebrasMockServer server, CapturedOutput output) {
		server.failWith(429, "Queue is full").retryAfter(Duration.ofMillis(1));
		// tag::retries[]
		CerebrasTemplate cerebras = CerebrasTemplate.builder()
				.maxRetries(5)                                   // or 0 to turn retries off
				.build();

		CerebrasTemplate custom = CerebrasTemplate.builder()
				.retryPolicy(CerebrasRetryPolicy.builder()
						.maxRetries(4)
						.initialDelay(Duration.ofMillis(200))
						.maxDelay(Duration.ofSeconds(4))
						.multiplier(2.0)
						.jitter(0.25)
						.maxRetryAfter(Duration.ofSeconds(30))
						.retryableStatuses(Set.of(408, 429))      // plus every 5xx unless retryServerErrors(false)
						.build())
				.retryListener(new RetryListener() {              // Spring's listener: sees every retry
					@Override
					public void beforeRetry(RetryPolicy policy, Retryable<?> call, RetryState state) {
						log.info("retry {} of {}", state.getRetryCount(), call.getName());
					}
				})
				.build();
		// end::retries[]
		try (cerebras; custom) {
			assertThatExceptionOfType(RateLimitException.class)
				.isThrownBy(() -> cerebras.chat().completions().create(this.request))
				.satisfies((ex) -> assertThat(ex.getSuppressed()).filteredOn(RateLimitException.class::isInstance)
					.as("the earlier failures")
					.hasSize(5));
			assertThat(server.chatRequests()).hasSize(6);

			server.reset();
			server.failWith(429, "Queue is full").retryAfter(Duration.ofMillis(1));
			assertThatExceptionOfType(RateLimitException.class)
				.isThrownBy(() -> custom.chat().completions().create(this.request));
			assertThat(server.chatRequests()).hasSize(5);
			assertThat(output.getOut()).contains("retry 1 of ", "retry 4 of ").doesNotContain("retry 5 of ");
		}
	}

	@Test
	void streamInterruptedAfterItsFirstChunk(CerebrasTemplate cerebras, CerebrasMockServer server) {
		server.reply("A stream that will not reach its end, whatever happens.")
			.fault(CerebrasMockServer.Fault.TRUNCATED_STREAM);
		StringBuilder received = new StringBuilder();
		boolean interrupted = false;
		try (CerebrasStream<ChatCompletionChunk> stream = cerebras.chat().completions().stream(this.request)) {
			stream.forEach((chunk) -> received.append(chunk.content()));
		}
		// tag::partial-text[]
		catch (CerebrasConnectionException ex) {
			boolean timedOut = ex instanceof CerebrasTimeoutException;
			String soFar = ex.partialText();                  // the content of the chunks received, "" when none
			int chunks = ex.chunksReceived();
			// end::partial-text[]
			interrupted = true;
			assertThat(ex).isInstanceOf(CerebrasStreamInterruptedException.class);
			assertThat(timedOut).isFalse();
			assertThat(soFar).isNotEmpty().isEqualTo(received.toString());
			assertThat(chunks).isPositive();
			// tag::partial-text[]
		}
		// end::partial-text[]
		assertThat(interrupted).isTrue();
		assertThat(server.chatRequests()).as("not retried after its first chunk").hasSize(1);
	}

}
