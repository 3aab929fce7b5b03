package io.github.cerebras4j.client.chat;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The end of a tool run: the model's final answer and the conversation that led to it.
 *
 * @param completion the last completion, the one that called no tool
 * @param messages every message sent in the last request: the request's own, then for each round the assistant
 * message with its tool calls and one tool message per call; add the answer to go on with the conversation
 * @param toolRounds how many rounds of tool calls were run
 */
public record ToolRunResult(ChatCompletion completion, List<ChatMessage> messages, int toolRounds) {

	/**
	 * Creates the result of a tool run; {@code messages} is kept as an unmodifiable copy.
	 * @param completion the last completion, the one that called no tool
	 * @param messages every message sent in the last request: the request's own, then for each round the assistant
	 * message with its tool calls and one tool message per call; add the answer to go on with the conversation
	 * @param toolRounds how many rounds of tool calls were run
	 * @throws IllegalArgumentException if {@code completion} is {@code null}
	 */
	public ToolRunResult {
		if (completion == null) {
			throw new IllegalArgumentException("'completion' must not be null");
		}
		messages = List.copyOf(messages);
	}

	/**
	 * Returns the final answer's text.
	 * @return the content of the last completion's first choice, or {@code null}
	 */
	public @Nullable String content() {
		return this.completion.content();
	}

}
