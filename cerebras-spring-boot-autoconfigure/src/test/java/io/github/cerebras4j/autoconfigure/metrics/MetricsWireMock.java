package io.github.cerebras4j.autoconfigure.metrics;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.cerebras4j.client.CerebrasClientBuilder;
import io.github.cerebras4j.client.ReactiveCerebrasTemplate;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.micrometer.observation.ObservationRegistry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

/**
 * A WireMock server on 127.0.0.1 and a random port, a template observed by a given registry, and Cerebras payloads
 * in their wire shape.
 */
final class MetricsWireMock {

	static final String API_KEY = "csk-metrics-5e1b7c9a3d2f8e6b4a0c";

	static final String CHAT = "/v1/chat/completions";

	static final ChatCompletionRequest REQUEST = ChatCompletionRequest.builder().model("llama3.1-8b").user("Hi").build();

	private MetricsWireMock() {
	}

	static WireMockExtension server() {
		return WireMockExtension.newInstance()
			.options(WireMockConfiguration.wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
			.build();
	}

	/** A reactive template on the server, observed by the registry, without retries or warm-up. */
	static CerebrasClientBuilder<ReactiveCerebrasTemplate> reactive(WireMockExtension server,
			ObservationRegistry observations) {
		return ReactiveCerebrasTemplate.builder()
			.apiKey(API_KEY)
			.baseUrl(server.baseUrl())
			.environment(name -> null)
			.maxRetries(0)
			.warmUp(false)
			.observationRegistry(observations);
	}

	/** Answers the requests with the responses in turn; the last one answers every later request too. */
	static void answerInTurn(WireMockExtension server, Supplier<MappingBuilder> request,
			ResponseDefinitionBuilder... responses) {
		for (int i = 0; i < responses.length; i++) {
			ScenarioMappingBuilder step = request.get()
				.inScenario("in turn")
				.whenScenarioStateIs((i == 0) ? Scenario.STARTED : "answer " + i);
			if (i < responses.length - 1) {
				step = step.willSetStateTo("answer " + (i + 1));
			}
			server.stubFor(step.willReturn(responses[i]));
		}
	}

	static void answerChatInTurn(WireMockExtension server, ResponseDefinitionBuilder... responses) {
		answerInTurn(server, () -> post(CHAT), responses);
	}

	static ResponseDefinitionBuilder eventStream(String body) {
		return aResponse().withHeader("Content-Type", "text/event-stream").withBody(body);
	}

	static String chatCompletion() {
		return """
				{"id":"chatcmpl-4c7e1c4f","object":"chat.completion","created":1769729480,"model":"llama3.1-8b",
				 "system_fingerprint":"fp_70185065a4",
				 "choices":[{"index":0,"finish_reason":"stop",
				   "message":{"role":"assistant","content":"Fast inference makes AI feel instant."}}],
				 "usage":{"prompt_tokens":15,"completion_tokens":9,"total_tokens":24},
				 "time_info":{"queue_time":0.000193,"prompt_time":0.000873,"completion_time":0.00431,
				   "total_time":0.00693,"created":1769729480.0787008}}
				""";
	}

	/**
	 * A chat stream in the shape observed on the wire: a role-only chunk, content chunks, an empty delta, a final
	 * chunk with finish_reason, usage (12 prompt tokens, one completion token per word) and time_info, then
	 * {@code [DONE]}.
	 */
	static String chatStream(List<String> tokens) {
		String head = "{\"id\":\"chatcmpl-9b1\",\"object\":\"chat.completion.chunk\",\"created\":1769729480,"
				+ "\"model\":\"llama3.1-8b\",";
		StringBuilder body = new StringBuilder();
		body.append("data: ").append(head).append("\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"}}]}\n\n");
		for (String token : tokens) {
			body.append("data: ")
				.append(head)
				.append("\"choices\":[{\"index\":0,\"delta\":{\"content\":\"")
				.append(token)
				.append("\"}}]}\n\n");
		}
		body.append("data: ").append(head).append("\"choices\":[{\"index\":0,\"delta\":{}}]}\n\n");
		body.append("data: ")
			.append(head)
			.append("\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],")
			.append("\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":")
			.append(tokens.size())
			.append(",\"total_tokens\":")
			.append(12 + tokens.size())
			.append("},")
			.append("\"time_info\":{\"queue_time\":0.0002,\"prompt_time\":0.001,\"completion_time\":0.004,")
			.append("\"total_time\":0.006,\"created\":1769729480.0787008}}\n\n");
		body.append("data: [DONE]\n\n");
		return body.toString();
	}

	static List<String> words(int count) {
		return IntStream.range(0, count).mapToObj(i -> "w" + i + " ").collect(Collectors.toList());
	}

}
