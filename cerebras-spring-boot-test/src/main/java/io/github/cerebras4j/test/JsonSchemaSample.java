package io.github.cerebras4j.test;

import java.util.Map;

import io.github.cerebras4j.client.core.CerebrasJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a small JSON value that follows a JSON schema, the answer of a request with a {@code json_schema}
 * response format when no reply is scripted: every declared property, the first {@code enum} or {@code anyOf}
 * choice, one array element, {@code $ref}s to {@code $defs} or {@code definitions} followed.
 */
final class JsonSchemaSample {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final int MAX_DEPTH = 12;

	private final JsonNode root;

	private JsonSchemaSample(JsonNode root) {
		this.root = root;
	}

	/**
	 * Writes a sample value of a schema.
	 * @param schema the schema, or {@code null} for any object
	 * @return the JSON text, an object unless the schema says otherwise
	 */
	static String of(@Nullable Map<String, Object> schema) {
		if (schema == null) {
			return "{}";
		}
		JsonNode root = CerebrasJson.mapper().valueToTree(schema);
		return CerebrasJson.toJson(new JsonSchemaSample(root).sample(root, "", 0));
	}

	private JsonNode sample(JsonNode schema, String name, int depth) {
		if (depth > MAX_DEPTH || !schema.isObject()) {
			return NODES.nullNode();
		}
		if (schema.has("const")) {
			return schema.get("const");
		}
		if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
			return schema.get("enum").get(0);
		}
		for (String choice : new String[] { "anyOf", "oneOf", "allOf" }) {
			if (schema.path(choice).isArray() && !schema.path(choice).isEmpty()) {
				return sample(schema.get(choice).get(0), name, depth + 1);
			}
		}
		if (schema.path("$ref").isString()) {
			return sample(resolve(schema.get("$ref").stringValue()), name, depth + 1);
		}
		switch (type(schema)) {
			case "object":
				return object(schema, depth);
			case "array":
				ArrayNode array = NODES.arrayNode();
				if (schema.has("items")) {
					array.add(sample(schema.get("items"), name, depth + 1));
				}
				return array;
			case "string":
				return NODES.stringNode(string(schema, name));
			case "integer":
				return NODES.numberNode(schema.path("minimum").asLong(0));
			case "number":
				return NODES.numberNode(schema.path("minimum").asDouble(0));
			case "boolean":
				return NODES.booleanNode(false);
			default:
				return NODES.nullNode();
		}
	}

	private static String type(JsonNode schema) {
		JsonNode type = schema.path("type");
		if (type.isArray()) {
			for (JsonNode each : type.values()) {
				if (!"null".equals(each.asString())) {
					return each.asString();
				}
			}
			return "null";
		}
		if (type.isString()) {
			return type.stringValue();
		}
		return schema.has("properties") ? "object" : "null";
	}

	private ObjectNode object(JsonNode schema, int depth) {
		ObjectNode object = NODES.objectNode();
		for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
			object.set(property.getKey(), sample(property.getValue(), property.getKey(), depth + 1));
		}
		return object;
	}

	private static String string(JsonNode schema, String name) {
		switch (schema.path("format").asString("")) {
			case "date-time":
				return "2026-01-01T12:00:00Z";
			case "date":
				return "2026-01-01";
			case "email":
				return "someone@example.com";
			case "uri":
				return "https://example.com";
			case "uuid":
				return "123e4567-e89b-12d3-a456-426614174000";
			default:
				return name.isEmpty() ? "example" : "example " + name;
		}
	}

	private JsonNode resolve(String ref) {
		if (!ref.startsWith("#/")) {
			return NODES.nullNode();
		}
		JsonNode node = this.root;
		for (String part : ref.substring(2).split("/")) {
			node = node.path(part.replace("~1", "/").replace("~0", "~"));
		}
		return node;
	}

}
