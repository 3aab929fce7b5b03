package io.github.cerebras4j.client.chat;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How much a reasoning model reasons ({@code reasoning_effort}); unset means the model's default.
 */
public enum ReasoningEffort {

	/** The model does not reason. */
	NONE("none"),

	/** Little reasoning. */
	LOW("low"),

	/** Moderate reasoning. */
	MEDIUM("medium"),

	/** Thorough reasoning. */
	HIGH("high");

	private final String value;

	ReasoningEffort(String value) {
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
