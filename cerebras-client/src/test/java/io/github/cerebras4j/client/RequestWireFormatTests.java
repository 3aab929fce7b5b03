package io.github.cerebras4j.client;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.cerebras4j.client.chat.ChatCompletion;
import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.chat.ReasoningEffort;
import io.github.cerebras4j.client.chat.ResponseFormat;
import io.github.cerebras4j.client.chat.Tool;
import io.github.cerebras4j.client.chat.ToolChoice;
import io.github.cerebras4j.client.completions.Completion;
import io.github.cerebras4j.client.completions.CompletionRequest;
import io.github.cerebras4j.client.core.CerebrasJson;
import io.github.cerebras4j.client.core.StreamOptions;
import io.github.cerebras4j.client.models.Model;
import io.github.cerebras4j.client.models.ModelFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What goes on the wire for each endpoint: method, path, query, headers and the exact JSON body.
 */
class RequestWireFormatTests {

	@RegisterExtension
	static WireMockExtension server = CerebrasWireMock.server();

	private CerebrasTemplate cerebras;

	@BeforeEach
	void setUp() {
		this.cerebras = CerebrasWireMock.template(server).build();
	}

	@AfterEach
	void tearDown() {
		this.cerebras.close();
	}

	@Test
	void chatCreateSendsTheTypedFieldsThenExtraBodyWhichWinsAClash() {
		server.stubFor(post("/v1/chat/completions").willReturn(okJson(CerebrasWireMock.chatCompletion())));
		ChatCompletionRequest request = ChatCompletionRequest.builder()
			.model("llama3.1-8b")
			.system("Be brief.")
			.user("Why is fast inference important?")
			.temperature(0.2)
			.maxCompletionTokens(128)
			.reasoningEffort(ReasoningEffort.LOW)
			.responseFormat(ResponseFormat.jsonObject())
			.addTool(Tool.function("get_weather", "Weather of a city", Map.of("type", "object")))
			.toolChoice(ToolChoice.AUTO)
			.stop("\n\n")
			.extraBody("temperature", 0.9)
			.extraBody("top_k", null)
			.extraBody("custom", Map.of("nested", List.of(1, 2)))
			.build();

		ChatCompletion completion = this.cerebras.chat().completions().create(request);

		assertThat(completion.content()).isEqualTo("Fast inference makes AI feel instant.");
		server.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withHeader("Accept", equalTo("application/json"))
			.withHeader("Authorization", equalTo("Bearer " + CerebrasWireMock.API_KEY))
			.withHeader("User-Agent", matching("cerebras4j/\\S+ Java/\\S+ Spring/\\S+"))
			.withHeader("X-Cerebras-3rd-Party-Integration", equalTo("cerebras4j"))
			.withHeader("CF-RAY", absent())
			.withRequestBody(equalToJson("""
					{"model":"llama3.1-8b",
					 "messages":[{"role":"system","content":"Be brief."},
					             {"role":"user","content":"Why is fast inference important?"}],
					 "temperature":0.9,"max_completion_tokens":128,"reasoning_effort":"low",
					 "response_format":{"type":"json_object"},
					 "tools":[{"type":"function","function":{"name":"get_weather","description":"Weather of a city",
					           "parameters":{"type":"object"}}}],
					 "tool_choice":"auto","stop":"\\n\\n","top_k":null,"custom":{"nested":[1,2]}}
					""")));
	}

	@Test
	void chatStreamAddsStreamAndAsksForUsageUnlessTheCallerSetStreamOptions() {
		server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
			.withBody(CerebrasWireMock.chatStream(List.of("Hi")))));
		ChatCompletionRequest request = ChatCompletionRequest.builder().model("llama3.1-8b").user("Hi").build();

		try (CerebrasStream<ChatCompletionChunk> stream = this.cerebras.chat().completions().stream(request)) {
			assertThat(stream.stream().map(ChatCompletionChunk::content)).contains("Hi");
		}
		try (CerebrasStream<ChatCompletionChunk> stream = this.cerebras.chat()
			.completions()
			.stream(request.toBuilder().streamOptions(new StreamOptions(false)).build())) {
			stream.forEach(chunk -> { });
		}

		List<LoggedRequest> requests = server.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")));
		assertThat(requests).hasSize(2);
		assertThat(json(requests.get(0))).isEqualTo(json("""
				{"model":"llama3.1-8b","messages":[{"role":"user","content":"Hi"}],
				 "stream":true,"stream_options":{"include_usage":true}}"""));
		assertThat(json(requests.get(1))).isEqualTo(json("""
				{"model":"llama3.1-8b","messages":[{"role":"user","content":"Hi"}],
				 "stream":true,"stream_options":{"include_usage":false}}"""));
	}

	@Test
	void headerParametersOfTheOptionsAreSentAsHeadersNotInTheBody() {
		server.stubFor(post("/v1/chat/completions").willReturn(okJson(CerebrasWireMock.chatCompletion())));
		ChatCompletionRequest request = ChatCompletionRequest.builder().model("llama3.1-8b").user("Hi").build();

		this.cerebras.withOptions(o -> o.cfRay("8f1e2d3c4b5a6978-SJC").amzCfId("amz-cf-id-1").delayTime(1.0))
			.chat()
			.completions()
			.create(request);

		server.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
			.withHeader("CF-RAY", equalTo("8f1e2d3c4b5a6978-SJC"))
			.withHeader("X-Amz-Cf-Id", equalTo("amz-cf-id-1"))
			.withHeader("X-delay-time", equalTo("1.0"))
			.withRequestBody(equalToJson("""
					{"model":"llama3.1-8b","messages":[{"role":"user","content":"Hi"}]}""")));
	}

	@Test
	void invalidHeaderParametersAreRejectedBeforeAnythingIsSent() {
		for (String value : new String[] { "ray\r\nX-Injected: 1", "ray\nX-Injected: 1", "ray\0X-Injected" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> this.cerebras.withOptions(o -> o.cfRay(value)))
				.withMessageContaining("CF-RAY")
				.withMessageNotContaining("X-Injected");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> this.cerebras.reactive().withOptions(o -> o.amzCfId(value)))
				.withMessageContaining("X-Amz-Cf-Id")
				.withMessageNotContaining("X-Injected");
		}
		for (double value : new double[] { Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY }) {
			assertThatIllegalArgumentException().isThrownBy(() -> this.cerebras.withOptions(o -> o.delayTime(value)))
				.withMessageContaining("X-delay-time");
		}
		assertThat(server.getAllServeEvents()).isEmpty();
	}

	@Test
	void textCompletionSendsPromptAndItsOwnFields() {
		server.stubFor(post("/v1/completions").willReturn(okJson("""
				{"id":"cmpl-1","object":"text_completion","created":1769729480,"model":"llama3.1-8b",
				 "system_fingerprint":"fp_1","choices":[{"index":0,"text":" night.","finish_reason":"stop"}]}""")));
		CompletionRequest request = CompletionRequest.builder()
			.model("llama3.1-8b")
			.prompt("It was a dark and stormy ")
			.maxTokens(100)
			.grammarRoot("root")
			.returnRawTokens(false)
			.echo(true)
			.logprobs(2)
			.extraBody("echo", false)
			.build();

		Completion completion = this.cerebras.withOptions(o -> o.cfRay("ray-2").delayTime(1.5))
			.completions()
			.create(request);

		assertThat(completion.text()).isEqualTo(" night.");
		server.verify(postRequestedFor(urlEqualTo("/v1/completions"))
			.withHeader("CF-RAY", equalTo("ray-2"))
			.withHeader("X-delay-time", equalTo("1.5"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("""
					{"model":"llama3.1-8b","prompt":"It was a dark and stormy ","max_tokens":100,
					 "grammar_root":"root","return_raw_tokens":false,"echo":false,"logprobs":2}""")));
	}

	@Test
	void modelsAreGetRequestsWithoutBodyOrContentType() {
		server.stubFor(get(urlPathEqualTo("/v1/models")).willReturn(okJson("""
				{"object":"list","data":[{"id":"llama3.1-8b","object":"model","created":0,"owned_by":"Meta"}]}""")));
		server.stubFor(get(urlPathEqualTo("/v1/models/llama3.1-8b")).willReturn(okJson("""
				{"id":"llama3.1-8b","object":"model","created":0,"owned_by":"Meta"}""")));

		assertThat(this.cerebras.models().list().data()).extracting(Model::id).containsExactly("llama3.1-8b");
		assertThat(this.cerebras.models().retrieve("llama3.1-8b").ownedBy()).isEqualTo("Meta");
		this.cerebras.withOptions(o -> o.cfRay("ray-3").amzCfId("amz-3")).models().list(ModelFormat.OPENROUTER);
		this.cerebras.models().retrieve("llama3.1-8b", ModelFormat.HUGGINGFACE);

		server.verify(getRequestedFor(urlEqualTo("/v1/models"))
			.withHeader("Content-Type", absent())
			.withHeader("Authorization", equalTo("Bearer " + CerebrasWireMock.API_KEY))
			.withHeader("Accept", equalTo("application/json")));
		server.verify(getRequestedFor(urlEqualTo("/v1/models?format=openrouter"))
			.withHeader("CF-RAY", equalTo("ray-3"))
			.withHeader("X-Amz-Cf-Id", equalTo("amz-3"))
			.withHeader("Content-Type", absent()));
		server.verify(getRequestedFor(urlEqualTo("/v1/models/llama3.1-8b?format=huggingface")));
		assertThat(server.findAll(getRequestedFor(urlPathEqualTo("/v1/models"))))
			.allSatisfy(request -> assertThat(request.getBody()).isEmpty());
	}

	@Test
	void modelIdIsEncodedAsOnePathSegment() {
		server.stubFor(get(urlPathMatching("/v1/models/.*")).willReturn(okJson("{\"id\":\"x\"}")));

		assertThat(this.cerebras.models().retrieve("cerebras/gpt oss").id()).isEqualTo("x");
		this.cerebras.models().retrieve("../../v1/chat/completions");
		this.cerebras.models().retrieve("...");

		server.verify(getRequestedFor(urlEqualTo("/v1/models/cerebras%2Fgpt%20oss")));
		server.verify(getRequestedFor(urlEqualTo("/v1/models/..%2F..%2Fv1%2Fchat%2Fcompletions")));
		server.verify(getRequestedFor(urlEqualTo("/v1/models/...")));
		assertThat(server.getAllServeEvents()).hasSize(3)
			.allSatisfy((event) -> assertThat(event.getRequest().getUrl()).matches("/v1/models/[^/]+"));
	}

	@Test
	void dotSegmentModelIdIsRejectedBeforeAnythingIsSent() {
		for (String dots : new String[] { ".", ".." }) {
			assertThatIllegalArgumentException().isThrownBy(() -> this.cerebras.models().retrieve(dots))
				.withMessageContaining("model id");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> this.cerebras.models().withRawResponse().retrieve(dots));
			assertThatIllegalArgumentException()
				.isThrownBy(() -> this.cerebras.models().withRawResponse().retrieve(dots, ModelFormat.DEFAULT));
			assertThatIllegalArgumentException().isThrownBy(() -> this.cerebras.reactive().models().retrieve(dots));
		}
		assertThat(server.getAllServeEvents()).isEmpty();
	}

	@Test
	void blankModelIdIsRejectedBeforeAnythingIsSent() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.cerebras.models().retrieve(""))
			.withMessageContaining("model id");
		assertThatIllegalArgumentException().isThrownBy(() -> this.cerebras.models().retrieve("  "));
		assertThat(server.getAllServeEvents()).isEmpty();
	}

	@Test
	void invalidRequestIsRejectedBeforeAnythingIsSent() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.cerebras.chat()
				.completions()
				.create(ChatCompletionRequest.builder().model("llama3.1-8b").user("Hi").maxTokens(-5).build()))
			.withMessageContaining("max_tokens");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.cerebras.completions()
				.stream(CompletionRequest.builder().model("llama3.1-8b").prompt("x").bestOf(2).build()))
			.withMessageContaining("best_of");
		assertThat(server.getAllServeEvents()).isEmpty();
	}

	@Test
	void basePathPrefixIsKeptAndTrailingSlashIgnored() {
		server.stubFor(get("/custom/path/v1/models").willReturn(okJson("{\"object\":\"list\",\"data\":[]}")));
		for (String baseUrl : List.of(server.baseUrl() + "/custom/path", server.baseUrl() + "/custom/path/")) {
			try (CerebrasTemplate prefixed = CerebrasWireMock.template(server).baseUrl(baseUrl).build()) {
				assertThat(prefixed.models().list().data()).isEmpty();
			}
		}
		server.verify(2, getRequestedFor(urlEqualTo("/custom/path/v1/models")));
	}

	@Test
	void defaultHeadersAreSentAndCanReplaceTheClientsOwn() {
		server.stubFor(get("/v1/models").willReturn(okJson("{\"data\":[]}")));
		try (CerebrasTemplate custom = CerebrasWireMock.template(server)
			.defaultHeader("X-My-Default-Header", "2")
			.defaultHeader("User-Agent", "my-app/1.0")
			.build()) {
			custom.models().list();
		}
		server.verify(getRequestedFor(urlEqualTo("/v1/models")).withHeader("X-My-Default-Header", equalTo("2"))
			.withHeader("User-Agent", equalTo("my-app/1.0")));
	}

	private static tools.jackson.databind.JsonNode json(LoggedRequest request) {
		return json(request.getBodyAsString());
	}

	private static tools.jackson.databind.JsonNode json(String json) {
		return CerebrasJson.mapper().readTree(json);
	}

}
