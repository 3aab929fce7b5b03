package io.github.cerebras4j.client.core;

import java.util.Map;

/**
 * A value decoded from the Cerebras API's JSON. Fields the API sends that this library does not know yet are
 * kept, not dropped, in {@link #extra()}, so an API that grows never breaks a caller, and {@link #toJson()}
 * writes the value back with them.
 */
public interface ApiObject {

	/**
	 * Returns the JSON fields of this object that have no typed accessor, by their JSON name; a JSON
	 * {@code null} is kept as a {@code null} value, so a key that is present tells an explicit null from a
	 * missing field.
	 * @return the unknown fields, never {@code null}, empty when there are none
	 */
	Map<String, Object> extra();

	/**
	 * Renders this object as compact JSON with the API's field names, unknown fields included.
	 * @return the JSON text
	 */
	default String toJson() {
		return CerebrasJson.toJson(this);
	}

}
