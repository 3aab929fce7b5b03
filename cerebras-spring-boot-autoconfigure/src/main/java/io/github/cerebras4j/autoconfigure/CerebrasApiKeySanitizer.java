package io.github.cerebras4j.autoconfigure;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the Cerebras API key in actuator endpoints ({@code /actuator/env}, {@code /actuator/configprops}) even
 * when an application shows their values: any entry named like the key ({@code cerebras.api-key},
 * {@code CEREBRAS_API_KEY}, {@code apiKey}) and any entry whose value contains the configured key, whatever its
 * name.
 */
final class CerebrasApiKeySanitizer implements SanitizingFunction {

	private final @Nullable String apiKey;

	CerebrasApiKeySanitizer(@Nullable String apiKey) {
		this.apiKey = (apiKey != null && !apiKey.isBlank()) ? apiKey : null;
	}

	@Override
	public SanitizableData apply(SanitizableData data) {
		return (isApiKeyName(data.getKey()) || containsApiKey(data.getValue())) ? data.withSanitizedValue() : data;
	}

	private static boolean isApiKeyName(String key) {
		String name = key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(".", "");
		return name.equals("apikey") || name.equals("cerebrasapikey");
	}

	private boolean containsApiKey(@Nullable Object value) {
		return this.apiKey != null && value != null && String.valueOf(value).contains(this.apiKey);
	}

}
