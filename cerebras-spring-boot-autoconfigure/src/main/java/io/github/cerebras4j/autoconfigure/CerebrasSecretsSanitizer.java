package io.github.cerebras4j.autoconfigure;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the Cerebras API key and the proxy password in actuator endpoints ({@code /actuator/env},
 * {@code /actuator/configprops}) even when an application shows their values: any entry named like one of them
 * ({@code cerebras.api-key}, {@code CEREBRAS_API_KEY}, {@code apiKey}, {@code cerebras.proxy.password},
 * {@code CEREBRAS_PROXY_PASSWORD}) and any entry whose value contains the configured key or password, whatever its
 * name (for example an {@code HTTPS_PROXY} variable with the password in its URL).
 */
final class CerebrasSecretsSanitizer implements SanitizingFunction {

	private static final Set<String> SECRET_NAMES = Set.of("apikey", "cerebrasapikey", "cerebrasproxypassword");

	private final Set<String> secrets;

	CerebrasSecretsSanitizer(@Nullable String apiKey, @Nullable String proxyPassword) {
		this.secrets = Set.copyOf(Stream.of(apiKey, proxyPassword)
			.filter((secret) -> secret != null && !secret.isBlank())
			.toList());
	}

	@Override
	public SanitizableData apply(SanitizableData data) {
		return (isSecretName(data.getKey()) || containsSecret(data.getValue())) ? data.withSanitizedValue() : data;
	}

	private static boolean isSecretName(String key) {
		String name = key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(".", "");
		return SECRET_NAMES.contains(name);
	}

	private boolean containsSecret(@Nullable Object value) {
		if (value == null || this.secrets.isEmpty()) {
			return false;
		}
		String text = String.valueOf(value);
		return this.secrets.stream().anyMatch(text::contains);
	}

}
