package io.github.cerebras4j.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * Adapts {@link CerebrasProperties} to {@link CerebrasConnectionDetails}.
 */
final class PropertiesCerebrasConnectionDetails implements CerebrasConnectionDetails {

	private final CerebrasProperties properties;

	PropertiesCerebrasConnectionDetails(CerebrasProperties properties) {
		this.properties = properties;
	}

	@Override
	public String baseUrl() {
		return this.properties.getBaseUrl();
	}

	@Override
	public @Nullable String apiKey() {
		return this.properties.getApiKey();
	}

	@Override
	public String toString() {
		return "PropertiesCerebrasConnectionDetails[baseUrl=" + baseUrl() + "]";
	}

}
