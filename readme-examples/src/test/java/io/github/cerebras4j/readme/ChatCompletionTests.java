package io.github.cerebras4j.readme;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.client.chat.AssistantMessage;
import io.github.cerebras4j.client.chat.ChatCompletion;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.chat.ChatMessage;
import io.github.cerebras4j.client.chat.Tool;
import io.github.cerebras4j.client.chat.ToolCall;
import io.github.cerebras4j.client.chat.ToolChoice;
import io.github.cerebras4j.client.chat.ToolMessage;
import io.github.cerebras4j.test.CerebrasMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's chat completion and tool calling examples.
 */
@ExtendWith({ EnvironmentMockServer.class, OutputCaptureExtension.class })
class ChatCompletionTests {

	private final List<String> functionCalls = new ArrayList<>();

	@Test
	void chatCompletion(CerebrasTemplate cerebras, CerebrasMockServer server, CapturedOutput output) {
		server.reply("Fast inference keeps people in the flow.");
		// tag::chat-completion[]
		ChatCompletion completion = cerebras.chat().completions().create(
				ChatCompletionRequest.builder()
						.model("llama3.1-8b")
						.user("Why is fast inference important?")
						.build());

		System.out.println(completion.content());      // the first choice's text
		System.out.println(completion.usage());         // prompt, completion and total tokens
		System.out.println(completion.timeInfo());      // the server's queue, prompt and completion time
		// end::chat-completion[]
		assertThat(output.getOut()).contains("Fast inference keeps people in the flow.\n")
			.contains(completion.usage().toString())
			.contains(completion.timeInfo().toString());
		assertThat(completion.usage().totalTokens()).isPositive();
		assertThat(server.lastChatRequest().messages())
			.containsExactly(ChatMessage.user("Why is fast inference important?"));
	}

	@Test
	void toolCalling(CerebrasTemplate cerebras, CerebrasMockServer server) {
		server.toolCall("get_weather", "{\"city\":\"Paris\"}").reply("Sunny, 21 degrees.");
		// tag::tool-calling[]
		ChatCompletionRequest request = ChatCompletionRequest.builder()
				.model("gpt-oss-120b")
				.user("What is the weather in Paris?")
				.addTool(Tool.function("get_weather", "Current weather of a city",
						Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string")))))
				.toolChoice(ToolChoice.AUTO)
				.build();
		ChatCompletion reply = cerebras.chat().completions().create(request);
		ChatCompletionRequest.Builder next = request.toBuilder().message(AssistantMessage.ofToolCalls(reply.toolCalls()));
		for (ToolCall call : reply.toolCalls()) {
			next.tool(call.id(), callMyFunction(call.function().name(), call.function().arguments()));
		}
		ChatCompletion answer = cerebras.chat().completions().create(next.build());
		// end::tool-calling[]
		assertThat(this.functionCalls).containsExactly("get_weather {\"city\":\"Paris\"}");
		assertThat(answer.content()).isEqualTo("Sunny, 21 degrees.");
		assertThat(server.lastChatRequest().messages()).hasSize(3)
			.last()
			.isEqualTo(ChatMessage.tool(reply.toolCalls().get(0).id(), "{\"temperature\": 21}"))
			.isInstanceOf(ToolMessage.class);
	}

	private String callMyFunction(String name, String arguments) {
		this.functionCalls.add(name + " " + arguments);
		return "{\"temperature\": 21}";
	}

}
