package io.github.cerebras4j.readme;

import io.github.cerebras4j.client.CerebrasStream;
import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.client.ReactiveCerebrasTemplate;
import io.github.cerebras4j.client.chat.ChatCompletion;
import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.core.RateLimits;
import io.github.cerebras4j.client.core.RawResponse;
import io.github.cerebras4j.client.core.ResponseMetadata;
import io.github.cerebras4j.client.models.ModelList;
import io.github.cerebras4j.test.CerebrasMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's raw response examples.
 */
@ExtendWith({ EnvironmentMockServer.class, OutputCaptureExtension.class })
class RawResponseTests {

	private static final String REPLY = "Headers first, then tokens.";

	private final ChatCompletionRequest request = ChatCompletionRequest.builder()
		.model("llama3.1-8b")
		.user("Hi")
		.build();

	@Test
	void rawResponse(CerebrasTemplate cerebras, CerebrasMockServer server) {
		server.reply(REPLY).rateLimitHeaders(100, 5000);
		ChatCompletionRequest request = this.request;
		// tag::raw-response[]
		RawResponse<ChatCompletion> raw = cerebras.chat().completions().withRawResponse().create(request);
		ChatCompletion completion = raw.getBody();
		String requestId = raw.getHeaders().getFirst("x-request-id");
		RateLimits.Bucket tokens = raw.rateLimits().tokens(RateLimits.Window.MINUTE);   // limit, remaining, resetAfter
		int retries = raw.retriesTaken();

		RawResponse<ModelList> models = cerebras.models().withRawResponse().list();
		// end::raw-response[]
		assertThat(raw.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(completion.content()).isEqualTo(REPLY);
		assertThat(requestId).startsWith("req_");
		assertThat(tokens.limit()).isEqualTo(60_000);
		assertThat(tokens.remaining()).isEqualTo(5000);
		assertThat(retries).isZero();
		assertThat(models.getBody().data()).isNotEmpty();
	}

	@Test
	void rawStreams(CerebrasTemplate cerebras, ReactiveCerebrasTemplate reactive, CerebrasMockServer server,
			CapturedOutput output) {
		server.reply(REPLY);
		ChatCompletionRequest request = this.request;
		// tag::raw-stream[]
		try (CerebrasStream<ChatCompletionChunk> stream = cerebras.chat().completions().withRawResponse().stream(request)) {
			ResponseMetadata response = stream.response();      // waits for the headers, not for the chunks
			System.out.println(response.rateLimits());
			stream.forEach(chunk -> System.out.print(chunk.content()));
		}

		Flux<ChatCompletionChunk> chunks = reactive.chat().completions().withRawResponse().stream(request)   // Mono<StreamResponse<..>>
				.flatMapMany(response -> response.chunks());     // response.metadata(): status, headers, rate limits
		// end::raw-stream[]
		assertThat(output.getOut()).contains("RateLimits[requests=", "\n" + REPLY);
		assertThat(chunks.map(ChatCompletionChunk::content).reduce(String::concat).block()).isEqualTo(REPLY);
	}

}
