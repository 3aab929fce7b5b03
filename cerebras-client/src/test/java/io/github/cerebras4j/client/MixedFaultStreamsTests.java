package io.github.cerebras4j.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.error.CerebrasMalformedResponseException;
import io.github.cerebras4j.client.error.InternalServerException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 128 concurrent streams, one in ten of which starts with an in-stream error event or a malformed event, each
 * event written on its own: every healthy stream gets all its chunks intact, every faulty one its own typed
 * exception, and Netty reports no leaked or over-released buffer (the leak detector runs at {@code paranoid} and
 * {@link NettyReports} fails the class on any report). An error event decoded first from a network buffer once
 * released that buffer twice, freeing memory that other connections on the same event loop were still using.
 */
class MixedFaultStreamsTests {

	private static final int STREAMS = 128;

	private static final int CHUNKS = 40;

	@Test
	void faultyStreamsNeverTouchHealthyOnes() throws Exception {
		try (ScriptedSocketServer server = new ScriptedSocketServer((request, exchange) -> {
			exchange.streamHeaders();
			int stream = Integer.parseInt(exchange.requestModel().substring("stream-".length()));
			switch (fault(stream)) {
				case ERROR_EVENT -> exchange.event("{\"status_code\":500,\"error\":{\"message\":\"boom\"}}");
				case MALFORMED_EVENT -> exchange.event("{\"choices\":[{\"delta\":");
				case NONE -> {
				}
			}
			for (int i = 0; i < CHUNKS; i++) {
				exchange.event(chatChunk(token(stream, i)));
			}
			exchange.done();
		}); ReactiveCerebrasTemplate cerebras = ReactiveCerebrasTemplate.builder()
			.apiKey(CerebrasWireMock.API_KEY)
			.baseUrl(server.baseUrl())
			.environment(name -> null)
			.warmUp(false)
			.maxRetries(0)
			.maxConnections(STREAMS)
			.build()) {
			Map<Integer, Object> outcomes = new ConcurrentHashMap<>();

			Flux.range(0, STREAMS)
				.flatMap(stream -> cerebras.chat().completions().stream(request(stream))
					.map(ChatCompletionChunk::content)
					.collectList()
					.<Object>map(tokens -> tokens)
					.onErrorResume(ex -> Mono.just(ex))
					.doOnNext(outcome -> outcomes.put(stream, outcome)), STREAMS)
				.blockLast(Duration.ofSeconds(60));

			assertThat(outcomes).hasSize(STREAMS);
			for (int stream = 0; stream < STREAMS; stream++) {
				Object outcome = outcomes.get(stream);
				switch (fault(stream)) {
					case ERROR_EVENT -> assertThat(outcome).as("stream %d", stream).isInstanceOf(InternalServerException.class);
					case MALFORMED_EVENT ->
						assertThat(outcome).as("stream %d", stream).isInstanceOf(CerebrasMalformedResponseException.class);
					case NONE -> assertThat(outcome).as("stream %d", stream).isEqualTo(expectedTokens(stream));
				}
			}
		}
	}

	private enum Fault {

		NONE, ERROR_EVENT, MALFORMED_EVENT

	}

	private static Fault fault(int stream) {
		if (stream % 10 != 3) {
			return Fault.NONE;
		}
		return ((stream / 10) % 2 == 0) ? Fault.ERROR_EVENT : Fault.MALFORMED_EVENT;
	}

	private static ChatCompletionRequest request(int stream) {
		return ChatCompletionRequest.builder().model("stream-" + stream).user("Hi").build();
	}

	private static String token(int stream, int index) {
		return "s" + stream + "t" + index + " ";
	}

	private static List<String> expectedTokens(int stream) {
		return IntStream.range(0, CHUNKS).mapToObj(index -> token(stream, index)).toList();
	}

	private static String chatChunk(String content) {
		return "{\"id\":\"chatcmpl-7d2\",\"object\":\"chat.completion.chunk\",\"created\":1769729480,"
				+ "\"model\":\"llama3.1-8b\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + content + "\"}}]}";
	}

}
