package io.github.cerebras4j.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.cerebras4j.client.chat.AssistantMessage;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.chat.ChatMessage;
import io.github.cerebras4j.client.chat.ContentPart;
import io.github.cerebras4j.client.chat.DeveloperMessage;
import io.github.cerebras4j.client.chat.MessageContent;
import io.github.cerebras4j.client.chat.ResponseFormat;
import io.github.cerebras4j.client.chat.SystemMessage;
import io.github.cerebras4j.client.chat.ToolMessage;
import io.github.cerebras4j.client.chat.UserMessage;
import io.github.cerebras4j.client.completions.CompletionRequest;
import io.github.cerebras4j.client.completions.Prompt;
import io.github.cerebras4j.client.core.CerebrasJson;
import org.jspecify.annotations.Nullable;

/**
 * What the simulated model generates for one request: the tokens in the order they are streamed (reasoning,
 * content, tool calls), why generation stopped, and the prompt's size. Every delta is one token, so the usage
 * matches what is streamed.
 *
 * @param deltas the generated tokens, in order
 * @param finishReason {@code stop}, {@code length} or {@code tool_calls}
 * @param promptTokens the prompt's size in tokens
 */
record Answer(List<Delta> deltas, String finishReason, int promptTokens) {

	private static final int MESSAGE_OVERHEAD_TOKENS = 4;

	private static final int QUOTE_LENGTH = 80;

	/**
	 * Plans the answer to a chat request. Scripted tool calls are made unless the conversation ends with tool
	 * results, which the model then answers with text.
	 */
	static Answer chat(ChatCompletionRequest request, Script script) {
		List<Delta> deltas = new ArrayList<>();
		if (script.reasoning != null) {
			Tokenizer.tokens(script.reasoning).forEach((token) -> deltas.add(new Delta.Reasoning(token)));
		}
		boolean answersToolResults = request.messages().get(request.messages().size() - 1) instanceof ToolMessage;
		List<Script.ToolCallScript> toolCalls = answersToolResults ? List.of() : toolCalls(request, script);
		String content = content(request, script, !toolCalls.isEmpty());
		if (content != null) {
			Tokenizer.tokens(content).forEach((token) -> deltas.add(new Delta.Content(token)));
		}
		for (int index = 0; index < toolCalls.size(); index++) {
			Script.ToolCallScript call = toolCalls.get(index);
			deltas.add(new Delta.ToolCallStart(index, "call_" + UUID.randomUUID().toString().replace("-", "")
				.substring(0, 24), call.name()));
			for (String token : Tokenizer.tokens(call.argumentsJson())) {
				deltas.add(new Delta.ToolCallArguments(index, token));
			}
		}
		String finishReason = toolCalls.isEmpty() ? "stop" : "tool_calls";
		Integer maxTokens = (request.maxCompletionTokens() != null) ? request.maxCompletionTokens()
				: request.maxTokens();
		return limited(deltas, finishReason, promptTokens(request), maxTokens);
	}

	private static List<Script.ToolCallScript> toolCalls(ChatCompletionRequest request, Script script) {
		if (script.toolCaller == null) {
			return script.toolCalls;
		}
		List<Script.ToolCallScript> toolCalls = new ArrayList<>(script.toolCalls);
		Map<String, String> computed = script.toolCaller.apply(request);
		if (computed != null) {
			computed.forEach((name, arguments) -> toolCalls.add(new Script.ToolCallScript(name, arguments)));
		}
		return toolCalls;
	}

	/** Plans the answer to a text completion request. */
	static Answer completion(CompletionRequest request, Script script) {
		String text = (script.reply != null) ? script.reply : defaultCompletion(request.prompt());
		List<Delta> deltas = new ArrayList<>();
		Tokenizer.tokens(text).forEach((token) -> deltas.add(new Delta.Content(token)));
		return limited(deltas, "stop", promptTokens(request.prompt()), request.maxTokens());
	}

	private static Answer limited(List<Delta> deltas, String finishReason, int promptTokens,
			@Nullable Integer maxTokens) {
		if (maxTokens != null && deltas.size() > maxTokens) {
			return new Answer(List.copyOf(deltas.subList(0, maxTokens)), "length", promptTokens);
		}
		return new Answer(List.copyOf(deltas), finishReason, promptTokens);
	}

	private static @Nullable String content(ChatCompletionRequest request, Script script, boolean callsTools) {
		if (script.reply != null) {
			return script.reply;
		}
		if (script.replier != null) {
			return script.replier.apply(request);
		}
		if (callsTools) {
			return null;
		}
		ResponseFormat format = request.responseFormat();
		if (format != null && format.jsonSchema() != null) {
			return JsonSchemaSample.of(format.jsonSchema().schema());
		}
		if (format != null && "json_object".equals(format.type())) {
			return CerebrasJson.toJson(Map.of("answer", defaultReply(request)));
		}
		return defaultReply(request);
	}

	/**
	 * The reply of the default script: a few sentences that quote the last user message.
	 */
	static String defaultReply(ChatCompletionRequest request) {
		String question = "your message";
		for (ChatMessage message : request.messages()) {
			if (message instanceof UserMessage user) {
				question = "\u201c" + quote(text(user.content())) + "\u201d";
			}
		}
		return "This is the Cerebras mock server answering " + question + ". It writes a deterministic reply "
				+ "from your prompt, splits it into tokens and streams them the way the real API does, with usage "
				+ "and time_info on the final chunk.";
	}

	private static String defaultCompletion(Prompt prompt) {
		String start = (prompt instanceof Prompt.Text text) ? quote(text.text()) : "your prompt";
		return " and so the story of " + start + " goes on, continued deterministically by the Cerebras mock server.";
	}

	private static String quote(String text) {
		String line = text.strip().replaceAll("\\s+", " ");
		return (line.length() <= QUOTE_LENGTH) ? line : line.substring(0, QUOTE_LENGTH - 1).strip() + "\u2026";
	}

	/** Counts the prompt tokens of a chat request, as its usage reports them. */
	static int promptTokens(ChatCompletionRequest request) {
		int tokens = 0;
		for (ChatMessage message : request.messages()) {
			tokens += MESSAGE_OVERHEAD_TOKENS + Tokenizer.count(text(message));
		}
		if (request.tools() != null) {
			tokens += Tokenizer.count(CerebrasJson.toJson(request.tools()));
		}
		return tokens;
	}

	/** Counts the prompt tokens of a text completion request, as its usage reports them. */
	static int promptTokens(Prompt prompt) {
		if (prompt instanceof Prompt.Text text) {
			return Tokenizer.count(text.text());
		}
		if (prompt instanceof Prompt.Texts texts) {
			return texts.texts().stream().mapToInt(Tokenizer::count).sum();
		}
		if (prompt instanceof Prompt.Tokens tokens) {
			return tokens.tokenIds().size();
		}
		return ((Prompt.TokenBatches) prompt).batches().stream().mapToInt(List::size).sum();
	}

	private static String text(ChatMessage message) {
		if (message instanceof SystemMessage system) {
			return text(system.content());
		}
		if (message instanceof DeveloperMessage developer) {
			return text(developer.content());
		}
		if (message instanceof UserMessage user) {
			return text(user.content());
		}
		if (message instanceof ToolMessage tool) {
			return text(tool.content());
		}
		AssistantMessage assistant = (AssistantMessage) message;
		String text = (assistant.content() != null) ? text(assistant.content()) : "";
		return (assistant.toolCalls() != null) ? text + CerebrasJson.toJson(assistant.toolCalls()) : text;
	}

	private static String text(MessageContent content) {
		if (content instanceof MessageContent.Text text) {
			return text.text();
		}
		StringBuilder text = new StringBuilder();
		for (ContentPart part : ((MessageContent.Parts) content).parts()) {
			if (part instanceof ContentPart.TextPart textPart) {
				text.append(textPart.text()).append(' ');
			}
		}
		return text.toString().strip();
	}

	/** Joins the reasoning tokens. */
	@Nullable String reasoning() {
		return join(Delta.Reasoning.class);
	}

	/** Joins the content tokens. */
	@Nullable String content() {
		return join(Delta.Content.class);
	}

	/** Assembles the tool calls from their start and argument tokens. */
	List<ToolCall> toolCalls() {
		List<ToolCall> calls = new ArrayList<>();
		List<StringBuilder> arguments = new ArrayList<>();
		for (Delta delta : this.deltas) {
			if (delta instanceof Delta.ToolCallStart start) {
				calls.add(new ToolCall(start.id(), start.name(), ""));
				arguments.add(new StringBuilder());
			}
			else if (delta instanceof Delta.ToolCallArguments fragment) {
				arguments.get(fragment.index()).append(fragment.text());
			}
		}
		for (int i = 0; i < calls.size(); i++) {
			calls.set(i, new ToolCall(calls.get(i).id(), calls.get(i).name(), arguments.get(i).toString()));
		}
		return calls;
	}

	/** The number of generated tokens. */
	int completionTokens() {
		return this.deltas.size();
	}

	/** The number of reasoning tokens. */
	int reasoningTokens() {
		return (int) this.deltas.stream().filter(Delta.Reasoning.class::isInstance).count();
	}

	private @Nullable String join(Class<? extends Delta> kind) {
		StringBuilder text = new StringBuilder();
		boolean any = false;
		for (Delta delta : this.deltas) {
			if (kind.isInstance(delta)) {
				text.append(((Delta.Text) delta).text());
				any = true;
			}
		}
		return any ? text.toString() : null;
	}

	/**
	 * A tool call as the full answer carries it.
	 *
	 * @param id the call's id
	 * @param name the function's name
	 * @param arguments the JSON arguments
	 */
	record ToolCall(String id, String name, String arguments) {
	}

	/** One generated token. */
	sealed interface Delta {

		/** A token of text. */
		sealed interface Text extends Delta {

			String text();

		}

		/** A reasoning token. */
		record Reasoning(String text) implements Text {
		}

		/** A content token. */
		record Content(String text) implements Text {
		}

		/** The start of a tool call: its id and function name. */
		record ToolCallStart(int index, String id, String name) implements Delta {
		}

		/** A piece of a tool call's JSON arguments. */
		record ToolCallArguments(int index, String text) implements Delta {
		}

	}

}
