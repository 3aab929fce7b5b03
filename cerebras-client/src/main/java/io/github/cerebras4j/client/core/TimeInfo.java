package io.github.cerebras4j.client.core;

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
 * The server's own timing of a completion, in seconds. In a stream it arrives only on the final chunk.
 *
 * @param queueTime time the request waited in the server's queue
 * @param promptTime time spent processing the prompt
 * @param completionTime time spent generating the completion
 * @param totalTime the whole request on the server
 * @param created when the server created the response, in Unix seconds with a fraction
 * @param extra fields this library does not know yet
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimeInfo(@Nullable Double queueTime, @Nullable Double promptTime, @Nullable Double completionTime,
		@Nullable Double totalTime, @Nullable Double created,
		@JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements ApiObject {

	/**
	 * Creates the timing of a response; {@code extra} is kept as an unmodifiable copy, empty when {@code null}.
	 * @param queueTime time the request waited in the server's queue
	 * @param promptTime time spent processing the prompt
	 * @param completionTime time spent generating the completion
	 * @param totalTime the whole request on the server
	 * @param created when the server created the response, in Unix seconds with a fraction
	 * @param extra fields this library does not know yet
	 */
	public TimeInfo {
		extra = CerebrasJson.extra(extra);
	}

}
