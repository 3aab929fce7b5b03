package io.github.cerebras4j.client.error;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.cerebras4j.client.core.ApiObject;
import io.github.cerebras4j.client.core.CerebrasJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An error in the wrapped shape {@code {"status_code": 429, "error": {...}}}: the event that reports a failure
 * inside a stream after HTTP 200 was sent, and one of the two shapes of an error response body.
 *
 * @param statusCode the HTTP status the error stands for
 * @param error the error itself
 * @param extra fields this library does not know yet
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorChunk(@Nullable Integer statusCode, @Nullable ApiError error,
		@JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements ApiObject {

	/**
	 * Creates an error event of a stream; {@code extra} is kept as an unmodifiable copy, empty when {@code null}.
	 * @param statusCode the HTTP status the error stands for
	 * @param error the error itself
	 * @param extra fields this library does not know yet
	 */
	public ErrorChunk {
		extra = CerebrasJson.extra(extra);
	}

}
