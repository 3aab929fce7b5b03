package io.github.cerebras4j.client.chat;

import java.lang.reflect.Type;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.cerebras4j.client.internal.JsonSchemas;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The format the model must answer in ({@code response_format}): free text, any JSON object, or JSON that
 * follows a schema.
 *
 * @param type {@code text}, {@code json_object} or {@code json_schema}
 * @param jsonSchema the schema, required when the type is {@code json_schema} ({@code json_schema})
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResponseFormat(String type, @Nullable JsonSchema jsonSchema) {

	private static final String JSON_SCHEMA = "json_schema";

	/**
	 * Creates a response format.
	 * @param type {@code text}, {@code json_object} or {@code json_schema}
	 * @param jsonSchema the schema, required when the type is {@code json_schema} ({@code json_schema})
	 * @throws IllegalArgumentException if {@code type} is {@code null} or blank, or is {@code json_schema} without a
	 * {@code jsonSchema}
	 */
	public ResponseFormat {
		if (type == null || type.isBlank()) {
			throw new IllegalArgumentException("response_format.type must not be blank");
		}
		if (JSON_SCHEMA.equals(type) && jsonSchema == null) {
			throw new IllegalArgumentException("response_format.json_schema must be set when the type is json_schema");
		}
	}

	/**
	 * Free text, the default.
	 * @return {@code {"type":"text"}}
	 */
	public static ResponseFormat text() {
		return new ResponseFormat("text", null);
	}

	/**
	 * Any valid JSON object.
	 * @return {@code {"type":"json_object"}}
	 */
	public static ResponseFormat jsonObject() {
		return new ResponseFormat("json_object", null);
	}

	/**
	 * JSON that follows a schema, strictly.
	 * @param name the schema's name
	 * @param schema the JSON Schema, as a JSON object
	 * @return {@code {"type":"json_schema","json_schema":{"name":...,"schema":...,"strict":true}}}
	 */
	public static ResponseFormat jsonSchema(String name, Map<String, Object> schema) {
		return jsonSchema(new JsonSchema(name, null, schema, true));
	}

	/**
	 * JSON that follows the strict schema of a Java type: records (nested too), lists and arrays, enums, strings,
	 * numbers and booleans; {@code Optional} and {@code @Nullable} properties become nullable. The schema is named
	 * after the type's simple name and held to Cerebras' strict rules: {@code "additionalProperties": false} and
	 * every property {@code required} on every object, a nullable property as {@code anyOf} its type and
	 * {@code null}, names from {@code @JsonProperty}, descriptions from {@code @JsonPropertyDescription} and
	 * {@code @JsonClassDescription}, and types used more than once in {@code $defs}.
	 * @param type the type the answer is read into, usually a record
	 * @return {@code {"type":"json_schema","json_schema":{"name":...,"schema":...,"strict":true}}}
	 */
	public static ResponseFormat jsonSchema(Type type) {
		if (type == null) {
			throw new IllegalArgumentException("'type' must not be null");
		}
		return jsonSchema(JsonSchemas.nameOf(type), JsonSchemas.strictSchemaOf(type));
	}

	/**
	 * JSON that follows a schema.
	 * @param jsonSchema the schema and its options
	 * @return {@code {"type":"json_schema","json_schema":...}}
	 */
	public static ResponseFormat jsonSchema(JsonSchema jsonSchema) {
		return new ResponseFormat(JSON_SCHEMA, jsonSchema);
	}

	/**
	 * A named JSON Schema the answer must follow.
	 *
	 * @param name the schema's name, required by the server
	 * @param description what the answer is
	 * @param schema the JSON Schema, as a JSON object
	 * @param strict whether the model must follow the schema exactly
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record JsonSchema(String name, @Nullable String description, @Nullable Map<String, Object> schema,
			@Nullable Boolean strict) {

		/**
		 * Creates the JSON Schema of a response format; {@code schema} is kept as an unmodifiable copy that keeps its
		 * order.
		 * @param name the schema's name, required by the server
		 * @param description what the answer is
		 * @param schema the JSON Schema, as a JSON object
		 * @param strict whether the model must follow the schema exactly
		 * @throws IllegalArgumentException if {@code name} is {@code null} or blank
		 */
		public JsonSchema {
			if (name == null || name.isBlank()) {
				throw new IllegalArgumentException("response_format.json_schema.name must not be blank");
			}
			if (schema != null) {
				schema = Collections.unmodifiableMap(new LinkedHashMap<>(schema));
			}
		}

	}

}
