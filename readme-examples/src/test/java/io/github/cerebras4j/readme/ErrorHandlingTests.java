package io.github.cerebras4j.readme;

import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.core.RateLimits;
import io.github.cerebras4j.client.error.CerebrasApiException;
import io.github.cerebras4j.client.error.CerebrasConnectionException;
import io.github.cerebras4j.client.error.RateLimitException;
import io.github.cerebras4j.test.CerebrasMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's error handling example, each {@code catch} reached by a scripted failure (retries off, so that each
 * failure is thrown at once).
 */
@ExtendWith({ EnvironmentMockServer.class, OutputCaptureExtension.class })
class ErrorHandlingTests {

	private final ChatCompletionRequest request = ChatCompletionRequest.builder()
		.model("llama3.1-8b")
		.user("Hi")
		.build();

	private CerebrasTemplate cerebras;

	@BeforeEach
	void buildTemplate() {
		this.cerebras = CerebrasTemplate.builder().maxRetries(0).warmUp(false).build();
	}

	@AfterEach
	void closeTemplate() {
		this.cerebras.close();
	}

	@Test
	void connectionFailure(CerebrasMockServer server, CapturedOutput output) {
		server.fault(CerebrasMockServer.Fault.CONNECTION_RESET);
		handleErrors(this.cerebras, this.request);
		assertThat(output.getOut()).contains("The server could not be reached: ");
	}

	@Test
	void rateLimited(CerebrasMockServer server, CapturedOutput output) {
		server.failWith(429, "Rate limit exceeded").rateLimitHeaders(100, 0);
		handleErrors(this.cerebras, this.request);
		assertThat(output.getOut()).contains("A 429 status code was received; back off for PT1S\n")
			.contains("Bucket[limit=60000, remaining=0, resetAfter=");
	}

	@Test
	void otherApiError(CerebrasMockServer server, CapturedOutput output) {
		server.failWith(400, "Invalid temperature");
		handleErrors(this.cerebras, this.request);
		assertThat(output.getOut()).containsPattern("400 .*Invalid temperature.* request id req_\\w+\n");
	}

	private static void handleErrors(CerebrasTemplate cerebras, ChatCompletionRequest request) {
		// tag::handling-errors[]
		try {
			cerebras.chat().completions().create(request);
		}
		catch (CerebrasConnectionException ex) {
			System.out.println("The server could not be reached: " + ex.getCause());
		}
		catch (RateLimitException ex) {
			System.out.println("A 429 status code was received; back off for " + ex.retryAfter());
			System.out.println(ex.rateLimits().tokens(RateLimits.Window.MINUTE));
		}
		catch (CerebrasApiException ex) {
			System.out.println(ex.statusCode() + " " + ex.error() + " request id " + ex.requestId());
		}
		// end::handling-errors[]
	}

}
