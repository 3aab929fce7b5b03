package io.github.cerebras4j.sample;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A scripted Cerebras API on 127.0.0.1 for the sample's tests: WireMock answering chat completions (JSON or a paced
 * SSE stream), {@code /v1/models} and {@code /v1/tcp_warming} (warm-up and health).
 */
final class CerebrasStandIn {

	static final String CHAT = "/v1/chat/completions";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final WireMockServer server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());

	CerebrasStandIn() {
		this.server.start();
		reset();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

	void stop() {
		this.server.stop();
	}

	/**
	 * Forgets the script and the requests received; answers warm-up, health and models again.
	 */
	void reset() {
		this.server.resetAll();
		this.server.stubFor(get("/v1/tcp_warming").willReturn(aResponse().withStatus(200)));
		this.server.stubFor(get(urlEqualTo("/v1/models")).willReturn(okJson("""
				{"object": "list", "data": [
				  {"id": "llama3.1-8b", "object": "model", "owned_by": "Meta"},
				  {"id": "gpt-oss-120b", "object": "model", "owned_by": "OpenAI"}]}
				""")));
	}

	/**
	 * Answers the next chat completions with this reply, as JSON.
	 */
	void reply(String content) {
		chatAnswers(okJson(write(Map.of("id", "chatcmpl-1", "object", "chat.completion", "model", "llama3.1-8b",
				"choices", List.of(Map.of("index", 0, "message", Map.of("role", "assistant", "content", content),
						"finish_reason", "stop")),
				"usage", usage(12, 7), "time_info", timeInfo()))));
	}

	/**
	 * Streams the next chat completions token by token, spread evenly over the given time.
	 */
	void stream(List<String> tokens, Duration over) {
		chatAnswers(aResponse().withHeader("Content-Type", "text/event-stream")
			.withBody(events(tokens) + chunk(Map.of("choices", List.of(Map.of("index", 0, "delta", Map.of(),
					"finish_reason", "stop")), "usage", usage(12, tokens.size()), "time_info", timeInfo()))
					+ "data: [DONE]\n\n")
			.withChunkedDribbleDelay(tokens.size(), (int) over.toMillis()));
	}

	/**
	 * Streams these tokens, then an in-stream error chunk with this status.
	 */
	void streamThenFail(List<String> tokens, int status) {
		chatAnswers(aResponse().withHeader("Content-Type", "text/event-stream")
			.withBody(events(tokens) + "data: " + write(Map.of("status_code", status, "error",
					Map.of("message", "The model crashed", "type", "server_error"))) + "\n\n"));
	}

	void chatAnswers(ResponseDefinitionBuilder response) {
		this.server.stubFor(post(CHAT).willReturn(response));
	}

	int chatRequestCount() {
		return this.server.findAll(postRequestedFor(urlEqualTo(CHAT))).size();
	}

	JsonNode lastChatRequest() {
		List<LoggedRequest> requests = this.server.findAll(postRequestedFor(urlEqualTo(CHAT)));
		return json.readTree(requests.get(requests.size() - 1).getBodyAsString());
	}

	private static String events(List<String> tokens) {
		StringBuilder events = new StringBuilder(chunk(Map.of("choices",
				List.of(Map.of("index", 0, "delta", Map.of("role", "assistant"))))));
		for (String token : tokens) {
			events.append(chunk(Map.of("choices", List.of(Map.of("index", 0, "delta", Map.of("content", token))))));
		}
		return events.toString();
	}

	private static String chunk(Map<String, Object> fields) {
		Map<String, Object> chunk = new LinkedHashMap<>(
				Map.of("id", "chatcmpl-1", "object", "chat.completion.chunk", "model", "llama3.1-8b"));
		chunk.putAll(fields);
		return "data: " + write(chunk) + "\n\n";
	}

	private static Map<String, Object> usage(int prompt, int completion) {
		return Map.of("prompt_tokens", prompt, "completion_tokens", completion, "total_tokens", prompt + completion);
	}

	private static Map<String, Object> timeInfo() {
		return Map.of("queue_time", 0.0002, "prompt_time", 0.003, "completion_time", 0.01, "total_time", 0.014);
	}

	private static String write(Object value) {
		return json.writeValueAsString(value);
	}

}
