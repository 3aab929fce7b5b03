package io.github.cerebras4j.readme;

import io.github.cerebras4j.client.CerebrasStream;
import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.error.RateLimitException;
import io.github.cerebras4j.test.AutoConfigureCerebrasMockServer;
import io.github.cerebras4j.test.CerebrasMockServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The README's example of scripting {@link CerebrasMockServer} in a Spring Boot test.
 */
@SpringBootTest
@AutoConfigureCerebrasMockServer
class ScriptingTests {

	@Test
	void streamThatFailsAfterThreeChunks(@Autowired CerebrasMockServer cerebras, @Autowired CerebrasTemplate template) {
		ChatCompletionRequest request = ChatCompletionRequest.builder().model("llama3.1-8b").user("Count").build();
		// tag::fail-in-stream[]
		cerebras.reply("one two three four five six").failInStream(429, "Queue is full", 3);

		try (CerebrasStream<ChatCompletionChunk> stream = template.chat().completions().stream(request)) {
			assertThatThrownBy(() -> stream.forEach(chunk -> { })).isInstanceOf(RateLimitException.class);
		}
		// end::fail-in-stream[]
		assertThat(cerebras.chatRequests()).as("not retried after its first chunk").hasSize(1);
	}

}
