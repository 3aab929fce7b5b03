package io.github.cerebras4j.client.error;

import java.util.ArrayList;
import java.util.List;

import io.github.cerebras4j.client.core.CerebrasJson;
import io.github.cerebras4j.client.core.RateLimits;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.StringUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The server answered with an error: an HTTP error status, or an error event inside a stream that had already
 * started with HTTP 200. The subclass says which status: {@link BadRequestException} (400),
 * {@link AuthenticationException} (401), {@link PermissionDeniedException} (403), {@link NotFoundException}
 * (404), {@link ConflictException} (409), {@link UnprocessableEntityException} (422), {@link RateLimitException}
 * (429), {@link InternalServerException} (500 and above); any other status is this class itself. Outside a
 * stream the class follows the HTTP status; inside a stream it follows the event's {@code status_code}.
 * <p>
 * The error body may be flat ({@code {"message":...,"type":...,"param":...,"code":...}}), wrapped
 * ({@code {"status_code":...,"error":{...}}}) or not JSON at all; {@link #error()} reads the first two,
 * {@link #body()} keeps the text as sent. The exception is built from the response alone, never from the
 * request, so neither its message nor its fields contain the API key.
 */
public class CerebrasApiException extends CerebrasException {

	private static final String STREAM_ERROR_MESSAGE = "An error occurred during streaming";

	private static final int MAX_MESSAGE_TEXT = 500;

	/** The most characters of a body kept: every real error fits, a hostile one is cut. */
	public static final int MAX_BODY_CHARS = 64 * 1024;

	/** The HTTP status, or the {@code status_code} of an error event of a stream. */
	private final int statusCode;

	/** The response headers, read-only. */
	private final HttpHeaders headers;

	/** The error the body or the error event described, if it was a JSON object. */
	private final @Nullable ApiError error;

	/** The {@code status_code} field of the body or error event, if any. */
	private final @Nullable Integer bodyStatusCode;

	/** The body as sent, cut at {@value #MAX_BODY_CHARS} characters. */
	private final @Nullable String body;

	/** The {@code x-request-id} (or {@code cf-ray}) response header. */
	private final @Nullable String requestId;

	/** The rate-limit headers of the response. */
	private final RateLimits rateLimits;

	/** Whether the error arrived as an event of a stream that had started with HTTP 200. */
	private final boolean inStream;

	CerebrasApiException(Details details) {
		super(message(details));
		this.statusCode = details.statusCode();
		this.headers = HttpHeaders.readOnlyHttpHeaders(HttpHeaders.copyOf(details.headers()));
		this.error = details.error();
		this.bodyStatusCode = details.bodyStatusCode();
		String body = details.body();
		this.body = (body != null && body.length() > MAX_BODY_CHARS) ? excerpt(body, MAX_BODY_CHARS) : body;
		this.requestId = requestId(details.headers());
		this.rateLimits = RateLimits.from(details.headers());
		this.inStream = details.inStream();
	}

	/**
	 * Creates the exception for an HTTP error response, of the subclass the status calls for. Never fails on
	 * the body: text that is not a JSON object is kept in {@link #body()} only.
	 * @param status the HTTP status code
	 * @param headers the response headers
	 * @param body the response body as text, or {@code null} when there was none
	 * @return the exception, not thrown
	 */
	public static CerebrasApiException of(int status, HttpHeaders headers, @Nullable String body) {
		ApiError error = null;
		Integer bodyStatusCode = null;
		JsonNode root = readObject(body);
		if (root != null) {
			JsonNode statusNode = root.get("status_code");
			bodyStatusCode = (statusNode != null && statusNode.isInt()) ? statusNode.intValue() : null;
			JsonNode wrapped = root.get("error");
			boolean isWrapped = wrapped != null && (wrapped.isObject() || wrapped.isString());
			error = readError(isWrapped ? wrapped : root);
		}
		return create(new Details(status, headers, body, error, bodyStatusCode, false));
	}

	/**
	 * Creates the exception for an error event inside a stream. The subclass follows the event's
	 * {@code status_code}; without one the status is 200, the stream's, and the class is this one.
	 * @param chunk the error event
	 * @param headers the headers of the stream's response
	 * @return the exception, not thrown
	 */
	public static CerebrasApiException ofStreamError(ErrorChunk chunk, HttpHeaders headers) {
		Integer statusCode = chunk.statusCode();
		int status = (statusCode != null) ? statusCode : HttpStatus.OK.value();
		return create(new Details(status, headers, chunk.toJson(), chunk.error(), statusCode, true));
	}

	/**
	 * Returns the status: the HTTP status, or for an error inside a stream the event's {@code status_code}
	 * (200 when it has none).
	 * @return the status code
	 */
	public int statusCode() {
		return this.statusCode;
	}

	/**
	 * Returns the response headers.
	 * @return a read-only copy of the headers
	 */
	public HttpHeaders headers() {
		return this.headers;
	}

	/**
	 * Returns the error the server described, from a flat or a wrapped body or the stream's error event.
	 * @return the error, or {@code null} when the body is empty or not a JSON object
	 */
	public @Nullable ApiError error() {
		return this.error;
	}

	/**
	 * Returns the {@code status_code} field of the body or error event. Informational: outside a stream the
	 * class and {@link #statusCode()} follow the HTTP status.
	 * @return the body's status code, or {@code null} when absent
	 */
	public @Nullable Integer bodyStatusCode() {
		return this.bodyStatusCode;
	}

	/**
	 * Returns the body as sent, the only information when it is not JSON; for an error inside a stream, the
	 * error event's JSON. A body longer than {@value #MAX_BODY_CHARS} characters is cut, ending in {@code ...}.
	 * @return the body text, or {@code null} when there was none
	 */
	public @Nullable String body() {
		return this.body;
	}

	/**
	 * Returns the id of the request to quote to Cerebras support: the {@code x-request-id} response header, or
	 * else {@code cf-ray}.
	 * @return the request id, or {@code null} when the response has neither header
	 */
	public @Nullable String requestId() {
		return this.requestId;
	}

	/**
	 * Returns the rate-limit headers of the response.
	 * @return the rate limits, {@link RateLimits#NONE} when there are none
	 */
	public RateLimits rateLimits() {
		return this.rateLimits;
	}

	/**
	 * Tells whether the error arrived inside a stream, after HTTP 200 and possibly after some chunks.
	 * @return {@code true} for an error event of a stream
	 */
	public boolean inStream() {
		return this.inStream;
	}

	private static CerebrasApiException create(Details details) {
		int status = details.statusCode();
		return switch (status) {
			case 400 -> new BadRequestException(details);
			case 401 -> new AuthenticationException(details);
			case 403 -> new PermissionDeniedException(details);
			case 404 -> new NotFoundException(details);
			case 409 -> new ConflictException(details);
			case 422 -> new UnprocessableEntityException(details);
			case 429 -> new RateLimitException(details);
			default -> (status >= 500) ? new InternalServerException(details) : new CerebrasApiException(details);
		};
	}

	private static @Nullable JsonNode readObject(@Nullable String body) {
		if (!StringUtils.hasText(body)) {
			return null;
		}
		try {
			JsonNode node = CerebrasJson.mapper().readTree(body);
			return node.isObject() ? node : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static @Nullable ApiError readError(JsonNode node) {
		try {
			return CerebrasJson.mapper().treeToValue(node, ApiError.class);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static @Nullable String requestId(HttpHeaders headers) {
		String requestId = headers.getFirst("x-request-id");
		if (StringUtils.hasText(requestId)) {
			return requestId;
		}
		String cfRay = headers.getFirst("cf-ray");
		return StringUtils.hasText(cfRay) ? cfRay : null;
	}

	private static String message(Details details) {
		StringBuilder message = new StringBuilder().append(details.statusCode());
		HttpStatus status = HttpStatus.resolve(details.statusCode());
		if (status != null) {
			message.append(' ').append(status.getReasonPhrase());
		}
		List<String> notes = new ArrayList<>();
		String text = text(details);
		if (text != null) {
			message.append(": ").append(excerpt(text, MAX_MESSAGE_TEXT));
		}
		else {
			notes.add("no body");
		}
		ApiError error = details.error();
		if (error != null && StringUtils.hasText(error.type())) {
			notes.add("type: " + error.type());
		}
		if (error != null && StringUtils.hasText(error.code())) {
			notes.add("code: " + error.code());
		}
		String requestId = requestId(details.headers());
		if (requestId != null) {
			notes.add("request id: " + requestId);
		}
		if (details.inStream()) {
			notes.add("in stream");
		}
		if (!notes.isEmpty()) {
			message.append(" (").append(String.join(", ", notes)).append(')');
		}
		return message.toString();
	}

	private static @Nullable String text(Details details) {
		ApiError error = details.error();
		if (error != null && StringUtils.hasText(error.message())) {
			return error.message();
		}
		if (details.inStream()) {
			return STREAM_ERROR_MESSAGE;
		}
		return StringUtils.hasText(details.body()) ? details.body() : null;
	}

	/**
	 * What an exception is built from.
	 */
	record Details(int statusCode, HttpHeaders headers, @Nullable String body, @Nullable ApiError error,
			@Nullable Integer bodyStatusCode, boolean inStream) {
	}

}
