package io.github.cerebras4j.client.internal.transport;

import org.springframework.util.Assert;

/**
 * The API key: handed to the request at the last moment, and scrubbed from every text that leaves the transport (a
 * server may echo it in an error body). Its {@link #toString()} never shows it.
 */
final class Secret {

	private static final String REDACTED = "[REDACTED]";

	private final String value;

	Secret(String value) {
		Assert.hasText(value, "'apiKey' must not be empty");
		this.value = value;
	}

	String value() {
		return this.value;
	}

	/**
	 * Returns a text with every occurrence of the key replaced.
	 * @param text the text
	 * @return the text without the key
	 */
	String scrub(String text) {
		return text.replace(this.value, REDACTED);
	}

	@Override
	public String toString() {
		return REDACTED;
	}

}
