package io.github.cerebras4j.benchmarks.clients;

import io.github.cerebras4j.client.CerebrasClientBuilder;

/**
 * The settings both of this library's contenders use: the load server, retries off like every contender, and no
 * warm-up request, which would count as a request the others do not make.
 */
final class CerebrasSettings {

	private CerebrasSettings() {
	}

	static <T> CerebrasClientBuilder<T> apply(CerebrasClientBuilder<T> builder, String origin, String apiKey,
			int maxConnections) {
		return builder.baseUrl(origin).apiKey(apiKey).maxRetries(0).maxConnections(maxConnections).warmUp(false);
	}

}
