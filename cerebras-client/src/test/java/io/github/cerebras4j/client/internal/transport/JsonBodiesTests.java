package io.github.cerebras4j.client.internal.transport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.cerebras4j.client.chat.ChatCompletion;
import io.github.cerebras4j.client.core.ResponseMetadata;
import io.github.cerebras4j.client.error.CerebrasMalformedResponseException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientResponse;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link JsonBodies} alone, on {@link ClientResponse}s built in memory from Netty buffers whose reference counts show
 * that every buffer is released: the body decodes into the type with the response's metadata, an empty or malformed
 * body is a {@link CerebrasMalformedResponseException} with the text, a body over the limit is not joined.
 */
class JsonBodiesTests {

	private static final ApiCall CALL = new ApiCall(HttpMethod.POST, "/v1/chat/completions", Map.of(), new byte[0], "chat", "llama3.1-8b");

	private static final String COMPLETION = """
			{"id":"chatcmpl-1","object":"chat.completion","created":1735689600,"model":"llama3.1-8b",\
			"system_fingerprint":"fp_1","choices":[{"index":0,"message":{"role":"assistant","content":"Hello"},\
			"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}""";

	private final NettyDataBufferFactory factory = new NettyDataBufferFactory(UnpooledByteBufAllocator.DEFAULT);

	private final List<ByteBuf> sent = new ArrayList<>();

	@Test
	void bodySplitAcrossBuffersDecodesWithTheMetadata() {
		int half = COMPLETION.length() / 2;
		HttpHeaders headers = new HttpHeaders();
		headers.set("x-request-id", "req-1");
		ResponseMetadata metadata = new ResponseMetadata(HttpStatus.OK, headers, 2);

		StepVerifier.create(JsonBodies.read(CALL, response(COMPLETION.substring(0, half), COMPLETION.substring(half)),
				metadata, ChatCompletion.class))
			.assertNext(raw -> {
				assertThat(raw.getBody().content()).isEqualTo("Hello");
				assertThat(raw.getBody().model()).isEqualTo("llama3.1-8b");
				assertThat(raw.getBody().usage().totalTokens()).isEqualTo(4);
				assertThat(raw.getStatusCode()).isEqualTo(HttpStatus.OK);
				assertThat(raw.getHeaders().getFirst("x-request-id")).isEqualTo("req-1");
				assertThat(raw.retriesTaken()).isEqualTo(2);
			})
			.verifyComplete();
		assertReleased();
	}

	@Test
	void emptyBodyIsMalformed() {
		StepVerifier.create(JsonBodies.read(CALL, response(), metadata(), ChatCompletion.class))
			.expectErrorSatisfies(ex -> {
				assertThat(ex).isInstanceOf(CerebrasMalformedResponseException.class).hasMessageContaining("empty body");
				assertThat(((CerebrasMalformedResponseException) ex).excerpt()).isEmpty();
			})
			.verify();
	}

	@Test
	void malformedJsonIsMalformedCarryingTheTextAndReleasesTheBuffers() {
		StepVerifier.create(JsonBodies.read(CALL, response("{\"id\":", " oops}"), metadata(), ChatCompletion.class))
			.expectErrorSatisfies(ex -> {
				assertThat(ex).isInstanceOf(CerebrasMalformedResponseException.class)
					.hasMessage("The response body is not the JSON expected: {\"id\": oops}");
				assertThat(((CerebrasMalformedResponseException) ex).excerpt()).isEqualTo("{\"id\": oops}");
			})
			.verify();
		assertReleased();
	}

	@Test
	void jsonNullIsMalformed() {
		StepVerifier.create(JsonBodies.read(CALL, response("null"), metadata(), ChatCompletion.class))
			.expectErrorSatisfies(ex -> assertThat(ex).isInstanceOf(CerebrasMalformedResponseException.class)
				.hasMessageContaining("null"))
			.verify();
		assertReleased();
	}

	@Test
	void bodyOverTheLimitFailsWithoutReadingTheRest() {
		// one megabyte shared by every buffer: the body is large, the test's memory is not
		byte[] megabyte = new byte[1024 * 1024];
		AtomicInteger emitted = new AtomicInteger();
		Flux<DataBuffer> body = Flux.range(0, 1_000)
			.map(i -> track(Unpooled.wrappedBuffer(megabyte)))
			.doOnNext(buffer -> emitted.incrementAndGet());
		ClientResponse response = ClientResponse.create(HttpStatus.OK).body(body).build();

		StepVerifier.create(JsonBodies.read(CALL, response, metadata(), ChatCompletion.class))
			.expectError(DataBufferLimitException.class)
			.verify();
		assertThat(emitted).hasValueLessThanOrEqualTo(JsonBodies.MAX_BODY_BYTES / megabyte.length + 1);
		assertReleased();
	}

	private ClientResponse response(String... parts) {
		Flux<DataBuffer> body = Flux.fromArray(parts)
			.map(part -> track(Unpooled.copiedBuffer(part, StandardCharsets.UTF_8)));
		return ClientResponse.create(HttpStatus.OK).header("Content-Type", "application/json").body(body).build();
	}

	private DataBuffer track(ByteBuf buffer) {
		this.sent.add(buffer);
		return this.factory.wrap(buffer);
	}

	private void assertReleased() {
		assertThat(this.sent).isNotEmpty().allSatisfy(buffer -> assertThat(buffer.refCnt()).isZero());
	}

	private static ResponseMetadata metadata() {
		return new ResponseMetadata(HttpStatus.OK, new HttpHeaders(), 0);
	}

}
