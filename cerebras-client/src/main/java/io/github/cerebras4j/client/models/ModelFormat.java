package io.github.cerebras4j.client.models;

/**
 * The {@code format} query parameter of the model endpoints: which shape the catalogue is returned in.
 */
public enum ModelFormat {

	/** The OpenAI-compatible shape: {@code id}, {@code object}, {@code created}, {@code owned_by}. */
	DEFAULT("default"),

	/** The OpenRouter shape: name, description, context and output lengths, string prices, datacenters. */
	OPENROUTER("openrouter"),

	/** The Hugging Face shape: context length, numeric prices per million tokens, capabilities. */
	HUGGINGFACE("huggingface");

	private final String value;

	ModelFormat(String value) {
		this.value = value;
	}

	/**
	 * Returns the value sent as the {@code format} query parameter.
	 * @return the wire value, for example {@code openrouter}
	 */
	public String value() {
		return this.value;
	}

}
