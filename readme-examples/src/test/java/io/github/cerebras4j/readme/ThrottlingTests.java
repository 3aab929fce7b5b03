package io.github.cerebras4j.readme;

import java.time.Duration;
import java.util.List;

import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.error.RateLimitException;
import io.github.cerebras4j.client.throttle.ThrottleSettings;
import io.github.cerebras4j.test.CerebrasMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's throttling example: the server's headers leave no token this minute, so that the second call, which
 * reserves more, is not sent.
 */
@ExtendWith({ EnvironmentMockServer.class, OutputCaptureExtension.class })
class ThrottlingTests {

	@Test
	void failFast(CerebrasMockServer server, CapturedOutput output) {
		server.reply("Hello").rateLimitHeaders(100, 0);
		ChatCompletionRequest request = ChatCompletionRequest.builder().model("llama3.1-8b").user("Hi").build();
		List<ChatCompletionRequest> requests = List.of(request, request, request);
		// tag::throttle[]
		CerebrasTemplate cerebras = CerebrasTemplate.builder()
				.throttle(ThrottleSettings.local().withMaxWait(Duration.ZERO))   // fail fast: never wait for a budget
				.build();
		for (ChatCompletionRequest next : requests) {
			try {
				cerebras.chat().completions().create(next);
			}
			catch (RateLimitException ex) {
				if (!ex.isThrottled()) {
					throw ex;                                  // the server's own 429, after the retries
				}
				System.out.println("Not sent; the budget resets in " + ex.retryAfter());
				break;
			}
		}
		// end::throttle[]
		cerebras.close();
		assertThat(server.chatRequests()).hasSize(1);
		assertThat(output.getOut()).contains("Not sent; the budget resets in PT");
	}

}
