package io.github.cerebras4j.client;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.fixtures.TestCertificates;

/**
 * Test fixtures shared by the tests that cross HTTP: a WireMock server on 127.0.0.1 and a random port, and
 * realistic Cerebras payloads.
 */
final class CerebrasWireMock {

	static final String API_KEY = "csk-test-7f3a9c2e5b8d1f4a6c0e9b2d";

	private CerebrasWireMock() {
	}

	/**
	 * Streams a chat completion and returns the content of its chunks, in order.
	 */
	static List<String> streamedContent(CerebrasTemplate cerebras, ChatCompletionRequest request) {
		List<String> content = new ArrayList<>();
		try (CerebrasStream<ChatCompletionChunk> stream = cerebras.chat().completions().stream(request)) {
			for (ChatCompletionChunk chunk : stream) {
				if (chunk.hasContent()) {
					content.add(chunk.content());
				}
			}
		}
		return content;
	}

	static WireMockExtension server() {
		return WireMockExtension.newInstance()
			.options(WireMockConfiguration.wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
			.build();
	}

	/**
	 * A WireMock server on 127.0.0.1 and a random port that speaks only HTTPS, with a certificate of
	 * {@link TestCertificates}; its base URL is {@link #httpsBaseUrl(WireMockExtension)}.
	 */
	static WireMockExtension httpsServer(TestCertificates.Certificate certificate) {
		return WireMockExtension.newInstance().options(https(certificate)).build();
	}

	/** The options of an HTTPS-only WireMock server on 127.0.0.1 with a certificate of {@link TestCertificates}. */
	static WireMockConfiguration https(TestCertificates.Certificate certificate) {
		return WireMockConfiguration.wireMockConfig()
			.bindAddress("127.0.0.1")
			.httpDisabled(true)
			.dynamicHttpsPort()
			.keystoreType("PKCS12")
			.keystorePath(certificate.keyStore().toString())
			.keystorePassword(TestCertificates.PASSWORD)
			.keyManagerPassword(TestCertificates.PASSWORD);
	}

	static String httpsBaseUrl(WireMockExtension server) {
		return "https://127.0.0.1:" + server.getHttpsPort();
	}

	/** A blocking template on a base URL, without retries or warm-up unless a test turns them on. */
	static CerebrasClientBuilder<CerebrasTemplate> template(String baseUrl) {
		return configure(CerebrasTemplate.builder(), baseUrl);
	}

	/** A blocking template on the server, without retries or warm-up unless a test turns them on. */
	static CerebrasClientBuilder<CerebrasTemplate> template(WireMockExtension server) {
		return configure(CerebrasTemplate.builder(), server);
	}

	/** A reactive template on the server, without retries or warm-up unless a test turns them on. */
	static CerebrasClientBuilder<ReactiveCerebrasTemplate> reactive(WireMockExtension server) {
		return configure(ReactiveCerebrasTemplate.builder(), server);
	}

	/** A blocking template on a scripted socket server, without retries or warm-up unless a test turns them on. */
	static CerebrasClientBuilder<CerebrasTemplate> template(ScriptedSocketServer server) {
		return configure(CerebrasTemplate.builder(), server.baseUrl());
	}

	/** A reactive template on a scripted socket server, without retries or warm-up unless a test turns them on. */
	static CerebrasClientBuilder<ReactiveCerebrasTemplate> reactive(ScriptedSocketServer server) {
		return configure(ReactiveCerebrasTemplate.builder(), server.baseUrl());
	}

	private static <T> CerebrasClientBuilder<T> configure(CerebrasClientBuilder<T> builder, WireMockExtension server) {
		return configure(builder, server.baseUrl());
	}

	private static <T> CerebrasClientBuilder<T> configure(CerebrasClientBuilder<T> builder, String baseUrl) {
		return builder.apiKey(API_KEY).baseUrl(baseUrl).environment(name -> null).maxRetries(0).warmUp(false);
	}

	static String chatCompletion() {
		return """
				{"id":"chatcmpl-4c7e1c4f","object":"chat.completion","created":1769729480,"model":"llama3.1-8b",
				 "system_fingerprint":"fp_70185065a4","service_tier":null,
				 "choices":[{"index":0,"finish_reason":"stop","logprobs":null,"reasoning_logprobs":null,
				   "message":{"role":"assistant","content":"Fast inference makes AI feel instant.","tool_calls":null}}],
				 "usage":{"prompt_tokens":15,"completion_tokens":9,"total_tokens":24,
				   "prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}},
				 "time_info":{"queue_time":0.000193,"prompt_time":0.000873,"completion_time":0.00431,
				   "total_time":0.00693,"created":1769729480.0787008}}
				""";
	}

	/** A chat stream in the shape observed on the wire: role chunk, content chunks, an empty delta, a final chunk with finish_reason, usage and time_info. */
	static String chatStream(List<String> tokens) {
		String head = "{\"id\":\"chatcmpl-9b1\",\"object\":\"chat.completion.chunk\",\"created\":1769729480,"
				+ "\"model\":\"llama3.1-8b\",\"system_fingerprint\":\"fp_70185065a4\",";
		StringBuilder body = new StringBuilder();
		body.append("data: ").append(head).append("\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"}}]}\n\n");
		for (String token : tokens) {
			body.append("data: ").append(head).append("\"choices\":[{\"index\":0,\"delta\":{\"content\":\"")
				.append(token).append("\"}}]}\n\n");
		}
		body.append("data: ").append(head).append("\"choices\":[{\"index\":0,\"delta\":{}}]}\n\n");
		body.append("data: ").append(head).append("\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],")
			.append("\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":").append(tokens.size())
			.append(",\"total_tokens\":").append(12 + tokens.size()).append("},")
			.append("\"time_info\":{\"queue_time\":0.0002,\"prompt_time\":0.001,\"completion_time\":0.004,")
			.append("\"total_time\":0.006,\"created\":1769729480.0787008}}\n\n");
		body.append("data: [DONE]\n\n");
		return body.toString();
	}

	/**
	 * Returns the first events of a body of server-sent events.
	 * @param body the events, each ending with a blank line
	 * @param count how many, at least 1
	 * @return the first {@code count} events
	 */
	static String firstEvents(String body, int count) {
		int end = 0;
		for (int i = 0; i < count; i++) {
			end = body.indexOf("\n\n", end) + 2;
			if (end < 2) {
				throw new IllegalArgumentException("The body has fewer than " + count + " events");
			}
		}
		return body.substring(0, end);
	}

	static List<String> words(int count) {
		return java.util.stream.IntStream.range(0, count).mapToObj(i -> "w" + i + " ").collect(Collectors.toList());
	}

}
