package io.github.cerebras4j.client.chat;

import io.github.cerebras4j.client.CerebrasStream;

/**
 * Chat completions, {@code POST /v1/chat/completions}, for blocking code. Obtained from
 * {@code CerebrasTemplate.chat().completions()}.
 */
public final class ChatCompletions {

	private final ReactiveChatCompletions reactive;

	/**
	 * Creates the blocking view of the reactive resource.
	 * @param reactive the reactive resource that does the work
	 */
	public ChatCompletions(ReactiveChatCompletions reactive) {
		this.reactive = reactive;
	}

	/**
	 * Generates a whole completion and waits for it.
	 * @param request the request
	 * @return the completion
	 */
	public ChatCompletion create(ChatCompletionRequest request) {
		return this.reactive.create(request).block();
	}

	/**
	 * Starts streaming a completion; chunks arrive as the model generates them. Close the stream, best with
	 * try-with-resources.
	 * @param request the request
	 * @return the open stream
	 */
	public CerebrasStream<ChatCompletionChunk> stream(ChatCompletionRequest request) {
		return CerebrasStream.of(this.reactive.stream(request));
	}

}
