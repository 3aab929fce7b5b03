package io.github.cerebras4j.standalone;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import io.github.cerebras4j.client.CerebrasStream;
import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.client.ReactiveCerebrasTemplate;
import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.chat.FunctionTool;
import io.github.cerebras4j.client.chat.StructuredCompletion;
import io.github.cerebras4j.client.chat.ToolRunResult;
import io.github.cerebras4j.test.CerebrasMockServer;
import io.github.cerebras4j.test.CerebrasMockServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CerebrasMockServer}, started by {@link CerebrasMockServerExtension}, in a plain JUnit test: no Spring Boot
 * and no spring-test on the class path, only {@code cerebras-spring-boot-test} and {@code cerebras-client}.
 */
@ExtendWith(CerebrasMockServerExtension.class)
class PlainJUnitMockServerTests {

	private static final ChatCompletionRequest REQUEST = ChatCompletionRequest.builder()
		.model("llama3.1-8b")
		.user("Capital of France?")
		.build();

	@Test
	void chatCompletionFromTheMockServer(CerebrasMockServer server) {
		server.reply("Paris.");
		try (CerebrasTemplate cerebras = CerebrasTemplate.builder()
			.baseUrl(server.baseUrl())
			.apiKey(CerebrasMockServer.TEST_API_KEY)
			.environment((name) -> null)
			.build()) {
			assertThat(cerebras.chat().completions().create(REQUEST).content()).isEqualTo("Paris.");
		}
		assertThat(server.lastChatRequest().messages()).hasSize(1);
		assertThat(server.lastChatRequest().model()).isEqualTo("llama3.1-8b");
	}

	record Capital(String city, String country, List<String> landmarks) {
	}

	record CountryQuery(String country) {
	}

	@Test
	void structuredOutputsAndToolRunsNeedNothingButTheClient(CerebrasMockServer server) {
		FunctionTool<CountryQuery> capitalOf = FunctionTool.of("capital_of", "The capital of a country",
				CountryQuery.class, (query) -> "Paris");
		try (CerebrasTemplate cerebras = CerebrasTemplate.builder()
			.baseUrl(server.baseUrl())
			.apiKey(CerebrasMockServer.TEST_API_KEY)
			.environment((name) -> null)
			.warmUp(false)
			.build()) {
			// the schema generator (victools on Jackson 3) comes with the client alone
			StructuredCompletion<Capital> capital = cerebras.chat().completions().create(REQUEST, Capital.class);
			assertThat(capital.value().landmarks()).isNotNull();
			assertThat(server.lastChatRequest().responseFormat()).isNotNull();

			server.toolCall("capital_of", "{\"country\":\"France\"}");
			ToolRunResult run = cerebras.chat().completions().runTools(REQUEST, List.of(capitalOf));
			assertThat(run.toolRounds()).isEqualTo(1);
		}
	}

	@Test
	void streamsFromTheMockServer(CerebrasMockServer server) {
		server.reply("Paris is the capital of France.");
		try (CerebrasTemplate cerebras = CerebrasTemplate.builder()
			.baseUrl(server.baseUrl())
			.apiKey(CerebrasMockServer.TEST_API_KEY)
			.environment((name) -> null)
			.warmUp(false)
			.build();
				CerebrasStream<ChatCompletionChunk> stream = cerebras.chat().completions().stream(REQUEST)) {
			StringBuilder text = new StringBuilder();
			stream.forEach((chunk) -> text.append(chunk.content()));

			assertThat(text).hasToString("Paris is the capital of France.");
		}
	}

	@Test
	void reactiveStreamAndModelsFromTheMockServer(CerebrasMockServer server) {
		server.reply("Paris.").models("llama3.1-8b", "qwen-3-32b");
		try (ReactiveCerebrasTemplate cerebras = ReactiveCerebrasTemplate.builder()
			.baseUrl(server.baseUrl())
			.apiKey(CerebrasMockServer.TEST_API_KEY)
			.environment((name) -> null)
			.warmUp(false)
			.build()) {
			List<ChatCompletionChunk> chunks = cerebras.chat().completions().stream(REQUEST)
				.collectList()
				.block(Duration.ofSeconds(30));

			assertThat(chunks.stream().map(ChatCompletionChunk::content).collect(Collectors.joining())).isEqualTo("Paris.");
			assertThat(chunks).extracting(ChatCompletionChunk::finishReason).contains("stop");
			assertThat(cerebras.models().list().block(Duration.ofSeconds(30)).data()).extracting("id")
				.containsExactly("llama3.1-8b", "qwen-3-32b");
		}
	}

}
