package io.github.cerebras4j.client.chat;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A function the model may call.
 *
 * @param name the function's name
 * @param description what the function does, which helps the model decide when to call it
 * @param parameters the JSON Schema of the function's arguments, as a JSON object
 * @param strict whether the model must follow the schema exactly
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FunctionDefinition(String name, @Nullable String description,
		@Nullable Map<String, Object> parameters, @Nullable Boolean strict) {

	/**
	 * Creates a function definition; {@code parameters} is kept as an unmodifiable copy that keeps its order.
	 * @param name the function's name
	 * @param description what the function does, which helps the model decide when to call it
	 * @param parameters the JSON Schema of the function's arguments, as a JSON object
	 * @param strict whether the model must follow the schema exactly
	 * @throws IllegalArgumentException if {@code name} is {@code null} or blank
	 */
	public FunctionDefinition {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("function.name must not be blank");
		}
		if (parameters != null) {
			parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
		}
	}

}
