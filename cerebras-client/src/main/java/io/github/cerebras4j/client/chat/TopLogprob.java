package io.github.cerebras4j.client.chat;

import java.util.List;
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
 * One of the most likely tokens at a position of the output.
 *
 * @param token the token
 * @param logprob its log probability
 * @param bytes its UTF-8 bytes, or {@code null}
 * @param extra fields this library does not know yet
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TopLogprob(@Nullable String token, @Nullable Double logprob, @Nullable List<Integer> bytes,
		@JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements ApiObject {

	/**
	 * Creates one of the most likely tokens; {@code bytes} and {@code extra} are kept as unmodifiable copies, {@code
	 * extra} empty when {@code null}.
	 * @param token the token
	 * @param logprob its log probability
	 * @param bytes its UTF-8 bytes, or {@code null}
	 * @param extra fields this library does not know yet
	 */
	public TopLogprob {
		bytes = (bytes != null) ? List.copyOf(bytes) : null;
		extra = CerebrasJson.extra(extra);
	}

}
