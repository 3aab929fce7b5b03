package io.github.cerebras4j.readme;

import io.github.cerebras4j.client.ReactiveCerebrasTemplate;
import io.github.cerebras4j.client.chat.ChatCompletion;
import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.models.ModelList;
import io.github.cerebras4j.test.CerebrasMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's reactive usage example: nothing is sent before subscription.
 */
@ExtendWith(EnvironmentMockServer.class)
class ReactiveUsageTests {

	@Test
	void monoAndFlux(CerebrasMockServer server) {
		server.reply("Because waiting is expensive.");
		ChatCompletionRequest request = ChatCompletionRequest.builder().model("llama3.1-8b").user("Why?").build();
		// tag::reactive[]
		ReactiveCerebrasTemplate cerebras = ReactiveCerebrasTemplate.builder().build();

		Mono<ChatCompletion> completion = cerebras.chat().completions().create(request);
		Flux<ChatCompletionChunk> chunks = cerebras.chat().completions().stream(request);
		Mono<ModelList> models = cerebras.models().list();
		// end::reactive[]
		try (cerebras) {
			assertThat(server.chatRequests()).as("sent on subscription").isEmpty();
			assertThat(completion.block().content()).isEqualTo("Because waiting is expensive.");
			assertThat(chunks.map(ChatCompletionChunk::content).reduce(String::concat).block())
				.isEqualTo("Because waiting is expensive.");
			assertThat(models.block().data()).isNotEmpty();
		}
	}

}
