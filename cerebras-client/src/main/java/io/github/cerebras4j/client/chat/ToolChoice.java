package io.github.cerebras4j.client.chat;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.cerebras4j.client.core.CerebrasJson;
import tools.jackson.databind.JsonNode;

/**
 * Which tool the model calls ({@code tool_choice}): a mode written as a string ({@link #NONE}, {@link #AUTO},
 * {@link #REQUIRED}) or one named function, written as {@code {"type":"function","function":{"name":...}}}.
 */
public sealed interface ToolChoice {

	/** The model calls no tool. */
	Mode NONE = new Mode("none");

	/** The model decides whether to call tools. */
	Mode AUTO = new Mode("auto");

	/** The model calls at least one tool. */
	Mode REQUIRED = new Mode("required");

	/**
	 * Makes the model call the named function.
	 * @param name the function's name
	 * @return the choice
	 */
	static Function function(String name) {
		return new Function("function", new FunctionName(name));
	}

	/**
	 * Reads a tool choice from its JSON form, for example a recorded request body.
	 * @param json a string (a {@link Mode}) or an object (a {@link Function})
	 * @return the choice
	 * @throws IllegalArgumentException if the JSON is neither
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	static ToolChoice fromJson(JsonNode json) {
		if (json.isString()) {
			return new Mode(json.stringValue());
		}
		if (json.isObject()) {
			return CerebrasJson.mapper().treeToValue(json, Function.class);
		}
		throw new IllegalArgumentException("tool_choice must be a string or an object, was " + json);
	}

	/**
	 * A tool choice written as a string.
	 *
	 * @param value the wire value, for example {@code auto}
	 */
	record Mode(@JsonValue String value) implements ToolChoice {

		/**
		 * Creates a tool choice mode.
		 * @param value the wire value, for example {@code auto}
		 * @throws IllegalArgumentException if {@code value} is {@code null} or blank
		 */
		public Mode {
			if (value == null || value.isBlank()) {
				throw new IllegalArgumentException("tool_choice must not be blank");
			}
		}

	}

	/**
	 * A tool choice that names the tool to call.
	 *
	 * @param type the kind of tool, {@code function}
	 * @param function the function to call
	 */
	record Function(String type, FunctionName function) implements ToolChoice {

		/**
		 * Creates a tool choice that names a function.
		 * @param type the kind of tool, {@code function}
		 * @param function the function to call
		 * @throws IllegalArgumentException if {@code type} is {@code null} or blank, or {@code function} is {@code
		 * null}
		 */
		public Function {
			if (type == null || type.isBlank()) {
				throw new IllegalArgumentException("tool_choice.type must not be blank");
			}
			if (function == null) {
				throw new IllegalArgumentException("tool_choice.function must not be null");
			}
		}

	}

	/**
	 * The function a {@link Function} choice names.
	 *
	 * @param name the function's name
	 */
	record FunctionName(String name) {

		/**
		 * Creates the name of the function a tool choice forces.
		 * @param name the function's name
		 * @throws IllegalArgumentException if {@code name} is {@code null} or blank
		 */
		public FunctionName {
			if (name == null || name.isBlank()) {
				throw new IllegalArgumentException("tool_choice.function.name must not be blank");
			}
		}

	}

}
