package io.github.cerebras4j.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.cerebras4j.client.CerebrasStream;
import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.client.ReactiveCerebrasTemplate;
import io.github.cerebras4j.client.chat.ChatCompletion;
import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.chat.ResponseFormat;
import io.github.cerebras4j.client.chat.Tool;
import io.github.cerebras4j.client.chat.ToolCall;
import io.github.cerebras4j.client.chat.ToolCallAccumulator;
import io.github.cerebras4j.client.chat.UserMessage;
import io.github.cerebras4j.client.completions.Completion;
import io.github.cerebras4j.client.completions.CompletionChunk;
import io.github.cerebras4j.client.completions.CompletionRequest;
import io.github.cerebras4j.client.core.CerebrasJson;
import io.github.cerebras4j.client.core.RateLimits;
import io.github.cerebras4j.client.core.RawResponse;
import io.github.cerebras4j.client.core.Usage;
import io.github.cerebras4j.client.error.BadRequestException;
import io.github.cerebras4j.client.error.CerebrasApiException;
import io.github.cerebras4j.client.error.CerebrasConnectionException;
import io.github.cerebras4j.client.error.CerebrasMalformedResponseException;
import io.github.cerebras4j.client.error.CerebrasStreamInterruptedException;
import io.github.cerebras4j.client.error.InternalServerException;
import io.github.cerebras4j.client.error.NotFoundException;
import io.github.cerebras4j.client.error.RateLimitException;
import io.github.cerebras4j.client.models.Model;
import io.github.cerebras4j.client.models.ModelList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Each scripted behaviour of {@link CerebrasMockServer}, observed through a real {@link CerebrasTemplate}.
 */
@ExtendWith(CerebrasMockServerExtension.class)
class CerebrasMockServerTests {

	private final CerebrasMockServer server;

	private CerebrasTemplate cerebras;

	CerebrasMockServerTests(CerebrasMockServer server) {
		this.server = server;
	}

	@BeforeEach
	void connect() {
		this.cerebras = CerebrasTemplate.builder()
			.apiKey(CerebrasMockServer.TEST_API_KEY)
			.baseUrl(this.server.baseUrl())
			.environment((name) -> null)
			.maxRetries(0)
			.warmUp(false)
			.build();
	}

	@AfterEach
	void disconnect() {
		this.cerebras.close();
	}

	private static ChatCompletionRequest question(String text) {
		return ChatCompletionRequest.builder().model("llama3.1-8b").system("Be brief.").user(text).build();
	}

	private List<ChatCompletionChunk> stream(ChatCompletionRequest request) {
		List<ChatCompletionChunk> chunks = new ArrayList<>();
		try (CerebrasStream<ChatCompletionChunk> stream = this.cerebras.chat().completions().stream(request)) {
			stream.forEach(chunks::add);
		}
		return chunks;
	}

	private static String text(List<ChatCompletionChunk> chunks) {
		StringBuilder text = new StringBuilder();
		chunks.forEach((chunk) -> text.append(chunk.content()));
		return text.toString();
	}

	private static Usage usage(List<ChatCompletionChunk> chunks) {
		return chunks.get(chunks.size() - 1).usage();
	}

	@Test
	void defaultReplyQuotesTheLastUserMessageWithUsageAndTimeInfo() {
		ChatCompletion completion = this.cerebras.chat().completions().create(question("Why is fast inference important?"));

		assertThat(completion.content()).contains("\u201cWhy is fast inference important?\u201d");
		assertThat(completion.finishReason()).isEqualTo("stop");
		assertThat(completion.model()).isEqualTo("llama3.1-8b");
		assertThat(completion.usage().completionTokens()).isEqualTo(Tokenizer.count(completion.content()));
		assertThat(completion.usage().promptTokens()).isEqualTo(4 + Tokenizer.count("Be brief.") + 4
				+ Tokenizer.count("Why is fast inference important?"));
		assertThat(completion.usage().totalTokens())
			.isEqualTo(completion.usage().promptTokens() + completion.usage().completionTokens());
		assertThat(completion.timeInfo().completionTime())
			.isCloseTo(completion.usage().completionTokens() / 2000.0, org.assertj.core.data.Offset.offset(1e-9));
	}

	@Test
	void scriptedReplyIsAnsweredAsJson() {
		this.server.reply("Paris is the capital of France.");

		ChatCompletion completion = this.cerebras.chat().completions().create(question("Capital of France?"));

		assertThat(completion.content()).isEqualTo("Paris is the capital of France.");
		assertThat(completion.usage().completionTokens()).isEqualTo(7);
	}

	@Test
	void streamedReplyReassemblesToTheReplyInRealisticChunks() {
		this.server.reply("Streaming makes answers feel instantaneous, even the long ones.");

		List<ChatCompletionChunk> chunks = stream(question("Why stream?"));

		assertThat(chunks.get(0).choices().get(0).delta().role()).isEqualTo("assistant");
		assertThat(chunks.get(0).hasContent()).isFalse();
		assertThat(text(chunks)).isEqualTo("Streaming makes answers feel instantaneous, even the long ones.");
		List<String> pieces = chunks.stream().filter(ChatCompletionChunk::hasContent).map(ChatCompletionChunk::content)
			.toList();
		assertThat(pieces).hasSize(Tokenizer.count("Streaming makes answers feel instantaneous, even the long ones."))
			.allSatisfy((piece) -> assertThat(piece.strip().length()).isBetween(1, 7));
		ChatCompletionChunk last = chunks.get(chunks.size() - 1);
		assertThat(last.finishReason()).isEqualTo("stop");
		assertThat(last.usage().completionTokens()).isEqualTo(pieces.size());
		assertThat(last.timeInfo()).isNotNull();
		assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy((chunk) -> assertThat(chunk.usage()).isNull());
	}

	@Test
	void replyWithComputesTheReplyFromTheTypedRequest() {
		this.server.replyWith((request) -> "You sent " + request.messages().size() + " messages to " + request.model());

		assertThat(text(stream(question("Count them.")))).isEqualTo("You sent 2 messages to llama3.1-8b");
	}

	@Test
	void reasoningComesBeforeTheContentAndIsCounted() {
		this.server.reasoning("The user wants a number. Two plus two is four.").reply("4");

		ChatCompletion completion = this.cerebras.chat().completions().create(question("2+2?"));
		List<ChatCompletionChunk> chunks = stream(question("2+2?"));

		assertThat(completion.reasoning()).isEqualTo("The user wants a number. Two plus two is four.");
		assertThat(completion.content()).isEqualTo("4");
		int reasoningTokens = Tokenizer.count("The user wants a number. Two plus two is four.");
		assertThat(completion.usage().completionTokensDetails().reasoningTokens()).isEqualTo(reasoningTokens);
		assertThat(completion.usage().completionTokens()).isEqualTo(reasoningTokens + 1);
		StringBuilder reasoning = new StringBuilder();
		chunks.forEach((chunk) -> reasoning.append(chunk.reasoning()));
		assertThat(reasoning).hasToString("The user wants a number. Two plus two is four.");
		int lastReasoning = lastIndexOf(chunks, (chunk) -> !chunk.reasoning().isEmpty());
		int firstContent = lastIndexOf(chunks, ChatCompletionChunk::hasContent);
		assertThat(lastReasoning).isLessThan(firstContent);
	}

	private static int lastIndexOf(List<ChatCompletionChunk> chunks, java.util.function.Predicate<ChatCompletionChunk> test) {
		for (int i = chunks.size() - 1; i >= 0; i--) {
			if (test.test(chunks.get(i))) {
				return i;
			}
		}
		return -1;
	}

	@Test
	void toolCallsEndWithFinishReasonToolCallsThenToolResultsAreAnsweredWithText() {
		this.server.toolCall("weather", "{\"city\":\"Paris\"}").toolCall("time", "{\"zone\":\"CET\"}").reply("Sunny, 21 degrees.");
		ChatCompletionRequest request = ChatCompletionRequest.builder()
			.model("gpt-oss-120b")
			.user("Weather and time in Paris?")
			.addTool(Tool.function("weather", "Current weather", Map.of("type", "object")))
			.addTool(Tool.function("time", "Current time", Map.of("type", "object")))
			.build();

		ChatCompletion calls = this.cerebras.chat().completions().create(request);
		ToolCallAccumulator streamed = new ToolCallAccumulator();
		List<ChatCompletionChunk> chunks = stream(request);
		chunks.forEach(streamed::accept);

		assertThat(calls.finishReason()).isEqualTo("tool_calls");
		assertThat(calls.toolCalls()).extracting((call) -> call.function().name(), (call) -> call.function().arguments())
			.containsExactly(org.assertj.core.groups.Tuple.tuple("weather", "{\"city\":\"Paris\"}"),
					org.assertj.core.groups.Tuple.tuple("time", "{\"zone\":\"CET\"}"));
		assertThat(calls.toolCalls()).allSatisfy((call) -> assertThat(call.id()).startsWith("call_"));
		assertThat(chunks.get(chunks.size() - 1).finishReason()).isEqualTo("tool_calls");
		assertThat(streamed.toolCalls()).extracting((call) -> call.function().arguments())
			.containsExactly("{\"city\":\"Paris\"}", "{\"zone\":\"CET\"}");

		ToolCall weather = calls.toolCalls().get(0);
		ToolCall time = calls.toolCalls().get(1);
		ChatCompletion answer = this.cerebras.chat().completions().create(request.toBuilder()
			.message(calls.choices().get(0).message().toAssistantMessage())
			.tool(weather.id(), "{\"sky\":\"sunny\",\"celsius\":21}")
			.tool(time.id(), "{\"time\":\"14:00\"}")
			.build());

		assertThat(answer.finishReason()).isEqualTo("stop");
		assertThat(answer.toolCalls()).isEmpty();
		assertThat(answer.content()).isEqualTo("Sunny, 21 degrees.");
	}

	@Test
	void toolCallsComputedFromTheRequestAreMadeOnlyWhenTheFunctionReturnsSome() {
		this.server.toolCallsWith((request) -> (request.tools() != null)
				? Map.of(request.tools().get(0).function().name(), "{\"zone\":\"CET\"}") : Map.of());
		ChatCompletionRequest plain = ChatCompletionRequest.builder().model("llama3.1-8b").user("Time?").build();
		ChatCompletionRequest withTool = plain.toBuilder()
			.addTool(Tool.function("time", "Current time", Map.of("type", "object")))
			.build();

		ChatCompletion noCall = this.cerebras.chat().completions().create(plain);
		ChatCompletion call = this.cerebras.chat().completions().create(withTool);
		ChatCompletion answer = this.cerebras.chat().completions().create(withTool.toBuilder()
			.message(call.choices().get(0).message().toAssistantMessage())
			.tool(call.toolCalls().get(0).id(), "{\"time\":\"14:00\"}")
			.build());

		assertThat(noCall.finishReason()).isEqualTo("stop");
		assertThat(noCall.toolCalls()).isEmpty();
		assertThat(call.finishReason()).isEqualTo("tool_calls");
		assertThat(call.toolCalls()).singleElement().satisfies((toolCall) -> {
			assertThat(toolCall.function().name()).isEqualTo("time");
			assertThat(toolCall.function().arguments()).isEqualTo("{\"zone\":\"CET\"}");
		});
		assertThat(answer.finishReason()).isEqualTo("stop");
		assertThat(answer.toolCalls()).isEmpty();
	}

	@Test
	void jsonSchemaRequestWithoutScriptedReplyIsAnsweredWithJsonThatFollowsTheSchema() {
		Map<String, Object> schema = Map.of("type", "object", "properties",
				Map.of("city", Map.of("type", "string"), "celsius", Map.of("type", "integer"), "sky",
						Map.of("type", "string", "enum", List.of("sunny", "cloudy")), "alerts",
						Map.of("type", "array", "items", Map.of("type", "string"))),
				"required", List.of("city", "celsius", "sky", "alerts"));
		ChatCompletionRequest request = question("Weather in Paris as JSON").toBuilder()
			.responseFormat(ResponseFormat.jsonSchema("weather", schema))
			.build();

		ChatCompletion completion = this.cerebras.chat().completions().create(request);
		Weather weather = CerebrasJson.fromJson(text(stream(request)), Weather.class);

		JsonNode json = CerebrasJson.mapper().readTree(completion.content());
		assertThat(json.isObject()).isTrue();
		assertThat(json.get("sky").stringValue()).isEqualTo("sunny");
		assertThat(weather).isEqualTo(new Weather("example city", 0, "sunny", List.of("example alerts")));
	}

	record Weather(String city, int celsius, String sky, List<String> alerts) {
	}

	@Test
	void jsonObjectRequestIsAnsweredWithAJsonObject() {
		ChatCompletion completion = this.cerebras.chat().completions()
			.create(question("Answer in JSON").toBuilder().responseFormat(ResponseFormat.jsonObject()).build());

		assertThat(CerebrasJson.mapper().readTree(completion.content()).get("answer").stringValue())
			.contains("\u201cAnswer in JSON\u201d");
	}

	@Test
	void maxCompletionTokensCutsTheAnswerWithFinishReasonLength() {
		this.server.reply("one two three four five six");

		ChatCompletion completion = this.cerebras.chat().completions()
			.create(question("Count").toBuilder().maxCompletionTokens(3).build());

		assertThat(completion.content()).isEqualTo("one two three");
		assertThat(completion.finishReason()).isEqualTo("length");
	}

	@Test
	void textCompletionsAnswerAsJsonAndStream() {
		this.server.reply(" upon a time there was a fast chip.");
		CompletionRequest request = CompletionRequest.builder().model("llama3.1-8b").prompt("Once").build();

		Completion completion = this.cerebras.completions().create(request);
		StringBuilder streamed = new StringBuilder();
		List<CompletionChunk> chunks = new ArrayList<>();
		try (CerebrasStream<CompletionChunk> stream = this.cerebras.completions().stream(request)) {
			stream.forEach((chunk) -> {
				streamed.append(chunk.text());
				chunks.add(chunk);
			});
		}

		assertThat(completion.text()).isEqualTo(" upon a time there was a fast chip.");
		assertThat(completion.object()).isEqualTo("text_completion");
		assertThat(streamed).hasToString(" upon a time there was a fast chip.");
		assertThat(chunks.get(chunks.size() - 1).usage().completionTokens()).isEqualTo(9);
		assertThat(this.server.completionRequests()).hasSize(2);
		assertThat(this.server.lastCompletionRequest().prompt()).isEqualTo(request.prompt());
	}

	@Test
	void rateLimitHeadersCountDownByDefaultAndFollowTheScript() {
		RawResponse<ChatCompletion> first = this.cerebras.chat().completions().withRawResponse().create(question("Hi"));
		RawResponse<ChatCompletion> second = this.cerebras.chat().completions().withRawResponse().create(question("Hi"));
		this.server.rateLimitHeaders(42, 1234);
		RawResponse<ChatCompletion> scripted = this.cerebras.chat().completions().withRawResponse().create(question("Hi"));

		RateLimits.Bucket firstDay = first.rateLimits().requests(RateLimits.Window.DAY);
		assertThat(firstDay.limit()).isEqualTo(14_400);
		assertThat(firstDay.remaining()).isEqualTo(14_399);
		assertThat(firstDay.resetAfter()).isPositive().isLessThanOrEqualTo(Duration.ofDays(1));
		assertThat(second.rateLimits().requests(RateLimits.Window.DAY).remaining()).isEqualTo(14_398);
		assertThat(first.rateLimits().tokens(RateLimits.Window.MINUTE).resetAfter())
			.isLessThanOrEqualTo(Duration.ofMinutes(1));
		assertThat(scripted.rateLimits().requests(RateLimits.Window.DAY).remaining()).isEqualTo(42);
		assertThat(scripted.rateLimits().tokens(RateLimits.Window.MINUTE).remaining()).isEqualTo(1234);
	}

	@ParameterizedTest
	@CsvSource({ "400, io.github.cerebras4j.client.error.BadRequestException",
			"401, io.github.cerebras4j.client.error.AuthenticationException",
			"403, io.github.cerebras4j.client.error.PermissionDeniedException",
			"404, io.github.cerebras4j.client.error.NotFoundException",
			"422, io.github.cerebras4j.client.error.UnprocessableEntityException",
			"500, io.github.cerebras4j.client.error.InternalServerException",
			"503, io.github.cerebras4j.client.error.InternalServerException" })
	void errorStatusGivesTheTypedExceptionWithTheFlatErrorBody(int status, Class<? extends CerebrasApiException> type) {
		this.server.failWith(status, "Something is wrong");

		Throwable json = catchThrowable(() -> this.cerebras.chat().completions().create(question("Hi")));
		Throwable streamed = catchThrowable(() -> stream(question("Hi")));

		assertThat(json).isExactlyInstanceOf(type);
		assertThat(streamed).isExactlyInstanceOf(type);
		CerebrasApiException error = (CerebrasApiException) json;
		assertThat(error.statusCode()).isEqualTo(status);
		assertThat(error.error().message()).isEqualTo("Something is wrong");
		assertThat(error.error().type()).isNotBlank();
		assertThat(error.requestId()).startsWith("req_");
	}

	@Test
	void rateLimitErrorCarriesRetryAfterAndRateLimits() {
		this.server.failWith(429, "Tokens per minute limit exceeded").retryAfter(Duration.ofMillis(2500))
			.rateLimitHeaders(100, 0);

		RateLimitException error = (RateLimitException) catchThrowable(
				() -> this.cerebras.chat().completions().create(question("Hi")));

		assertThat(error.retryAfter()).isEqualTo(Duration.ofMillis(2500));
		assertThat(error.error().type()).isEqualTo("rate_limit_error");
		assertThat(error.rateLimits().tokens(RateLimits.Window.MINUTE).remaining()).isZero();
	}

	@Test
	void rateLimitErrorAnnouncesOneSecondByDefault() {
		this.server.failWith(429, "Slow down");

		assertThatExceptionOfType(RateLimitException.class)
			.isThrownBy(() -> this.cerebras.chat().completions().create(question("Hi")))
			.satisfies((error) -> assertThat(error.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
	}

	@Test
	void inStreamErrorArrivesAfterTheScriptedChunksAsTheTypedException() {
		this.server.reply("one two three four five six").failInStream(429, "Queue is full", 3);
		List<String> received = new ArrayList<>();

		Throwable thrown = catchThrowable(() -> {
			try (CerebrasStream<ChatCompletionChunk> stream = this.cerebras.chat().completions().stream(question("Count"))) {
				stream.forEach((chunk) -> received.add(chunk.content()));
			}
		});

		assertThat(String.join("", received)).isEqualTo("one two three");
		assertThat(thrown).isInstanceOfSatisfying(RateLimitException.class, (error) -> {
			assertThat(error.error().message()).isEqualTo("Queue is full");
			assertThat(error.statusCode()).isEqualTo(429);
		});
	}

	@Test
	void inStreamErrorIsAnHttpStatusForARequestThatIsNotStreamed() {
		this.server.failInStream(500, "Model crashed", 2);

		assertThatExceptionOfType(InternalServerException.class)
			.isThrownBy(() -> this.cerebras.chat().completions().create(question("Hi")));
	}

	@Test
	void connectionResetGivesAConnectionException() {
		this.server.fault(CerebrasMockServer.Fault.CONNECTION_RESET);

		assertThat(catchThrowable(() -> this.cerebras.chat().completions().create(question("Hi"))))
			.isExactlyInstanceOf(CerebrasConnectionException.class);
		assertThat(catchThrowable(() -> stream(question("Hi")))).isExactlyInstanceOf(CerebrasConnectionException.class);
		assertThat(catchThrowable(() -> this.cerebras.models().list()))
			.isExactlyInstanceOf(CerebrasConnectionException.class);
	}

	@Test
	void truncatedStreamGivesAStreamInterruptedExceptionWithThePartialText() {
		this.server.reply("one two three four five six").fault(CerebrasMockServer.Fault.TRUNCATED_STREAM);
		List<String> received = new ArrayList<>();

		Throwable thrown = catchThrowable(() -> {
			try (CerebrasStream<ChatCompletionChunk> stream = this.cerebras.chat().completions().stream(question("Count"))) {
				stream.forEach((chunk) -> received.add(chunk.content()));
			}
		});

		assertThat(String.join("", received)).isEqualTo("one two three");
		assertThat(thrown).isInstanceOfSatisfying(CerebrasStreamInterruptedException.class,
				(error) -> assertThat(error.partialText()).isEqualTo("one two three"));
		assertThat(catchThrowable(() -> this.cerebras.chat().completions().create(question("Count"))))
			.isExactlyInstanceOf(CerebrasMalformedResponseException.class);
	}

	@Test
	void garbageGivesAMalformedResponseException() {
		this.server.fault(CerebrasMockServer.Fault.GARBAGE);

		assertThat(catchThrowable(() -> this.cerebras.chat().completions().create(question("Hi"))))
			.isExactlyInstanceOf(CerebrasMalformedResponseException.class);
		assertThat(catchThrowable(() -> stream(question("Hi"))))
			.isExactlyInstanceOf(CerebrasMalformedResponseException.class);
	}

	@Test
	void modelsAreListedAndRetrievedAndUnknownOnesAreNotFound() {
		ModelList defaults = this.cerebras.models().list();
		this.server.models("zai-glm-4.7", "qwen-3-coder-480b");

		assertThat(defaults.data()).extracting(Model::id).containsExactly("llama3.1-8b", "gpt-oss-120b", "qwen-3-32b");
		assertThat(this.cerebras.models().list().data()).extracting(Model::id)
			.containsExactly("zai-glm-4.7", "qwen-3-coder-480b");
		Model model = this.cerebras.models().retrieve("zai-glm-4.7");
		assertThat(model.id()).isEqualTo("zai-glm-4.7");
		assertThat(model.ownedBy()).isEqualTo("Cerebras");
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.cerebras.models().retrieve("llama3.1-8b"));
	}

	@Test
	void receivedRequestsAreTypedAndInOrder() {
		this.cerebras.chat().completions().create(question("First"));
		stream(question("Second").toBuilder().temperature(0.2).extraBody("custom_flag", true).build());

		assertThat(this.server.chatRequests()).hasSize(2);
		assertThat(this.server.lastChatRequest().messages()).hasSize(2);
		assertThat(((UserMessage) this.server.chatRequests().get(0).messages().get(1)).content())
			.isEqualTo(((UserMessage) question("First").messages().get(1)).content());
		assertThat(this.server.lastChatRequest().temperature()).isEqualTo(0.2);
		assertThat(this.server.lastChatRequest().extraBody()).containsEntry("custom_flag", true);
		assertThat(this.server.lastChatRequest().streamOptions().includeUsage()).isTrue();
	}

	@Test
	void requestWithoutApiKeyIsUnauthorized() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.server.baseUrl() + "/v1/models")).build(),
					HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(CerebrasJson.mapper().readTree(response.body()).get("code").stringValue()).isEqualTo("wrong_api_key");
	}

	@Test
	void invalidBodyIsABadRequest() {
		BadRequestException error = (BadRequestException) catchThrowable(() -> this.cerebras.chat()
			.completions()
			.create(question("Hi").toBuilder().extraBody("messages", List.of()).build()));

		assertThat(error.error().message()).contains("messages must not be empty");
		assertThat(this.server.chatRequests()).isEmpty();
	}

	@Test
	void tcpWarmingIsAnswered() {
		try (ReactiveCerebrasTemplate reactive = ReactiveCerebrasTemplate.builder()
			.apiKey(CerebrasMockServer.TEST_API_KEY)
			.baseUrl(this.server.baseUrl())
			.environment((name) -> null)
			.warmUp(false)
			.build()) {
			assertThat(reactive.ping(Duration.ofSeconds(2)).block().status().value()).isEqualTo(200);
		}
	}

	@Test
	void resetForgetsTheScriptAndTheRequests() {
		this.server.reply("scripted").failWith(500, "down").models("x");
		catchThrowable(() -> this.cerebras.chat().completions().create(question("Hi")));

		this.server.reset();

		assertThat(this.server.chatRequests()).isEmpty();
		assertThatIllegalStateException().isThrownBy(this.server::lastChatRequest);
		assertThat(this.cerebras.chat().completions().create(question("Hi")).content()).contains("\u201cHi\u201d");
		assertThat(this.cerebras.models().list().data()).hasSize(3);
	}

}
