package io.github.cerebras4j.client.chat;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The processing tier a request asks for ({@code service_tier}). The API does not describe the tiers.
 */
public enum ServiceTier {

	/** The {@code auto} tier. */
	AUTO("auto"),

	/** The {@code default} tier. */
	DEFAULT("default"),

	/** The {@code flex} tier. */
	FLEX("flex"),

	/** The {@code priority} tier. */
	PRIORITY("priority");

	private final String value;

	ServiceTier(String value) {
		this.value = value;
	}

	/**
	 * Returns the value sent on the wire.
	 * @return the wire value
	 */
	@JsonValue
	public String value() {
		return this.value;
	}

}
