package io.github.cerebras4j.client.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * Joins the tool-call fragments of a stream into whole {@link ToolCall}s. Fragments belong together by their
 * {@link ToolCall#index()}: the first fragment of a call brings its id, type and function name, and every
 * fragment brings the next piece of the arguments. Like {@link ChatCompletionChunk#content()}, it follows the
 * first choice. Not thread-safe; use one per stream:
 * <pre>{@code
 * ToolCallAccumulator toolCalls = new ToolCallAccumulator();
 * stream.forEach(toolCalls::accept);
 * List<ToolCall> calls = toolCalls.toolCalls();
 * }</pre>
 */
public final class ToolCallAccumulator {

	private final SortedMap<Integer, PartialCall> calls = new TreeMap<>();

	/**
	 * Creates an empty accumulator, for one stream.
	 */
	public ToolCallAccumulator() {
	}

	/**
	 * Adds the tool-call fragments of a chunk's first choice, if any.
	 * @param chunk the next chunk of the stream
	 * @return this accumulator
	 */
	public ToolCallAccumulator accept(ChatCompletionChunk chunk) {
		ChatDelta delta = chunk.choices().isEmpty() ? null : chunk.choices().get(0).delta();
		if (delta == null || delta.toolCalls() == null) {
			return this;
		}
		List<ToolCall> fragments = delta.toolCalls();
		for (int position = 0; position < fragments.size(); position++) {
			ToolCall fragment = fragments.get(position);
			int index = (fragment.index() != null) ? fragment.index() : position;
			this.calls.computeIfAbsent(index, (key) -> new PartialCall()).append(fragment);
		}
		return this;
	}

	/**
	 * Returns the tool calls joined so far, complete once the stream has ended.
	 * @return the tool calls in index order, empty when there are none
	 */
	public List<ToolCall> toolCalls() {
		List<ToolCall> result = new ArrayList<>(this.calls.size());
		this.calls.forEach((index, call) -> result.add(call.toToolCall(index)));
		return List.copyOf(result);
	}

	private static final class PartialCall {

		private @Nullable String id;

		private @Nullable String type;

		private @Nullable String name;

		private final StringBuilder arguments = new StringBuilder();

		void append(ToolCall fragment) {
			this.id = (this.id != null) ? this.id : fragment.id();
			this.type = (this.type != null) ? this.type : fragment.type();
			ToolCall.Function function = fragment.function();
			if (function != null) {
				this.name = (this.name != null) ? this.name : function.name();
				if (function.arguments() != null) {
					this.arguments.append(function.arguments());
				}
			}
		}

		ToolCall toToolCall(int index) {
			return new ToolCall(this.id, this.type, new ToolCall.Function(this.name, this.arguments.toString(), Map.of()),
					index, Map.of());
		}

	}

}
