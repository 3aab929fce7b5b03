package io.github.cerebras4j.client.error;

/**
 * Thrown when a client is built without an API key: none was given to the builder and the
 * {@code CEREBRAS_API_KEY} environment variable is not set or blank. Nothing has been sent.
 */
public class MissingApiKeyException extends CerebrasException {

	/**
	 * Creates the exception with a message that says where a key can be given.
	 */
	public MissingApiKeyException() {
		super("No Cerebras API key: pass one to the builder with apiKey(..), or set the CEREBRAS_API_KEY environment "
				+ "variable (with Spring Boot, set the cerebras.api-key property). Keys are issued at "
				+ "https://cloud.cerebras.ai", null);
	}

}
