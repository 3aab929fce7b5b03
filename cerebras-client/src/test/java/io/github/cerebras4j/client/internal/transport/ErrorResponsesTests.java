package io.github.cerebras4j.client.internal.transport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.cerebras4j.client.error.CerebrasApiException;
import io.github.cerebras4j.client.error.CerebrasMalformedResponseException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.client.ClientResponse;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ErrorResponses} alone, on {@link ClientResponse}s built in memory: an error status becomes its typed
 * {@link CerebrasApiException} with the status, headers and parsed body, read up to
 * {@link ErrorResponses#MAX_ERROR_BODY_BYTES} and scrubbed of the key; a stream answered with something else than
 * server-sent events is a {@link CerebrasMalformedResponseException}.
 */
class ErrorResponsesTests {

	private static final String KEY = "csk-errors-secret";

	private final ErrorResponses errors = new ErrorResponses(new Secret(KEY));

	private final NettyDataBufferFactory factory = new NettyDataBufferFactory(UnpooledByteBufAllocator.DEFAULT);

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource(textBlock = """
			400, BadRequestException
			401, AuthenticationException
			403, PermissionDeniedException
			404, NotFoundException
			409, ConflictException
			422, UnprocessableEntityException
			429, RateLimitException
			500, InternalServerException
			503, InternalServerException
			418, CerebrasApiException
			""")
	void errorStatusBecomesItsTypedException(int status, String type) {
		ClientResponse response = ClientResponse.create(HttpStatusCode.valueOf(status))
			.header("Content-Type", "application/json")
			.header("x-request-id", "req-1")
			.body("{\"message\":\"It failed\",\"type\":\"some_error\",\"code\":\"some_code\"}")
			.build();

		StepVerifier.create(this.errors.error(response)).expectErrorSatisfies(ex -> {
			assertThat(ex.getClass().getSimpleName()).isEqualTo(type);
			CerebrasApiException api = (CerebrasApiException) ex;
			assertThat(api.statusCode()).isEqualTo(status);
			assertThat(api.headers().getFirst("x-request-id")).isEqualTo("req-1");
			assertThat(api.requestId()).isEqualTo("req-1");
			assertThat(api.error()).isNotNull();
			assertThat(api.error().message()).isEqualTo("It failed");
			assertThat(api.error().type()).isEqualTo("some_error");
			assertThat(api.body()).isEqualTo("{\"message\":\"It failed\",\"type\":\"some_error\",\"code\":\"some_code\"}");
			assertThat(api.inStream()).isFalse();
		}).verify();
	}

	@Test
	void errorBodyIsReadOnlyUpToTheLimitAndReleased() {
		List<ByteBuf> sent = new ArrayList<>();
		AtomicBoolean cancelled = new AtomicBoolean();
		Flux<DataBuffer> endless = Flux.range(0, 1_000).<DataBuffer>map(i -> {
			ByteBuf buffer = Unpooled.copiedBuffer("x".repeat(1024), StandardCharsets.UTF_8);
			sent.add(buffer);
			return this.factory.wrap(buffer);
		}).doOnCancel(() -> cancelled.set(true));
		ClientResponse response = ClientResponse.create(HttpStatus.INTERNAL_SERVER_ERROR).body(endless).build();

		StepVerifier.create(this.errors.error(response))
			.expectErrorSatisfies(ex -> assertThat(((CerebrasApiException) ex).body()).startsWith("xxx"))
			.verify();
		// the body is cancelled once the limit is reached, not read to its end
		assertThat(cancelled).isTrue();
		assertThat(sent).hasSizeLessThanOrEqualTo(ErrorResponses.MAX_ERROR_BODY_BYTES / 1024 + 1)
			.allSatisfy(buffer -> assertThat(buffer.refCnt()).isZero());
	}

	@Test
	void keyEchoedInTheBodyIsScrubbed() {
		ClientResponse response = ClientResponse.create(HttpStatus.UNAUTHORIZED)
			.header("Content-Type", "application/json")
			.body("{\"message\":\"Wrong API key " + KEY + "\",\"type\":\"invalid_request_error\"}")
			.build();

		StepVerifier.create(this.errors.error(response)).expectErrorSatisfies(ex -> {
			CerebrasApiException api = (CerebrasApiException) ex;
			assertThat(api.body()).doesNotContain(KEY).contains("Wrong API key [REDACTED]");
			assertThat(api.getMessage()).doesNotContain(KEY).contains("[REDACTED]");
			assertThat(api.error().message()).isEqualTo("Wrong API key [REDACTED]");
		}).verify();
	}

	@Test
	void streamAnsweredWithAnotherContentTypeIsMalformedNamingIt() {
		ClientResponse response = ClientResponse.create(HttpStatus.OK)
			.header("Content-Type", "application/json")
			.body("{\"unexpected\":\"" + KEY + "\"}")
			.build();

		StepVerifier.create(this.errors.notAnEventStream(response)).expectErrorSatisfies(ex -> {
			assertThat(ex).isInstanceOf(CerebrasMalformedResponseException.class)
				.hasMessageContaining("status 200")
				.hasMessageContaining("content type application/json instead of text/event-stream")
				.hasMessageNotContaining(KEY);
			assertThat(((CerebrasMalformedResponseException) ex).excerpt()).isEqualTo("{\"unexpected\":\"[REDACTED]\"}");
		}).verify();
	}

	@Test
	void streamAnsweredWithAnUnparseableContentTypeIsMalformedNamingIt() {
		ClientResponse response = ClientResponse.create(HttpStatus.OK).header("Content-Type", "nonsense").body("x").build();

		assertThat(ErrorResponses.isEventStream(response)).isFalse();
		StepVerifier.create(this.errors.notAnEventStream(response))
			.expectErrorSatisfies(ex -> assertThat(ex).isInstanceOf(CerebrasMalformedResponseException.class)
				.hasMessageContaining("nonsense"))
			.verify();
	}

	@Test
	void eventStreamIsRecognisedWithParameters() {
		assertThat(ErrorResponses.isEventStream(withContentType("text/event-stream;charset=utf-8"))).isTrue();
		assertThat(ErrorResponses.isEventStream(withContentType("text/event-stream"))).isTrue();
		assertThat(ErrorResponses.isEventStream(withContentType("application/json"))).isFalse();
		assertThat(ErrorResponses.isEventStream(ClientResponse.create(HttpStatus.OK).build())).isFalse();
	}

	@Test
	void onlyTwoHundredsAreSuccesses() {
		assertThat(ErrorResponses.isSuccess(ClientResponse.create(HttpStatus.OK).build())).isTrue();
		assertThat(ErrorResponses.isSuccess(ClientResponse.create(HttpStatus.NO_CONTENT).build())).isTrue();
		assertThat(ErrorResponses.isSuccess(ClientResponse.create(HttpStatus.FOUND).build())).isFalse();
		assertThat(ErrorResponses.isSuccess(ClientResponse.create(HttpStatus.TOO_MANY_REQUESTS).build())).isFalse();
	}

	private static ClientResponse withContentType(String contentType) {
		return ClientResponse.create(HttpStatus.OK).header("Content-Type", contentType).build();
	}

}
