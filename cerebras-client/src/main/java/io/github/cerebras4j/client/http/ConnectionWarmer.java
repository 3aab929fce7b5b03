package io.github.cerebras4j.client.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.cerebras4j.client.RequestOptions;
import io.github.cerebras4j.client.WarmUpResult;
import org.springframework.core.log.LogAccessor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Opens pooled connections ahead of the first call, as both official SDKs do: one {@code GET /v1/tcp_warming} per
 * connection, all at once so that each takes its own connection, each with a 1 s timeout and no retry. It runs in
 * the background, never blocks the caller and never fails: a failure is logged at DEBUG and counted.
 */
public final class ConnectionWarmer {

	private static final LogAccessor logger = new LogAccessor(ConnectionWarmer.class);

	private static final ApiCall WARMING = new ApiCall(HttpMethod.GET, "/v1/tcp_warming", Map.of(), HttpHeaders.EMPTY,
			null, "warm_up", null);

	private static final RequestOptions WARMING_OPTIONS = RequestOptions.builder()
		.maxRetries(0)
		.timeout(Duration.ofSeconds(1))
		.build();

	private ConnectionWarmer() {
	}

	/**
	 * Starts warming up as many connections as the transport's settings say.
	 * @param http the transport whose pool to warm
	 * @return the outcome, completed when every warming request has answered or failed; never completed
	 * exceptionally
	 */
	public static CompletableFuture<WarmUpResult> warmUp(CerebrasHttpClient http) {
		int connections = http.settings().warmUpConnections();
		CerebrasHttpClient warming = http.withOptions(WARMING_OPTIONS);
		long start = System.nanoTime();
		return Flux.range(0, connections)
			.flatMap(i -> warming.ping(WARMING)
				.map(response -> 1)
				.onErrorResume(ex -> {
					logger.debug(() -> "TCP warming failed: " + ex.getMessage());
					return Mono.just(0);
				}), connections)
			.reduce(0, Integer::sum)
			.map(succeeded -> {
				WarmUpResult result = new WarmUpResult(connections, succeeded, Duration.ofNanos(System.nanoTime() - start));
				logger.debug(() -> "Warmed up " + succeeded + " of " + connections + " connections in "
						+ result.duration().toMillis() + " ms");
				return result;
			})
			.toFuture();
	}

}
