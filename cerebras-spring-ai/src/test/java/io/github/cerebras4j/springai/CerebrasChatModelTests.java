package io.github.cerebras4j.springai;

import java.net.URI;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.client.chat.ReasoningEffort;
import io.github.cerebras4j.client.chat.ServiceTier;
import io.github.cerebras4j.client.core.TimeInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.MessageChatMemoryAdvisor;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.memory.InMemoryChatMemoryRepository;
import org.springframework.ai.chat.memory.MessageWindowChatMemory;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.content.Media;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.util.MimeTypeUtils;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CerebrasChatModel} against WireMock on 127.0.0.1: what it sends, what it maps back, and Spring AI's
 * {@link ChatClient} on top of it (content, stream, tools over two rounds, structured output, chat memory).
 */
class CerebrasChatModelTests {

	private static final WireMockServer server = new WireMockServer(
			wireMockConfig().bindAddress("127.0.0.1").dynamicPort());

	private static final JsonMapper json = JsonMapper.builder().build();

	private CerebrasTemplate template;

	private CerebrasChatModel model;

	@BeforeAll
	static void start() {
		server.start();
	}

	@AfterAll
	static void stop() {
		server.stop();
	}

	@BeforeEach
	void model() {
		server.resetAll();
		server.stubFor(get("/v1/tcp_warming").willReturn(aResponse().withStatus(200)));
		this.template = CerebrasTemplate.builder()
			.apiKey("csk-test")
			.baseUrl(server.baseUrl())
			.warmUp(false)
			.maxRetries(0)
			.build();
		this.model = CerebrasChatModel.builder()
			.cerebrasTemplate(this.template)
			.defaultOptions(CerebrasChatOptions.builder().model("llama3.1-8b").temperature(0.2).build())
			.build();
	}

	@AfterEach
	void close() {
		this.template.close();
	}

	static String completion(String content) {
		return completion("\"content\":" + quote(content), "stop");
	}

	static String completion(String messageFields, String finishReason) {
		return """
				{"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"llama3.1-8b",
				 "choices":[{"index":0,"message":{"role":"assistant",%s},"finish_reason":"%s"}],
				 "usage":{"prompt_tokens":11,"completion_tokens":7,"total_tokens":18},
				 "time_info":{"queue_time":0.001,"prompt_time":0.002,"completion_time":0.003,"total_time":0.006,"created":1.5}}
				""".formatted(messageFields, finishReason);
	}

	static String quote(String text) {
		return json.writeValueAsString(text);
	}

	static void answer(String body) {
		server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withHeader("Content-Type", "application/json")
			.withHeader("x-ratelimit-limit-tokens-minute", "60000")
			.withHeader("x-ratelimit-remaining-tokens-minute", "59982")
			.withHeader("x-ratelimit-reset-tokens-minute", "12.5")
			.withHeader("x-ratelimit-limit-requests-day", "14400")
			.withHeader("x-ratelimit-remaining-requests-day", "14399")
			.withBody(body)));
	}

	static String sse(String... chunks) {
		StringBuilder body = new StringBuilder();
		for (String chunk : chunks) {
			body.append("data: ").append(chunk).append("\n\n");
		}
		return body.append("data: [DONE]\n\n").toString();
	}

	static String chunk(String delta, String finishReason) {
		return "{\"id\":\"chatcmpl-2\",\"object\":\"chat.completion.chunk\",\"model\":\"llama3.1-8b\",\"choices\":[{\"index\":0,\"delta\":"
				+ delta + ",\"finish_reason\":" + ((finishReason != null) ? "\"" + finishReason + "\"" : "null") + "}]"
				+ ((finishReason != null)
						? ",\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":3,\"total_tokens\":8},\"time_info\":{\"total_time\":0.01}"
						: "")
				+ "}";
	}

	static void stream(String... chunks) {
		server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
			.withHeader("x-ratelimit-remaining-tokens-minute", "59000")
			.withBody(sse(chunks))));
	}

	static List<JsonNode> requests() {
		return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
				com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/v1/chat/completions")))
			.stream()
			.map(LoggedRequest::getBodyAsString)
			.map(json::readTree)
			.toList();
	}

	@Test
	void sendsMessagesAndOptionsAndMapsTheResponse() {
		answer(completion("\"content\":\"Paris.\",\"reasoning\":\"The capital of France.\"", "stop"));
		Prompt prompt = Prompt.builder()
			.messages(new SystemMessage("Be brief."), new UserMessage("Capital of France?"),
					AssistantMessage.builder()
						.content("")
						.toolCalls(List.of(new AssistantMessage.ToolCall("call_1", "function", "lookup", "{\"q\":\"x\"}")))
						.build(),
					ToolResponseMessage.builder()
						.responses(List.of(new ToolResponseMessage.ToolResponse("call_1", "lookup", "Paris")))
						.build())
			.chatOptions(CerebrasChatOptions.builder()
				.model("gpt-oss-120b")
				.temperature(0.5)
				.topP(0.9)
				.maxTokens(100)
				.stopSequences(List.of("END", "STOP"))
				.frequencyPenalty(0.1)
				.presencePenalty(0.2)
				.seed(42L)
				.reasoningEffort(ReasoningEffort.LOW)
				.serviceTier(ServiceTier.AUTO)
				.parallelToolCalls(false)
				.extraBody("clear_thinking", true)
				.build())
			.build();

		ChatResponse response = this.model.call(prompt);

		JsonNode sent = requests().get(0);
		assertThat(sent.path("model").asString()).isEqualTo("gpt-oss-120b");
		assertThat(sent.path("temperature").asDouble()).isEqualTo(0.5);
		assertThat(sent.path("top_p").asDouble()).isEqualTo(0.9);
		assertThat(sent.path("max_completion_tokens").asInt()).isEqualTo(100);
		assertThat(sent.path("stop").toString()).isEqualTo("[\"END\",\"STOP\"]");
		assertThat(sent.path("frequency_penalty").asDouble()).isEqualTo(0.1);
		assertThat(sent.path("presence_penalty").asDouble()).isEqualTo(0.2);
		assertThat(sent.path("seed").asLong()).isEqualTo(42L);
		assertThat(sent.path("reasoning_effort").asString()).isEqualTo("low");
		assertThat(sent.path("service_tier").asString()).isEqualTo("auto");
		assertThat(sent.path("parallel_tool_calls").asBoolean()).isFalse();
		assertThat(sent.path("clear_thinking").asBoolean()).isTrue();
		assertThat(sent.has("stream")).isFalse();
		assertThat(sent.has("tools")).isFalse();
		assertThat(sent.path("messages").toString()).isEqualTo("""
				[{"role":"system","content":"Be brief."},{"role":"user","content":"Capital of France?"},\
				{"role":"assistant","tool_calls":[{"id":"call_1","type":"function","function":{"name":"lookup","arguments":"{\\"q\\":\\"x\\"}"}}]},\
				{"role":"tool","tool_call_id":"call_1","content":"Paris"}]""");

		assertThat(response.getResult().getOutput().getText()).isEqualTo("Paris.");
		assertThat(response.getResult().getOutput().getMetadata())
			.containsEntry(CerebrasChatModel.REASONING_CONTENT, "The capital of France.");
		assertThat(response.getResult().getMetadata().getFinishReason()).isEqualTo("STOP");
		assertThat(response.getMetadata().getId()).isEqualTo("chatcmpl-1");
		assertThat(response.getMetadata().getModel()).isEqualTo("llama3.1-8b");
		assertThat(response.getMetadata().getUsage().getPromptTokens()).isEqualTo(11);
		assertThat(response.getMetadata().getUsage().getCompletionTokens()).isEqualTo(7);
		assertThat(response.getMetadata().getUsage().getTotalTokens()).isEqualTo(18);
		TimeInfo timeInfo = response.getMetadata().get(CerebrasChatModel.TIME_INFO);
		assertThat(timeInfo.totalTime()).isEqualTo(0.006);
		assertThat(response.getMetadata().getRateLimit().getTokensLimit()).isEqualTo(60000L);
		assertThat(response.getMetadata().getRateLimit().getTokensRemaining()).isEqualTo(59982L);
		assertThat(response.getMetadata().getRateLimit().getTokensReset()).hasMillis(12500);
		assertThat(response.getMetadata().getRateLimit().getRequestsRemaining()).isEqualTo(14399L);
	}

	@Test
	void aPromptWithoutOptionsUsesTheDefaultOptions() {
		answer(completion("Hi."));

		assertThat(this.model.call("Hello")).isEqualTo("Hi.");

		JsonNode sent = requests().get(0);
		assertThat(sent.path("model").asString()).isEqualTo("llama3.1-8b");
		assertThat(sent.path("temperature").asDouble()).isEqualTo(0.2);
	}

	@Test
	void chatClientCallsAndStreams() {
		answer(completion("Fast inference matters."));
		ChatClient chat = ChatClient.create(this.model);

		assertThat(chat.prompt().user("Why is fast inference important?").call().content())
			.isEqualTo("Fast inference matters.");
		assertThat(requests().get(0).path("messages").toString())
			.isEqualTo("[{\"role\":\"user\",\"content\":\"Why is fast inference important?\"}]");

		server.resetRequests();
		stream(chunk("{\"role\":\"assistant\"}", null), chunk("{\"content\":\"Fast \"}", null),
				chunk("{\"content\":\"inference.\"}", null), chunk("{}", "stop"));
		List<String> tokens = chat.prompt().user("Why?").stream().content().collectList().block();

		assertThat(String.join("", tokens)).isEqualTo("Fast inference.");
		assertThat(tokens).contains("Fast ", "inference.");
		assertThat(requests().get(0).path("stream").asBoolean()).isTrue();
	}

	@Test
	void aStreamEndsWithUsageAndRateLimits() {
		stream(chunk("{\"role\":\"assistant\"}", null), chunk("{\"content\":\"Hi\"}", null), chunk("{}", "stop"));

		List<ChatResponse> responses = this.model.stream(new Prompt("Hello")).collectList().block();

		ChatResponse last = responses.get(responses.size() - 1);
		assertThat(last.getMetadata().getUsage().getTotalTokens()).isEqualTo(8);
		assertThat(last.getResult().getMetadata().getFinishReason()).isEqualTo("STOP");
		assertThat(last.getMetadata().getRateLimit().getTokensRemaining()).isEqualTo(59000L);
		assertThat(((TimeInfo) last.getMetadata().get(CerebrasChatModel.TIME_INFO)).totalTime()).isEqualTo(0.01);
	}

	@Test
	void aStreamReturnsToolCallsWholeWithTheChunkThatEndsThem() {
		stream(chunk("{\"role\":\"assistant\"}", null),
				chunk("{\"tool_calls\":[{\"index\":0,\"id\":\"call_9\",\"type\":\"function\",\"function\":{\"name\":\"temperature\",\"arguments\":\"{\\\"ci\"}}]}", null),
				chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"ty\\\":\\\"Paris\\\"}\"}}]}", null),
				chunk("{}", "tool_calls"));

		List<ChatResponse> responses = this.model.stream(new Prompt("How warm is Paris?")).collectList().block();

		List<ChatResponse> withToolCalls = responses.stream().filter(ChatResponse::hasToolCalls).toList();
		assertThat(withToolCalls).hasSize(1);
		assertThat(withToolCalls.get(0).getResult().getOutput().getToolCalls()).containsExactly(
				new AssistantMessage.ToolCall("call_9", "function", "temperature", "{\"city\":\"Paris\"}"));
		assertThat(withToolCalls.get(0).getResult().getMetadata().getFinishReason()).isEqualTo("TOOL_CALLS");
	}

	@Test
	void imagesGoInContentParts() {
		answer(completion("A cat."));
		UserMessage user = UserMessage.builder()
			.text("What is this?")
			.media(new Media(MimeTypeUtils.IMAGE_PNG, URI.create("https://example.com/cat.png")),
					Media.builder().mimeType(MimeTypeUtils.IMAGE_JPEG).data(new byte[] { 1, 2, 3 }).build())
			.build();

		this.model.call(new Prompt(user));

		assertThat(requests().get(0).path("messages").get(0).path("content").toString()).isEqualTo("""
				[{"type":"text","text":"What is this?"},{"type":"image_url","image_url":{"url":"https://example.com/cat.png"}},\
				{"type":"image_url","image_url":{"url":"data:image/jpeg;base64,AQID"}}]""");
	}

	@Test
	void optionsOfAnotherKindAreCopied() {
		answer(completion("Hi."));

		this.model.call(new Prompt("Hello", ChatOptions.builder().model("qwen-3-32b").topP(0.5).topK(3).build()));

		JsonNode sent = requests().get(0);
		assertThat(sent.path("model").asString()).isEqualTo("qwen-3-32b");
		assertThat(sent.path("top_p").asDouble()).isEqualTo(0.5);
		assertThat(sent.has("top_k")).isFalse();
		assertThat(sent.has("temperature")).isFalse();
	}

	@Test
	void optionsAreImmutableAndChangedWithMutate() {
		CerebrasChatOptions options = CerebrasChatOptions.builder()
			.model("llama3.1-8b")
			.seed(1L)
			.reasoningEffort(ReasoningEffort.HIGH)
			.extraBody("min_tokens", 5)
			.build();

		CerebrasChatOptions changed = options.mutate().temperature(0.7).build();

		assertThat(options.getTemperature()).isNull();
		assertThat(changed.getTemperature()).isEqualTo(0.7);
		assertThat(changed.mutate().temperature(null).build()).isEqualTo(options);
		CerebrasChatOptions combined = options.mutate()
			.combineWith(CerebrasChatOptions.builder().serviceTier(ServiceTier.FLEX).model("gpt-oss-120b"))
			.build();
		assertThat(combined.getModel()).isEqualTo("gpt-oss-120b");
		assertThat(combined.getServiceTier()).isEqualTo(ServiceTier.FLEX);
		assertThat(combined.getSeed()).isEqualTo(1L);
		assertThat(combined.getExtraBody()).containsEntry("min_tokens", 5);
	}


	static class Weather {

		int calls;

		@Tool(description = "Current temperature of a city, in Celsius")
		String temperature(String city) {
			this.calls++;
			return city + ": 21";
		}

	}

	@Test
	void chatClientRunsAToolOverTwoRounds() {
		server.stubFor(post("/v1/chat/completions").inScenario("tools")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody(completion("""
						"tool_calls":[{"id":"call_7","type":"function","function":{"name":"temperature","arguments":"{\\"city\\":\\"Paris\\"}"}}]""",
						"tool_calls")))
			.willSetStateTo("answered"));
		server.stubFor(post("/v1/chat/completions").inScenario("tools")
			.whenScenarioStateIs("answered")
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody(completion("It is 21 degrees in Paris."))));
		Weather weather = new Weather();

		String answer = ChatClient.create(this.model).prompt().user("How warm is Paris?").tools(weather).call().content();

		assertThat(answer).isEqualTo("It is 21 degrees in Paris.");
		assertThat(weather.calls).isEqualTo(1);
		List<JsonNode> sent = requests();
		assertThat(sent).hasSize(2);
		JsonNode tool = sent.get(0).path("tools").get(0);
		assertThat(tool.path("type").asString()).isEqualTo("function");
		assertThat(tool.path("function").path("name").asString()).isEqualTo("temperature");
		assertThat(tool.path("function").path("parameters").path("properties").has("city")).isTrue();
		JsonNode messages = sent.get(1).path("messages");
		assertThat(messages.get(1).path("tool_calls").get(0).path("id").asString()).isEqualTo("call_7");
		assertThat(messages.get(2).path("role").asString()).isEqualTo("tool");
		assertThat(messages.get(2).path("tool_call_id").asString()).isEqualTo("call_7");
		assertThat(messages.get(2).path("content").asString()).contains("Paris: 21");
	}

	@Test
	void chatClientRunsAToolInAStream() {
		server.stubFor(post("/v1/chat/completions").inScenario("stream-tools")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
				.withBody(sse(chunk("{\"role\":\"assistant\"}", null), chunk(
						"{\"tool_calls\":[{\"index\":0,\"id\":\"call_3\",\"type\":\"function\",\"function\":{\"name\":\"temperature\",\"arguments\":\"{\\\"city\\\":\\\"Oslo\\\"}\"}}]}",
						null), chunk("{}", "tool_calls"))))
			.willSetStateTo("called"));
		server.stubFor(post("/v1/chat/completions").inScenario("stream-tools")
			.whenScenarioStateIs("called")
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
				.withBody(sse(chunk("{\"content\":\"Oslo: \"}", null), chunk("{\"content\":\"21.\"}", null),
						chunk("{}", "stop")))));
		Weather weather = new Weather();

		List<String> tokens = ChatClient.create(this.model)
			.prompt()
			.user("How warm is Oslo?")
			.tools(weather)
			.stream()
			.content()
			.collectList()
			.block();

		assertThat(String.join("", tokens)).isEqualTo("Oslo: 21.");
		assertThat(weather.calls).isEqualTo(1);
		assertThat(requests().get(1).path("messages").get(2).path("content").asString()).contains("Oslo: 21");
	}

	record City(String name, int population) {
	}

	@Test
	void entityWithTheProvidersStructuredOutput() {
		answer(completion("{\"name\":\"Paris\",\"population\":2100000}"));

		City city = ChatClient.create(this.model)
			.prompt()
			.user("The largest city of France?")
			.call()
			.entity(City.class, (spec) -> spec.useProviderStructuredOutput());

		assertThat(city).isEqualTo(new City("Paris", 2100000));
		JsonNode sent = requests().get(0);
		JsonNode format = sent.path("response_format");
		assertThat(format.path("type").asString()).isEqualTo("json_schema");
		assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
		assertThat(format.path("json_schema").path("name").asString()).isNotBlank();
		assertThat(format.path("json_schema").path("schema").path("properties").has("population")).isTrue();
		assertThat(sent.path("messages").get(0).path("content").asString()).isEqualTo("The largest city of France?");
	}

	@Test
	void entityWithTheOutputSchemaOption() {
		answer(completion("{\"name\":\"Lyon\",\"population\":500000}"));
		String schema = "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},\"population\":{\"type\":\"integer\"}}}";

		String content = ChatClient.create(this.model)
			.prompt()
			.options(CerebrasChatOptions.builder().outputSchema(schema))
			.user("Second city?")
			.call()
			.content();

		assertThat(content).contains("Lyon");
		assertThat(requests().get(0).path("response_format").path("json_schema").path("schema").toString())
			.isEqualTo(schema);
		assertThat(requests().get(0).path("model").asString()).isEqualTo("llama3.1-8b");
	}

	@Test
	void entityWithFormatInstructionsInThePrompt() {
		answer(completion("```json\n{\"name\":\"Paris\",\"population\":2100000}\n```"));

		City city = ChatClient.create(this.model).prompt().user("The largest city of France?").call().entity(City.class);

		assertThat(city).isEqualTo(new City("Paris", 2100000));
		JsonNode sent = requests().get(0);
		assertThat(sent.has("response_format")).isFalse();
		assertThat(sent.path("messages").get(0).path("content").asString()).startsWith("The largest city of France?")
			.contains("JSON Schema");
	}

	@Test
	void chatMemoryAcrossTwoCalls() {
		answer(completion("Nice to meet you, Ada."));
		MessageWindowChatMemory memory = MessageWindowChatMemory.builder()
			.chatMemoryRepository(new InMemoryChatMemoryRepository())
			.build();
		ChatClient chat = ChatClient.builder(this.model)
			.defaultAdvisors(MessageChatMemoryAdvisor.builder(memory).build())
			.build();

		chat.prompt().user("I am Ada.").advisors((a) -> a.param(ChatMemory.CONVERSATION_ID, "ada")).call().content();
		chat.prompt().user("Who am I?").advisors((a) -> a.param(ChatMemory.CONVERSATION_ID, "ada")).call().content();

		JsonNode second = requests().get(1).path("messages");
		assertThat(second.toString()).isEqualTo("""
				[{"role":"user","content":"I am Ada."},{"role":"assistant","content":"Nice to meet you, Ada."},\
				{"role":"user","content":"Who am I?"}]""");
		assertThat(memory.get("ada")).hasSize(4);
	}

}
