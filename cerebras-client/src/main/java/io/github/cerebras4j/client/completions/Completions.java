package io.github.cerebras4j.client.completions;

import io.github.cerebras4j.client.CerebrasStream;

/**
 * Text completions, {@code POST /v1/completions}, for blocking code. Obtained from
 * {@code CerebrasTemplate.completions()}.
 */
public final class Completions {

	private final ReactiveCompletions reactive;

	/**
	 * Creates the blocking view of the reactive resource.
	 * @param reactive the reactive resource that does the work
	 */
	public Completions(ReactiveCompletions reactive) {
		this.reactive = reactive;
	}

	/**
	 * Generates a whole completion and waits for it.
	 * @param request the request
	 * @return the completion
	 */
	public Completion create(CompletionRequest request) {
		return this.reactive.create(request).block();
	}

	/**
	 * Starts streaming a completion; chunks arrive as the model generates them. Close the stream, best with
	 * try-with-resources.
	 * @param request the request
	 * @return the open stream
	 */
	public CerebrasStream<CompletionChunk> stream(CompletionRequest request) {
		return CerebrasStream.of(this.reactive.stream(request));
	}

}
