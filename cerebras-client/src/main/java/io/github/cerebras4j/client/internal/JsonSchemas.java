package io.github.cerebras4j.client.internal;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.classmate.ResolvedType;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.MemberScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfig;
import com.github.victools.jsonschema.generator.SchemaGenerationContext;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaKeyword;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.util.ConcurrentReferenceHashMap;

/**
 * The JSON Schemas of Java types in the strict form Cerebras accepts for {@code response_format} and tool
 * parameters, and the strict reading of a reply back into the type. The one place both structured outputs and tools
 * take their schemas from.
 * <p>
 * The schema is made by victools' {@code jsonschema-generator} with its Jackson module, then held to Cerebras' strict
 * rules: every object has {@code "additionalProperties": false} and lists every property in {@code required}; a
 * property that may be {@code null} (an {@link Optional}, or annotated with any annotation named {@code Nullable},
 * such as JSpecify's) is still required, and its schema is {@code anyOf} its type and {@code {"type": "null"}} (the
 * server does not take {@code "type": [..., "null"]}). Property names follow {@code @JsonProperty} and
 * {@code @JsonNaming}; descriptions come from {@code @JsonPropertyDescription} and {@code @JsonClassDescription};
 * enums are a {@code string} with an {@code enum} of their JSON names; lists and arrays are an {@code array} with
 * {@code items}; a type used more than once is put in {@code $defs} and referred to with {@code $ref}. No
 * {@code $schema} keyword is written.
 */
public final class JsonSchemas {

	private static final SchemaGenerator GENERATOR = new SchemaGenerator(config());

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final JsonMapper STRICT_READER = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private static final Map<Type, Map<String, Object>> CACHE = new ConcurrentReferenceHashMap<>();

	private JsonSchemas() {
	}

	/**
	 * Returns the strict JSON Schema of a type, made once per type. The type must be written as a JSON object (a
	 * record or a class with properties), as both a response format and a tool's parameters must be.
	 * @param type the type, usually a record
	 * @return the schema as a JSON object, unmodifiable at every level, in the generator's order; kept in a cache
	 * of soft references, so that a type's class loader can go
	 * @throws IllegalArgumentException when the type is not written as a JSON object, for example a
	 * {@code String} or a {@code List}
	 */
	public static Map<String, Object> strictSchemaOf(Type type) {
		return CACHE.computeIfAbsent(type, JsonSchemas::generate);
	}

	/**
	 * Reads a reply into a type, strictly: the text must be one JSON value, not {@code null}, with every property of
	 * the type and no other.
	 * @param text the reply's text
	 * @param type the type to read
	 * @param <T> the type to read
	 * @return the value
	 * @throws tools.jackson.core.JacksonException when the text does not match the type
	 * @throws IllegalArgumentException when the text is the JSON {@code null}
	 */
	public static <T> T read(String text, Type type) {
		JavaType javaType = STRICT_READER.getTypeFactory().constructType(type);
		T value = STRICT_READER.readValue(text, javaType);
		if (value == null) {
			throw new IllegalArgumentException("The reply is the JSON null");
		}
		return value;
	}

	/**
	 * Returns a name for a type's schema that the server accepts ({@code json_schema.name}): its simple name,
	 * with any character other than a letter, digit, {@code _} or {@code -} replaced by {@code _}.
	 * @param type the type
	 * @return the name
	 */
	public static String nameOf(Type type) {
		String name = (type instanceof Class<?> clazz) ? clazz.getSimpleName() : type.getTypeName();
		name = name.replaceAll("[^A-Za-z0-9_-]", "_");
		return name.isEmpty() ? "response" : name;
	}

	private static Map<String, Object> generate(Type type) {
		ObjectNode schema = GENERATOR.generateSchema(type);
		JsonNode rootType = schema.get("type");
		if (rootType == null || !"object".equals(rootType.asString())) {
			throw new IllegalArgumentException("A structured output or tool arguments type is written as a JSON "
					+ "object, such as a record; " + type.getTypeName() + " is not: " + schema);
		}
		clean(schema);
		Map<String, Object> map = MAPPER.convertValue(schema, MAP);
		return deeplyUnmodifiable(map);
	}

	private static SchemaGeneratorConfig config() {
		SchemaGeneratorConfigBuilder builder = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
				OptionPreset.PLAIN_JSON)
			.with(new JacksonModule())
			.with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT, Option.FLATTENED_OPTIONALS,
					Option.NULLABLE_ALWAYS_AS_ANYOF)
			.without(Option.SCHEMA_VERSION_INDICATOR);
		builder.forTypesInGeneral().withPropertySorter((first, second) -> 0);
		builder.forTypesInGeneral().withCustomDefinitionProvider(JsonSchemas::enumDefinition);
		builder.forFields().withRequiredCheck((field) -> true);
		builder.forFields().withNullableCheck(JsonSchemas::isNullable);
		builder.forMethods().withRequiredCheck((method) -> true);
		builder.forMethods().withNullableCheck(JsonSchemas::isNullable);
		return builder.build();
	}

	@SuppressWarnings("unchecked")
	private static <V> V deeplyUnmodifiable(V value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>();
			map.forEach((key, item) -> copy.put((String) key, deeplyUnmodifiable(item)));
			return (V) Collections.unmodifiableMap(copy);
		}
		if (value instanceof List<?> list) {
			List<Object> copy = new ArrayList<>();
			list.forEach((item) -> copy.add(deeplyUnmodifiable(item)));
			return (V) Collections.unmodifiableList(copy);
		}
		return value;
	}

	private static @Nullable CustomDefinition enumDefinition(ResolvedType type, SchemaGenerationContext context) {
		if (!type.isInstanceOf(Enum.class)) {
			return null;
		}
		ObjectNode definition = context.getGeneratorConfig().createObjectNode();
		definition.put(context.getKeyword(SchemaKeyword.TAG_TYPE), context.getKeyword(SchemaKeyword.TAG_TYPE_STRING));
		ArrayNode values = definition.putArray(context.getKeyword(SchemaKeyword.TAG_ENUM));
		for (Object constant : type.getErasedType().getEnumConstants()) {
			values.add(MAPPER.valueToTree(constant));
		}
		return new CustomDefinition(definition);
	}

	private static void clean(JsonNode node) {
		if (node instanceof ObjectNode object) {
			if (object.has("anyOf") && !object.has("properties")) {
				object.remove("additionalProperties");
			}
		}
		for (JsonNode child : node) {
			clean(child);
		}
	}

	private static boolean isNullable(MemberScope<?, ?> member) {
		if (member.isFakeContainerItemScope()) {
			return false;
		}
		Object raw = member.getRawMember();
		if (raw instanceof Field field) {
			return field.getType() == Optional.class || annotatedNullable(field)
					|| annotatedNullable(field.getAnnotatedType());
		}
		if (raw instanceof Method method) {
			return method.getReturnType() == Optional.class || annotatedNullable(method)
					|| annotatedNullable(method.getAnnotatedReturnType());
		}
		return false;
	}

	private static boolean annotatedNullable(AnnotatedElement element) {
		return Stream.of(element.getAnnotations())
			.anyMatch((annotation) -> annotation.annotationType().getSimpleName().equals("Nullable"));
	}

}
