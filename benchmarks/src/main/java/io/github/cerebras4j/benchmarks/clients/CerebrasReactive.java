package io.github.cerebras4j.benchmarks.clients;

import java.util.List;
import java.util.concurrent.ExecutorService;

import io.github.cerebras4j.client.ReactiveCerebrasTemplate;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * This library's {@link ReactiveCerebrasTemplate}: a single call blocks on the end of its {@code Flux}; concurrent
 * streams are subscribed each on its own and only their results gathered, concurrent requests run through one
 * {@code flatMap}.
 */
public final class CerebrasReactive implements Contender {

	private final ReactiveCerebrasTemplate cerebras;

	/**
	 * Creates the client for a server.
	 * @param origin the server's origin, {@code http://host:port}
	 * @param apiKey the key it sends
	 * @param maxConnections the pool's size
	 */
	public CerebrasReactive(String origin, String apiKey, int maxConnections) {
		this.cerebras = CerebrasSettings.apply(ReactiveCerebrasTemplate.builder(), origin, apiKey, maxConnections).build();
	}

	@Override
	public String name() {
		return "cerebras4j ReactiveCerebrasTemplate";
	}

	@Override
	public Received stream(String model) {
		return received(model).block();
	}

	@Override
	public String create(String model) {
		return this.cerebras.chat().completions().create(request(model)).block().content();
	}

	@Override
	public List<Received> streamConcurrently(String model, int count, ExecutorService threads) {
		// each stream on its own, as a server subscribes to each user's stream; only the results are gathered
		return Flux.range(0, count).flatMap((i) -> received(model), count).collectList().block();
	}

	private Mono<Received> received(String model) {
		return Mono.defer(() -> {
			long start = System.nanoTime();
			long[] received = new long[2];
			return this.cerebras.chat().completions().stream(request(model)).doOnNext((chunk) -> {
				int length = chunk.content().length();
				if (received[1] == 0 && length > 0) {
					received[1] = System.nanoTime();
				}
				received[0] += length;
			}).then(Mono.fromSupplier(() -> new Received(received[0], start, received[1])));
		});
	}

	@Override
	public long createConcurrently(String model, int requests, int concurrency, ExecutorService threads) {
		return Flux.range(0, requests)
			.flatMap((i) -> this.cerebras.chat().completions().create(request(model)), concurrency)
			.map((completion) -> (long) completion.content().length())
			.reduce(0L, Long::sum)
			.block();
	}

	private static ChatCompletionRequest request(String model) {
		return ChatCompletionRequest.builder().model(model).user(PROMPT).build();
	}

	@Override
	public void close() {
		this.cerebras.close();
	}

}
