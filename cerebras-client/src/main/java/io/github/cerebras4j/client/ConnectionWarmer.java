package io.github.cerebras4j.client;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.cerebras4j.client.core.RequestOptions;
import io.github.cerebras4j.client.core.ResponseMetadata;
import io.github.cerebras4j.client.core.WarmUpResult;
import io.github.cerebras4j.client.error.CerebrasTimeoutException;
import io.github.cerebras4j.client.internal.transport.ApiCall;
import io.github.cerebras4j.client.internal.transport.Transport;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.core.log.LogAccessor;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Opens pooled connections ahead of the first call, as both official SDKs do: one {@code GET /v1/tcp_warming} per
 * connection, all at once so that each takes its own connection, each with a 1 s timeout and no retry. It runs in
 * the background, never blocks the caller and never fails: a failure is logged at DEBUG and counted. A warm-up is
 * observed as {@value #OBSERVATION_NAME}, tagged with its outcome ({@code COMPLETE}, {@code PARTIAL} or
 * {@code FAILED}).
 */
final class ConnectionWarmer {

	/** The name of the warm-up's observation, and so of its timer. */
	static final String OBSERVATION_NAME = "cerebras.client.warmup";

	private static final LogAccessor logger = new LogAccessor(ConnectionWarmer.class);

	private static final ApiCall WARMING = new ApiCall(HttpMethod.GET, "/v1/tcp_warming", Map.of(), null,
			"warm_up", null);

	private static final RequestOptions WARMING_OPTIONS = RequestOptions.builder()
		.maxRetries(0)
		.responseTimeout(Duration.ofSeconds(1))
		.build();

	private final int connections;

	private final ObservationRegistry registry;

	/**
	 * Creates the warmer of a template.
	 * @param connections how many connections a warm-up opens
	 * @param registry where warm-ups are observed
	 */
	ConnectionWarmer(int connections, ObservationRegistry registry) {
		this.connections = connections;
		this.registry = registry;
	}

	/**
	 * Sends one {@code GET /v1/tcp_warming}, without retries.
	 * @param transport the transport
	 * @param timeout the longest wait for the answer
	 * @return the response's status and headers
	 */
	static Mono<ResponseMetadata> ping(Transport transport, Duration timeout) {
		return transport.withOptions(RequestOptions.builder().maxRetries(0).responseTimeout(timeout).build())
			.ping(WARMING)
			.timeout(timeout, Mono.error(() -> new CerebrasTimeoutException(
					"No answer to GET /v1/tcp_warming within " + timeout.toMillis() + " ms", null)));
	}

	/**
	 * Opens the connections at once, each with a {@code GET /v1/tcp_warming}; a failure is logged at DEBUG and
	 * counted, never thrown.
	 * @param transport the transport whose pool is warmed
	 * @return how it went
	 */
	CompletableFuture<WarmUpResult> warmUp(Transport transport) {
		int connections = this.connections;
		Transport warming = transport.withOptions(WARMING_OPTIONS);
		Observation observation = Observation.createNotStarted(OBSERVATION_NAME, this.registry)
			.lowCardinalityKeyValue("gen_ai.provider.name", "cerebras")
			.start();
		long start = System.nanoTime();
		return Flux.range(0, connections)
			.flatMap(i -> warming.ping(WARMING).map(response -> 1).onErrorResume(ex -> {
				logger.debug(() -> "TCP warming failed: " + ex.getMessage());
				return Mono.just(0);
			}), connections)
			.reduce(0, Integer::sum)
			.map(succeeded -> {
				WarmUpResult result = new WarmUpResult(connections, succeeded, Duration.ofNanos(System.nanoTime() - start));
				observation.lowCardinalityKeyValue("outcome", outcome(result)).stop();
				logger.debug(() -> "Warmed up " + succeeded + " of " + connections + " connections in "
						+ result.duration().toMillis() + " ms");
				return result;
			})
			.toFuture();
	}

	private static String outcome(WarmUpResult result) {
		return result.isComplete() ? "COMPLETE" : (result.succeeded() > 0) ? "PARTIAL" : "FAILED";
	}

}
