package io.github.cerebras4j.readme;

import java.util.List;

import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.springai.CerebrasChatModel;
import io.github.cerebras4j.springai.CerebrasChatOptions;
import io.github.cerebras4j.test.CerebrasMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Spring AI example: {@code ChatClient} over {@link CerebrasChatModel}.
 */
@ExtendWith(EnvironmentMockServer.class)
class SpringAiTests {

	@Test
	void chatClient(CerebrasTemplate cerebras, CerebrasMockServer server) {
		server.reply("Fast inference keeps people in the flow.");
		// tag::spring-ai[]
		ChatModel chatModel = CerebrasChatModel.builder()     // a bean with the starter and Spring AI on the class path
				.cerebrasTemplate(cerebras)
				.defaultOptions(CerebrasChatOptions.builder().model("llama3.1-8b").build())
				.build();
		ChatClient chat = ChatClient.create(chatModel);

		String answer = chat.prompt().user("Why is fast inference important?").call().content();
		Flux<String> tokens = chat.prompt().user("Why is fast inference important?").stream().content();
		// end::spring-ai[]
		assertThat(answer).isEqualTo("Fast inference keeps people in the flow.");
		List<String> streamed = tokens.collectList().block();
		assertThat(String.join("", streamed)).isEqualTo("Fast inference keeps people in the flow.");
		assertThat(server.chatRequests()).hasSize(2);
		assertThat(server.lastChatRequest().model()).isEqualTo("llama3.1-8b");
	}

}
