package io.github.cerebras4j.client.chat;

import java.util.List;

/**
 * One round of a tool run, as given to {@link ToolRunOptions#withRoundListener}: the reply that called tools, the
 * calls and what each tool answered.
 *
 * @param number the round's number, from 1
 * @param completion the reply of the model that called the tools
 * @param toolCalls the calls, in the reply's order
 * @param results the text sent back for each call, in the same order: the tool's result or its error text
 */
public record ToolRound(int number, ChatCompletion completion, List<ToolCall> toolCalls, List<String> results) {

	/**
	 * Creates a round; {@code toolCalls} and {@code results} are kept as unmodifiable copies.
	 * @param number the round's number, from 1
	 * @param completion the reply of the model that called the tools
	 * @param toolCalls the calls, in the reply's order
	 * @param results the text sent back for each call, in the same order: the tool's result or its error text
	 * @throws IllegalArgumentException if {@code completion} is {@code null}, or there is not one result per tool call
	 */
	public ToolRound {
		if (completion == null) {
			throw new IllegalArgumentException("'completion' must not be null");
		}
		toolCalls = List.copyOf(toolCalls);
		results = List.copyOf(results);
		if (toolCalls.size() != results.size()) {
			throw new IllegalArgumentException("One result per tool call: " + toolCalls.size() + " calls, "
					+ results.size() + " results");
		}
	}

}
