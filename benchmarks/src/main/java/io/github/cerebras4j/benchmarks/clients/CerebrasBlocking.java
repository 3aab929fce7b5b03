package io.github.cerebras4j.benchmarks.clients;

import io.github.cerebras4j.client.CerebrasStream;
import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;

/**
 * This library's blocking {@link CerebrasTemplate}: streams are iterated on the caller's thread.
 */
public final class CerebrasBlocking implements Contender {

	private final CerebrasTemplate cerebras;

	/**
	 * Creates the client for a server.
	 * @param origin the server's origin, {@code http://host:port}
	 * @param apiKey the key it sends
	 * @param maxConnections the pool's size
	 */
	public CerebrasBlocking(String origin, String apiKey, int maxConnections) {
		this.cerebras = CerebrasSettings.apply(CerebrasTemplate.builder(), origin, apiKey, maxConnections).build();
	}

	@Override
	public String name() {
		return "cerebras4j CerebrasTemplate";
	}

	@Override
	public Received stream(String model) {
		long start = System.nanoTime();
		long textLength = 0;
		long firstContentAt = 0;
		try (CerebrasStream<ChatCompletionChunk> stream = this.cerebras.chat()
			.completions()
			.stream(ChatCompletionRequest.builder().model(model).user(PROMPT).build())) {
			for (ChatCompletionChunk chunk : stream) {
				int length = chunk.content().length();
				if (firstContentAt == 0 && length > 0) {
					firstContentAt = System.nanoTime();
				}
				textLength += length;
			}
		}
		return new Received(textLength, start, firstContentAt);
	}

	@Override
	public String create(String model) {
		return this.cerebras.chat()
			.completions()
			.create(ChatCompletionRequest.builder().model(model).user(PROMPT).build())
			.content();
	}

	@Override
	public void close() {
		this.cerebras.close();
	}

}
