package io.github.cerebras4j.client.models;

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
 * The response of {@code GET /v1/models}: the models available to the caller, in the requested
 * {@link ModelFormat}.
 *
 * @param object the object type, {@code list}; absent in the OpenRouter format
 * @param data the models, empty when the server sent none
 * @param extra fields this library does not know yet
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelList(@Nullable String object, List<Model> data,
		@JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements ApiObject {

	/**
	 * Creates a list of models; {@code data} and {@code extra} are kept as unmodifiable copies, empty when {@code
	 * null}.
	 * @param object the object type, {@code list}; absent in the OpenRouter format
	 * @param data the models, empty when the server sent none
	 * @param extra fields this library does not know yet
	 */
	public ModelList {
		data = (data != null) ? List.copyOf(data) : List.of();
		extra = CerebrasJson.extra(extra);
	}

}
