package io.github.cerebras4j.sample;

import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.cerebras4j.client.chat.ToolCall;
import io.github.cerebras4j.client.chat.ToolRound;
import io.github.cerebras4j.client.chat.ToolRunResult;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code POST /api/tools}: the model's final answer and the tools it called on the way.
 *
 * @param content the final answer
 * @param model the model that answered
 * @param toolRounds how many of the model's replies called tools
 * @param toolCalls every tool call, in order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ToolAnswer(@Nullable String content, @Nullable String model, int toolRounds, List<Call> toolCalls) {

	static ToolAnswer of(ToolRunResult result, List<ToolRound> rounds) {
		List<Call> calls = rounds.stream().flatMap((round) -> Call.of(round).stream()).toList();
		return new ToolAnswer(result.content(), result.completion().model(), result.toolRounds(), calls);
	}

	/**
	 * One tool call.
	 *
	 * @param round the round it was made in, from 1
	 * @param name the tool's name
	 * @param arguments its arguments, the JSON text the model wrote
	 * @param result what the tool answered the model (JSON, or {@code Error: ...})
	 */
	record Call(int round, @Nullable String name, @Nullable String arguments, String result) {

		static List<Call> of(ToolRound round) {
			List<ToolCall> calls = round.toolCalls();
			return IntStream.range(0, calls.size())
				.mapToObj((i) -> new Call(round.number(), name(calls.get(i)), arguments(calls.get(i)),
						round.results().get(i)))
				.toList();
		}

		private static @Nullable String name(ToolCall call) {
			return (call.function() != null) ? call.function().name() : null;
		}

		private static @Nullable String arguments(ToolCall call) {
			return (call.function() != null) ? call.function().arguments() : null;
		}

	}

}
