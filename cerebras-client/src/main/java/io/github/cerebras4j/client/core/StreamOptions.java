package io.github.cerebras4j.client.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Options of a streamed request ({@code stream_options}).
 *
 * @param includeUsage whether the final chunk carries {@link Usage}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StreamOptions(@Nullable Boolean includeUsage) {

	/**
	 * Stream options that ask for usage on the final chunk.
	 * @return {@code {"include_usage": true}}
	 */
	public static StreamOptions withUsage() {
		return new StreamOptions(true);
	}

}
