package io.github.cerebras4j.client.error;

import java.time.Duration;
import java.util.Map;
import io.github.cerebras4j.client.core.RateLimits;
import io.github.cerebras4j.client.core.RateLimits.Bucket;
import io.github.cerebras4j.client.core.RateLimits.Window;
import io.github.cerebras4j.client.core.CerebrasJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CerebrasApiExceptionTest {

	@ParameterizedTest(name = "{0} -> {1}")
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
			599, InternalServerException
			402, CerebrasApiException
			405, CerebrasApiException
			408, CerebrasApiException
			418, CerebrasApiException
			302, CerebrasApiException
			""")
	void httpStatusChoosesTheClass(int status, String className) {
		CerebrasApiException exception = CerebrasApiException.of(status, HttpHeaders.EMPTY, null);

		assertThat(exception.getClass().getSimpleName()).isEqualTo(className);
		assertThat(exception.statusCode()).isEqualTo(status);
		assertThat(exception.inStream()).isFalse();
	}

	@Test
	void flatBodyIsReadAsTheError() {
		String body = """
				{"message":"type: Input should be 'text'","type":"invalid_request_error","param":"validation_error","code":"wrong_api_format"}""";

		CerebrasApiException exception = CerebrasApiException.of(400, HttpHeaders.EMPTY, body);

		assertThat(exception.error()).isEqualTo(new ApiError("type: Input should be 'text'", "invalid_request_error",
				"validation_error", "wrong_api_format", null, Map.of()));
		assertThat(exception.bodyStatusCode()).isNull();
		assertThat(exception.body()).isEqualTo(body);
		assertThat(exception).hasMessage(
				"400 Bad Request: type: Input should be 'text' (type: invalid_request_error, code: wrong_api_format)");
	}

	@Test
	void messageNamesTypeCodeAndRequestId() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("x-request-id", "abc");

		CerebrasApiException exception = CerebrasApiException.of(429, headers, """
				{"message":"Rate limit exceeded","type":"rate_limit_error","code":"rate_limit_error"}""");

		assertThat(exception).hasMessage(
				"429 Too Many Requests: Rate limit exceeded (type: rate_limit_error, code: rate_limit_error, request id: abc)");
	}

	@Test
	void wrappedBodyIsReadWhileTheClassFollowsTheHttpStatus() {
		String body = """
				{"status_code":429,"error":{"message":"Too many tokens","type":"rate_limit_error","id":"err-1"}}""";

		CerebrasApiException exception = CerebrasApiException.of(400, HttpHeaders.EMPTY, body);

		assertThat(exception).isExactlyInstanceOf(BadRequestException.class);
		assertThat(exception.statusCode()).isEqualTo(400);
		assertThat(exception.bodyStatusCode()).isEqualTo(429);
		assertThat(exception.error())
			.isEqualTo(new ApiError("Too many tokens", "rate_limit_error", null, null, "err-1", Map.of()));
		assertThat(exception).hasMessage("400 Bad Request: Too many tokens (type: rate_limit_error)");
	}

	@Test
	void wrappedErrorGivenAsAStringIsTheMessage() {
		CerebrasApiException exception = CerebrasApiException.of(401, HttpHeaders.EMPTY, """
				{"error":"Invalid API key"}""");

		assertThat(exception.error()).isNotNull();
		assertThat(exception.error().message()).isEqualTo("Invalid API key");
		assertThat(exception).hasMessage("401 Unauthorized: Invalid API key");
	}

	@Test
	void unknownFieldsOfTheErrorAreKept() {
		CerebrasApiException exception = CerebrasApiException.of(400, HttpHeaders.EMPTY, """
				{"message":"bad","type":"invalid_request_error","docs":"https://example.com","limits":{"max":5}}""");

		assertThat(exception.error()).isNotNull();
		assertThat(exception.error().extra())
			.isEqualTo(Map.of("docs", "https://example.com", "limits", Map.of("max", 5)));
		assertThat(exception).hasMessage("400 Bad Request: bad (type: invalid_request_error)");
	}

	@Test
	void nonJsonBodyIsKeptRawAndIsTheMessage() {
		String body = "<html>upstream connect error</html>\n";

		CerebrasApiException exception = CerebrasApiException.of(502, HttpHeaders.EMPTY, body);

		assertThat(exception).isExactlyInstanceOf(InternalServerException.class);
		assertThat(exception.error()).isNull();
		assertThat(exception.body()).isEqualTo(body);
		assertThat(exception).hasMessage("502 Bad Gateway: <html>upstream connect error</html>");
	}

	@Test
	void longBodyIsTruncatedInTheMessageButKeptWhole() {
		String body = "x".repeat(2000);

		CerebrasApiException exception = CerebrasApiException.of(502, HttpHeaders.EMPTY, body);

		assertThat(exception.getMessage()).isEqualTo("502 Bad Gateway: " + "x".repeat(497) + "...");
		assertThat(exception.body()).isEqualTo(body);
	}

	@Test
	void emptyOrMissingBodyIsSaid() {
		assertThat(CerebrasApiException.of(503, HttpHeaders.EMPTY, "")).hasMessage("503 Service Unavailable (no body)");
		assertThat(CerebrasApiException.of(503, HttpHeaders.EMPTY, "  \n"))
			.hasMessage("503 Service Unavailable (no body)");
		assertThat(CerebrasApiException.of(503, HttpHeaders.EMPTY, null))
			.hasMessage("503 Service Unavailable (no body)");
	}

	@Test
	void unknownStatusIsJustTheNumber() {
		assertThat(CerebrasApiException.of(499, HttpHeaders.EMPTY, "closed")).hasMessage("499: closed");
		assertThat(CerebrasApiException.of(599, HttpHeaders.EMPTY, null)).hasMessage("599 (no body)");
	}

	@Test
	void jsonThatIsNotAnObjectIsKeptRaw() {
		CerebrasApiException string = CerebrasApiException.of(400, HttpHeaders.EMPTY, "\"oops\"");
		CerebrasApiException array = CerebrasApiException.of(400, HttpHeaders.EMPTY, "[1]");

		assertThat(string.error()).isNull();
		assertThat(string).hasMessage("400 Bad Request: \"oops\"");
		assertThat(array.error()).isNull();
		assertThat(array).hasMessage("400 Bad Request: [1]");
	}

	@Test
	void objectWithoutMessageShowsTheBody() {
		CerebrasApiException exception = CerebrasApiException.of(404, HttpHeaders.EMPTY, """
				{"detail":"Not Found"}""");

		assertThat(exception.error()).isNotNull();
		assertThat(exception.error().extra()).containsEntry("detail", "Not Found");
		assertThat(exception).hasMessage("404 Not Found: {\"detail\":\"Not Found\"}");
	}

	@Test
	void errorThatCannotBeMappedLeavesOnlyTheBody() {
		String body = """
				{"message":{"text":"nested"},"status_code":"429"}""";

		CerebrasApiException exception = CerebrasApiException.of(400, HttpHeaders.EMPTY, body);

		assertThat(exception.error()).isNull();
		assertThat(exception.bodyStatusCode()).isNull();
		assertThat(exception).hasMessage("400 Bad Request: " + body);
	}

	@Test
	void truncatedJsonIsKeptRaw() {
		CerebrasApiException exception = CerebrasApiException.of(500, HttpHeaders.EMPTY, "{\"message\":\"cut");

		assertThat(exception.error()).isNull();
		assertThat(exception).hasMessage("500 Internal Server Error: {\"message\":\"cut");
	}

	@Test
	void requestIdComesFromXRequestIdFirst() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("X-Request-Id", "req-1");
		headers.add("CF-RAY", "8c9f-SJC");

		assertThat(CerebrasApiException.of(500, headers, null).requestId()).isEqualTo("req-1");
	}

	@Test
	void requestIdFallsBackToCfRay() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("cf-ray", "8c9f-SJC");

		CerebrasApiException exception = CerebrasApiException.of(500, headers, null);

		assertThat(exception.requestId()).isEqualTo("8c9f-SJC");
		assertThat(exception).hasMessage("500 Internal Server Error (no body, request id: 8c9f-SJC)");
	}

	@Test
	void noRequestIdWithoutEitherHeader() {
		assertThat(CerebrasApiException.of(500, HttpHeaders.EMPTY, null).requestId()).isNull();
	}

	@Test
	void rateLimitHeadersAreExposed() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("x-ratelimit-remaining-tokens-minute", "0");
		headers.add("x-ratelimit-reset-tokens-minute", "11.5");

		CerebrasApiException exception = CerebrasApiException.of(429, headers, null);

		assertThat(exception.rateLimits().tokens(Window.MINUTE))
			.isEqualTo(new Bucket(null, 0L, Duration.ofMillis(11500)));
		assertThat(CerebrasApiException.of(429, HttpHeaders.EMPTY, null).rateLimits()).isSameAs(RateLimits.NONE);
	}

	@Test
	void rateLimitExceptionCarriesTheUncappedRetryAfter() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("retry-after", "3600");

		RateLimitException exception = (RateLimitException) CerebrasApiException.of(429, headers, null);

		assertThat(exception.retryAfter()).isEqualTo(Duration.ofHours(1));
		assertThat(((RateLimitException) CerebrasApiException.of(429, HttpHeaders.EMPTY, null)).retryAfter()).isNull();
	}

	@Test
	void headersAreAReadOnlyCopy() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("x-request-id", "req-1");

		CerebrasApiException exception = CerebrasApiException.of(500, headers, null);
		headers.add("x-late", "1");

		assertThat(exception.headers().getFirst("X-Request-Id")).isEqualTo("req-1");
		assertThat(exception.headers().containsHeader("x-late")).isFalse();
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> exception.headers().add("x-other", "1"));
	}

	@Test
	void streamErrorWithStatus429IsARateLimitException() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("x-request-id", "abc");

		CerebrasApiException exception = CerebrasApiException.ofStreamError(chunk("""
				{"status_code":429,"error":{"message":"x","type":"rate_limit_error"}}"""), headers);

		assertThat(exception).isExactlyInstanceOf(RateLimitException.class);
		assertThat(exception.statusCode()).isEqualTo(429);
		assertThat(exception.bodyStatusCode()).isEqualTo(429);
		assertThat(exception.inStream()).isTrue();
		assertThat(exception.error().message()).isEqualTo("x");
		assertThat(exception).hasMessage("429 Too Many Requests: x (type: rate_limit_error, request id: abc, in stream)");
	}

	@Test
	void streamErrorWithStatus500IsAnInternalServerException() {
		CerebrasApiException exception = CerebrasApiException.ofStreamError(chunk("""
				{"status_code":500,"error":{"message":"engine failure"}}"""), HttpHeaders.EMPTY);

		assertThat(exception).isExactlyInstanceOf(InternalServerException.class);
		assertThat(exception).hasMessage("500 Internal Server Error: engine failure (in stream)");
	}

	@Test
	void streamErrorWithoutStatusIsPlainWithTheStreamsStatus() {
		CerebrasApiException exception = CerebrasApiException.ofStreamError(chunk("""
				{"error":{"message":"model unloaded"}}"""), HttpHeaders.EMPTY);

		assertThat(exception).isExactlyInstanceOf(CerebrasApiException.class);
		assertThat(exception.statusCode()).isEqualTo(200);
		assertThat(exception.bodyStatusCode()).isNull();
		assertThat(exception).hasMessage("200 OK: model unloaded (in stream)");
	}

	@Test
	void streamErrorWithoutMessageHasTheFallbackMessage() {
		String[] events = { """
				{"status_code":429,"error":{"type":"rate_limit_error"}}""", """
				{"status_code":429,"error":{"message":""}}""", """
				{"status_code":429,"error":{}}""" };
		for (String event : events) {
			assertThat(CerebrasApiException.ofStreamError(chunk(event), HttpHeaders.EMPTY).getMessage())
				.startsWith("429 Too Many Requests: An error occurred during streaming (");
		}
	}

	@Test
	void streamErrorBodyIsTheEvent() {
		String event = """
				{"status_code":429,"error":{"message":"x"},"trace":"t-1"}""";

		CerebrasApiException exception = CerebrasApiException.ofStreamError(chunk(event), HttpHeaders.EMPTY);

		assertThat(CerebrasJson.mapper().readTree(exception.body())).isEqualTo(CerebrasJson.mapper().readTree(event));
	}

	private static ErrorChunk chunk(String json) {
		return CerebrasJson.fromJson(json, ErrorChunk.class);
	}

}
