package io.github.cerebras4j.readme;

import java.util.ArrayList;
import java.util.List;

import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.chat.ChatMessage;
import io.github.cerebras4j.client.chat.FunctionTool;
import io.github.cerebras4j.client.chat.ToolMessage;
import io.github.cerebras4j.client.chat.ToolRunResult;
import io.github.cerebras4j.test.CerebrasMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's tool run example.
 */
@ExtendWith({ EnvironmentMockServer.class, OutputCaptureExtension.class })
class ToolRunTests {

	private final List<String> cities = new ArrayList<>();

	@Test
	void toolRun(CerebrasTemplate cerebras, CerebrasMockServer server, CapturedOutput output) {
		server.toolCall("get_weather", "{\"city\":\"Paris\"}").reply("Sunny, 21 degrees in Paris.");
		// tag::tool-run[]
		record CityRequest(String city) {
		}

		FunctionTool<CityRequest> weather = FunctionTool.of("get_weather", "Current weather of a city",
				CityRequest.class, (request) -> weatherIn(request.city()));

		ToolRunResult result = cerebras.chat().completions().runTools(
				ChatCompletionRequest.builder()
						.model("gpt-oss-120b")
						.user("What is the weather in Paris?")
						.build(),
				List.of(weather));

		System.out.println(result.content());      // the answer, once the model has the tool's result
		System.out.println(result.toolRounds());   // 1: one reply called tools, which were run
		// end::tool-run[]
		assertThat(this.cities).containsExactly("Paris");
		assertThat(output.getOut()).contains("Sunny, 21 degrees in Paris.\n");
		assertThat(result.toolRounds()).isEqualTo(1);
		assertThat(server.lastChatRequest().messages()).hasSize(3);
		ToolMessage sent = (ToolMessage) server.lastChatRequest().messages().get(2);
		assertThat(sent).isEqualTo(ChatMessage.tool(sent.toolCallId(), "{\"temperature\":21}"));
	}

	private Weather weatherIn(String city) {
		this.cities.add(city);
		return new Weather(21);
	}

	record Weather(int temperature) {
	}

}
