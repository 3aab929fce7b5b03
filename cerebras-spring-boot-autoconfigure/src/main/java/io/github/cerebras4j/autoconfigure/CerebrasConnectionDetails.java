package io.github.cerebras4j.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Details required to connect to the Cerebras API: where it is and which key to send. By default they come from the
 * {@code cerebras.base-url} and {@code cerebras.api-key} properties; define a bean of this type to take them from
 * elsewhere, for example a secret store or a test's stub server.
 */
public interface CerebrasConnectionDetails extends ConnectionDetails {

	/**
	 * The base URL of the API, an absolute http or https URL; a path prefix is kept.
	 * @return the base URL
	 */
	String baseUrl();

	/**
	 * The API key sent as a bearer token; a {@code null} or blank key, a key that is still an unresolved
	 * {@code ${...}} placeholder and a key with whitespace or control characters inside fail start-up with a
	 * {@link io.github.cerebras4j.client.error.MissingApiKeyException}. Whitespace around the key is removed.
	 * @return the API key, or {@code null} if none is configured
	 */
	@Nullable String apiKey();

}
