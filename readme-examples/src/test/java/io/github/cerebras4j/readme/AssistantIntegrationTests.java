package io.github.cerebras4j.readme;

import io.github.cerebras4j.client.chat.ChatMessage;
import io.github.cerebras4j.test.AutoConfigureCerebrasMockServer;
import io.github.cerebras4j.test.CerebrasMockServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Spring Boot test: {@link AutoConfigureCerebrasMockServer} points the auto-configured template at a
 * {@link CerebrasMockServer}.
 */
// tag::spring-boot-test[]
@SpringBootTest
@AutoConfigureCerebrasMockServer
class AssistantIntegrationTests {

	@Autowired
	CerebrasMockServer cerebras;

	@Autowired
	Assistant assistant;   // your code, which uses the auto-configured CerebrasTemplate

	@Test
	void answersWithTheModelsReply() {
		cerebras.reply("Paris.");

		assertThat(assistant.answer("Capital of France?")).isEqualTo("Paris.");
		assertThat(cerebras.lastChatRequest().messages()).containsExactly(ChatMessage.user("Capital of France?"));
		assertThat(cerebras.lastChatRequest().model()).isEqualTo("llama3.1-8b");
	}
}
// end::spring-boot-test[]
