package io.github.cerebras4j.readme;

import io.github.cerebras4j.client.CerebrasStream;
import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.client.ReactiveCerebrasTemplate;
import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.test.CerebrasMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's streaming examples, blocking and reactive.
 */
@ExtendWith({ EnvironmentMockServer.class, OutputCaptureExtension.class })
class StreamingTests {

	private static final String REPLY = "Tokens arrive as the model writes them.";

	private final ChatCompletionRequest request = ChatCompletionRequest.builder()
		.model("llama3.1-8b")
		.user("How do tokens arrive?")
		.build();

	@Test
	void blockingStream(CerebrasTemplate cerebras, CerebrasMockServer server, CapturedOutput output) {
		server.reply(REPLY);
		ChatCompletionRequest request = this.request;
		// tag::stream[]
		try (CerebrasStream<ChatCompletionChunk> stream = cerebras.chat().completions().stream(request)) {
			for (ChatCompletionChunk chunk : stream) {
				System.out.print(chunk.content());          // "" for chunks without text, never null
			}
		}
		// end::stream[]
		assertThat(output.getOut()).contains(REPLY);
	}

	@Test
	void reactiveStream(ReactiveCerebrasTemplate cerebras, CerebrasMockServer server, CapturedOutput output) {
		server.reply(REPLY);
		ChatCompletionRequest request = this.request;
		// tag::reactive-stream[]
		cerebras.chat().completions().stream(request)
				.doOnNext(chunk -> System.out.print(chunk.content()))
				.blockLast();                                 // or subscribe; cancelling closes the exchange
		// end::reactive-stream[]
		assertThat(output.getOut()).contains(REPLY);
	}

}
