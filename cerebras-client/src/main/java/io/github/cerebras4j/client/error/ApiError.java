package io.github.cerebras4j.client.error;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.cerebras4j.client.core.ApiObject;
import io.github.cerebras4j.client.core.CerebrasJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The error object the API sends: the whole body of an error response (for example
 * {@code {"message":"...","type":"invalid_request_error","param":"validation_error","code":"wrong_api_format"}})
 * or the {@code error} member of a wrapped body or an in-stream {@link ErrorChunk}. A bare JSON string where an
 * error object is expected is read as the message.
 *
 * @param message the human-readable explanation
 * @param type the error category, for example {@code invalid_request_error}
 * @param param the parameter the error is about, if any
 * @param code a machine-readable error code, for example {@code wrong_api_format}
 * @param id an identifier of the error occurrence
 * @param extra fields this library does not know yet
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(@Nullable String message, @Nullable String type, @Nullable String param,
		@Nullable String code, @Nullable String id,
		@JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements ApiObject {

	/**
	 * Creates an error; {@code extra} is kept as an unmodifiable copy, empty when {@code null}.
	 * @param message the human-readable explanation
	 * @param type the error category, for example {@code invalid_request_error}
	 * @param param the parameter the error is about, if any
	 * @param code a machine-readable error code, for example {@code wrong_api_format}
	 * @param id an identifier of the error occurrence
	 * @param extra fields this library does not know yet
	 */
	public ApiError {
		extra = CerebrasJson.extra(extra);
	}

	/**
	 * Reads a bare JSON string, as some proxies send {@code {"error": "..."}}, as the message.
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	static ApiError ofMessage(String message) {
		return new ApiError(message, null, null, null, null, Map.of());
	}

}
