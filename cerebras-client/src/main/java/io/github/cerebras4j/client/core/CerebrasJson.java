package io.github.cerebras4j.client.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.cerebras4j.client.internal.RecordConstructors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapping this library uses on the wire, independent of any application {@code JsonMapper} so that
 * an application's Jackson settings can never change what is sent to Cerebras. The field names come from the
 * types' own annotations (snake case), so an application mapper renders them the same way.
 */
public final class CerebrasJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.addModule(new RecordConstructors())
		.build();

	private CerebrasJson() {
	}

	/**
	 * Returns the shared mapper.
	 * @return the mapper used for requests and responses
	 */
	public static JsonMapper mapper() {
		return MAPPER;
	}

	/**
	 * Writes a value as compact JSON.
	 * @param value a request, response or any value Jackson can write
	 * @return the JSON text
	 */
	public static String toJson(Object value) {
		return MAPPER.writeValueAsString(value);
	}

	/**
	 * Reads JSON into one of this library's types, for example a recorded response.
	 * @param json the JSON text
	 * @param type the type to read
	 * @param <T> the type to read
	 * @return the decoded value
	 */
	public static <T> T fromJson(String json, Class<T> type) {
		return MAPPER.readValue(json, type);
	}

	/**
	 * Copies the unknown fields a record received from Jackson into an unmodifiable map that keeps
	 * {@code null} values and their order ({@code Map.copyOf} rejects nulls).
	 * @param extra the map Jackson filled, or {@code null}
	 * @return an unmodifiable copy, {@code Map.of()} when empty
	 */
	public static Map<String, Object> extra(@Nullable Map<String, Object> extra) {
		return (extra == null || extra.isEmpty()) ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
	}

}
