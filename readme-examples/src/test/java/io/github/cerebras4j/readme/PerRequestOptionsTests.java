package io.github.cerebras4j.readme;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.test.CerebrasMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The README's per-request options example; a {@link WebClient} filter records the requests as sent, headers and
 * query included.
 */
@ExtendWith(EnvironmentMockServer.class)
class PerRequestOptionsTests {

	private final List<ClientRequest> sent = new CopyOnWriteArrayList<>();

	@Test
	void viewsWithOtherOptions(CerebrasMockServer server) {
		ChatCompletionRequest request = ChatCompletionRequest.builder().model("llama3.1-8b").user("Hi").build();
		String traceId = "trace-42";
		String rayId = "8f1e2d3c4b5a6978-SJC";
		String cfId = "amz-cf-id-1";
		try (CerebrasTemplate cerebras = CerebrasTemplate.builder()
			.webClientBuilder(WebClient.builder().filter((clientRequest, next) -> {
				this.sent.add(clientRequest);
				return next.exchange(clientRequest);
			}))
			.warmUp(false)
			.build()) {
			// tag::per-request-options[]
			cerebras.withOptions(o -> o.maxRetries(5).responseTimeout(Duration.ofSeconds(5)).header("X-Trace", traceId))
					.chat().completions().create(request);

			CerebrasTemplate untraced = cerebras.withOptions(o -> o.removeHeader("X-Cerebras-3rd-Party-Integration"));
			CerebrasTemplate debug = cerebras.withOptions(o -> o.query("debug", "1").extraBody("some_new_param", true));
			CerebrasTemplate headerParams = cerebras.withOptions(o -> o.cfRay(rayId).amzCfId(cfId).delayTime(1.5));
			// end::per-request-options[]
			assertThat(this.sent).singleElement()
				.satisfies((traced) -> assertThat(traced.headers().get("X-Trace")).containsExactly("trace-42"));

			untraced.chat().completions().create(request);
			assertThat(this.sent.get(1).headers().containsHeader("X-Cerebras-3rd-Party-Integration")).isFalse();
			assertThat(this.sent.get(1).headers().containsHeader("X-Trace")).isFalse();

			debug.chat().completions().create(request);
			assertThat(this.sent.get(2).url().getQuery()).isEqualTo("debug=1");
			assertThat(server.lastChatRequest().extraBody()).containsExactly(entry("some_new_param", true));

			cerebras.chat().completions().create(request);
			assertThat(this.sent.get(3).headers().getFirst("X-Cerebras-3rd-Party-Integration")).isEqualTo("cerebras4j");
			assertThat(this.sent.get(3).url().getQuery()).isNull();
			assertThat(this.sent.get(3).headers().containsHeader("CF-RAY")).isFalse();

			headerParams.chat().completions().create(request);
			assertThat(this.sent.get(4).headers().toSingleValueMap()).containsEntry("CF-RAY", rayId)
				.containsEntry("X-Amz-Cf-Id", cfId)
				.containsEntry("X-delay-time", "1.5");
		}
	}

}
