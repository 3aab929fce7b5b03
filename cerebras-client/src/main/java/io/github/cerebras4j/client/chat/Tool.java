package io.github.cerebras4j.client.chat;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A tool the model may call ({@code tools[]}).
 *
 * @param type the kind of tool; {@code function} when {@code null} is given
 * @param function the function
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Tool(String type, FunctionDefinition function) {

	/** The type of a function tool. */
	public static final String FUNCTION = "function";

	/**
	 * Creates a tool; a {@code null} {@code type} is {@code function}.
	 * @param type the kind of tool; {@code function} when {@code null} is given
	 * @param function the function
	 * @throws IllegalArgumentException if {@code function} is {@code null}
	 */
	public Tool {
		if (type == null) {
			type = FUNCTION;
		}
		if (function == null) {
			throw new IllegalArgumentException("tools[].function must not be null");
		}
	}

	/**
	 * Creates a function tool.
	 * @param function the function
	 * @return the tool, of type {@code function}
	 */
	public static Tool function(FunctionDefinition function) {
		return new Tool(FUNCTION, function);
	}

	/**
	 * Creates a function tool.
	 * @param name the function's name
	 * @param description what the function does
	 * @param parametersSchema the JSON Schema of the function's arguments
	 * @return the tool, of type {@code function}
	 */
	public static Tool function(String name, @Nullable String description,
			@Nullable Map<String, Object> parametersSchema) {
		return function(new FunctionDefinition(name, description, parametersSchema, null));
	}

}
