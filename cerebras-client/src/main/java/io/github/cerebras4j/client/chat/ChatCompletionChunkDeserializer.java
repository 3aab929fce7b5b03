package io.github.cerebras4j.client.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.cerebras4j.client.core.TimeInfo;
import io.github.cerebras4j.client.core.Usage;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a {@link ChatCompletionChunk} with its choices and deltas straight from the parser's tokens: the one type
 * decoded thousands of times a second per stream, for which Jackson's generic record path (creator lookup, property
 * buffers, one reflective constructor call per nested record) cost more than the parsing itself.
 * <p>
 * It decodes exactly what the generic path decodes: the common tokens (strings, integers, nulls) are read here, any
 * other token of a known field and every nested type that rarely appears in a chunk (usage, time info, log
 * probabilities, tool calls, token lists) go through the context as the generic path would, and unknown fields are
 * kept in {@code extra()} as untyped values, in the order they came (the generic path reverses them, and keeps the
 * first of two unknown fields with the same name where this keeps the last, as both do for known fields). A record
 * whose constructor refuses what it is given (a list with a null element) fails with Jackson's instantiation error,
 * as on the generic path, never with the constructor's own exception.
 * {@code ChatCompletionChunkDeserializerTests} compares both paths.
 */
final class ChatCompletionChunkDeserializer extends ValueDeserializer<ChatCompletionChunk> {

	private static final TypeReference<List<ToolCall>> TOOL_CALLS = new TypeReference<>() {
	};

	private static final TypeReference<List<Integer>> TOKENS = new TypeReference<>() {
	};

	private static final TypeReference<List<ChatChunkChoice>> CHOICES = new TypeReference<>() {
	};

	@Override
	public ChatCompletionChunk deserialize(JsonParser parser, DeserializationContext context) {
		expectObject(parser, context, ChatCompletionChunk.class);
		String id = null;
		String object = null;
		Long created = null;
		String model = null;
		String systemFingerprint = null;
		List<ChatChunkChoice> choices = null;
		String serviceTier = null;
		TimeInfo timeInfo = null;
		Usage usage = null;
		Map<String, Object> extra = null;
		for (String name = parser.nextName(); name != null; name = parser.nextName()) {
			parser.nextToken();
			switch (name) {
				case "id" -> id = string(parser, context);
				case "object" -> object = string(parser, context);
				case "created" -> created = (parser.currentToken() == JsonToken.VALUE_NUMBER_INT)
						? (Long) parser.getLongValue() : read(parser, context, Long.class);
				case "model" -> model = string(parser, context);
				case "system_fingerprint" -> systemFingerprint = string(parser, context);
				case "choices" -> choices = choices(parser, context);
				case "service_tier" -> serviceTier = string(parser, context);
				case "time_info" -> timeInfo = read(parser, context, TimeInfo.class);
				case "usage" -> usage = read(parser, context, Usage.class);
				default -> extra = extra(parser, context, extra, name);
			}
		}
		try {
			return new ChatCompletionChunk(id, object, created, model, systemFingerprint, choices, serviceTier,
					timeInfo, usage, extra);
		}
		catch (RuntimeException ex) {
			throw context.instantiationException(ChatCompletionChunk.class, ex);
		}
	}

	private static @Nullable List<ChatChunkChoice> choices(JsonParser parser, DeserializationContext context) {
		if (parser.currentToken() == JsonToken.VALUE_NULL) {
			return null;
		}
		if (parser.currentToken() != JsonToken.START_ARRAY) {
			return context.readValue(parser, CHOICES);
		}
		List<ChatChunkChoice> choices = new ArrayList<>(1);
		while (parser.nextToken() != JsonToken.END_ARRAY) {
			if (parser.currentToken() == JsonToken.VALUE_NULL) {
				context.reportInputMismatch(ChatChunkChoice.class, "A choice of a chunk is null");
			}
			choices.add(choice(parser, context));
		}
		return choices;
	}

	private static ChatChunkChoice choice(JsonParser parser, DeserializationContext context) {
		expectObject(parser, context, ChatChunkChoice.class);
		Integer index = null;
		ChatDelta delta = null;
		String finishReason = null;
		ChatLogprobs logprobs = null;
		ChatLogprobs reasoningLogprobs = null;
		String text = null;
		List<Integer> tokens = null;
		Map<String, Object> extra = null;
		for (String name = parser.nextName(); name != null; name = parser.nextName()) {
			parser.nextToken();
			switch (name) {
				case "index" -> index = integer(parser, context);
				case "delta" -> delta = (parser.currentToken() == JsonToken.VALUE_NULL) ? null : delta(parser, context);
				case "finish_reason" -> finishReason = string(parser, context);
				case "logprobs" -> logprobs = read(parser, context, ChatLogprobs.class);
				case "reasoning_logprobs" -> reasoningLogprobs = read(parser, context, ChatLogprobs.class);
				case "text" -> text = string(parser, context);
				case "tokens" -> tokens = read(parser, context, TOKENS);
				default -> extra = extra(parser, context, extra, name);
			}
		}
		try {
			return new ChatChunkChoice(index, delta, finishReason, logprobs, reasoningLogprobs, text, tokens, extra);
		}
		catch (RuntimeException ex) {
			throw context.instantiationException(ChatChunkChoice.class, ex);
		}
	}

	private static ChatDelta delta(JsonParser parser, DeserializationContext context) {
		expectObject(parser, context, ChatDelta.class);
		String role = null;
		String content = null;
		String reasoning = null;
		List<ToolCall> toolCalls = null;
		List<Integer> tokens = null;
		Map<String, Object> extra = null;
		for (String name = parser.nextName(); name != null; name = parser.nextName()) {
			parser.nextToken();
			switch (name) {
				case "role" -> role = string(parser, context);
				case "content" -> content = string(parser, context);
				case "reasoning" -> reasoning = string(parser, context);
				case "tool_calls" -> toolCalls = read(parser, context, TOOL_CALLS);
				case "tokens" -> tokens = read(parser, context, TOKENS);
				default -> extra = extra(parser, context, extra, name);
			}
		}
		try {
			return new ChatDelta(role, content, reasoning, toolCalls, tokens, extra);
		}
		catch (RuntimeException ex) {
			throw context.instantiationException(ChatDelta.class, ex);
		}
	}

	private static void expectObject(JsonParser parser, DeserializationContext context, Class<?> type) {
		if (parser.currentToken() != JsonToken.START_OBJECT) {
			context.handleUnexpectedToken(type, parser);
		}
	}

	private static @Nullable String string(JsonParser parser, DeserializationContext context) {
		return switch (parser.currentToken()) {
			case VALUE_STRING -> parser.getString();
			case VALUE_NULL -> null;
			default -> context.readValue(parser, String.class);
		};
	}

	private static @Nullable Integer integer(JsonParser parser, DeserializationContext context) {
		return switch (parser.currentToken()) {
			case VALUE_NUMBER_INT -> parser.getIntValue();
			case VALUE_NULL -> null;
			default -> context.readValue(parser, Integer.class);
		};
	}

	/** Reads a value as a record's property would be: JSON {@code null} is {@code null}, the rest is Jackson's. */
	private static <T> @Nullable T read(JsonParser parser, DeserializationContext context, Class<T> type) {
		return (parser.currentToken() == JsonToken.VALUE_NULL) ? null : context.readValue(parser, type);
	}

	private static <T> @Nullable T read(JsonParser parser, DeserializationContext context, TypeReference<T> type) {
		return (parser.currentToken() == JsonToken.VALUE_NULL) ? null : context.readValue(parser, type);
	}

	private static Map<String, Object> extra(JsonParser parser, DeserializationContext context,
			@Nullable Map<String, Object> extra, String name) {
		Map<String, Object> fields = (extra != null) ? extra : new LinkedHashMap<>();
		fields.put(name, read(parser, context, Object.class));
		return fields;
	}

}
