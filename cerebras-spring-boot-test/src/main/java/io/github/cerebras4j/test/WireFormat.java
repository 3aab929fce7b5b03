package io.github.cerebras4j.test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.github.cerebras4j.client.core.CerebrasJson;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the JSON of the API's answers to one request: the full chat and text completions, their stream chunks,
 * error bodies and models. Null fields are left out, as on the wire; {@code usage} and {@code time_info} come on
 * the full answer and on a stream's final chunk.
 */
final class WireFormat {

	/** The token rate {@code time_info} reports when the script sets none. */
	static final double NOMINAL_TOKENS_PER_SECOND = 2000;

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final long MODELS_CREATED = 1735689600L;

	private final String id;

	private final Instant created;

	private final String model;

	private final Answer answer;

	private final Duration timeToFirstToken;

	private final double tokensPerSecond;

	WireFormat(String idPrefix, String model, Answer answer, Script script) {
		this.id = idPrefix + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
		this.created = Instant.now();
		this.model = model;
		this.answer = answer;
		this.timeToFirstToken = script.timeToFirstToken;
		this.tokensPerSecond = script.tokensPerSecond;
	}

	/** The answer to a chat request that is not streamed ({@code chat.completion}). */
	String chatCompletion() {
		ObjectNode message = NODES.objectNode().put("role", "assistant").put("content", this.answer.content());
		if (this.answer.reasoning() != null) {
			message.put("reasoning", this.answer.reasoning());
		}
		ArrayNode toolCalls = NODES.arrayNode();
		for (Answer.ToolCall call : this.answer.toolCalls()) {
			toolCalls.addObject()
				.put("id", call.id())
				.put("type", "function")
				.putObject("function")
				.put("name", call.name())
				.put("arguments", call.arguments());
		}
		if (!toolCalls.isEmpty()) {
			message.set("tool_calls", toolCalls);
		}
		ObjectNode choice = NODES.objectNode().put("index", 0).put("finish_reason", this.answer.finishReason());
		choice.set("message", message);
		return complete(envelope("chat.completion"), choice);
	}

	/** The events of a streamed chat answer: a role chunk, one chunk per token, a final chunk. */
	List<String> chatChunks() {
		List<String> chunks = new ArrayList<>();
		chunks.add(chatChunk(NODES.objectNode().put("role", "assistant")));
		for (Answer.Delta delta : this.answer.deltas()) {
			chunks.add(chatChunk(chatDelta(delta)));
		}
		ObjectNode last = NODES.objectNode().put("index", 0);
		last.putObject("delta");
		last.put("finish_reason", this.answer.finishReason());
		chunks.add(complete(envelope("chat.completion.chunk"), last));
		return chunks;
	}

	private static ObjectNode chatDelta(Answer.Delta delta) {
		if (delta instanceof Answer.Delta.Reasoning reasoning) {
			return NODES.objectNode().put("reasoning", reasoning.text());
		}
		if (delta instanceof Answer.Delta.Content content) {
			return NODES.objectNode().put("content", content.text());
		}
		ObjectNode call = NODES.objectNode();
		ObjectNode function = NODES.objectNode();
		if (delta instanceof Answer.Delta.ToolCallStart start) {
			call.put("index", start.index()).put("id", start.id()).put("type", "function");
			function.put("name", start.name()).put("arguments", "");
		}
		else {
			Answer.Delta.ToolCallArguments fragment = (Answer.Delta.ToolCallArguments) delta;
			call.put("index", fragment.index());
			function.put("arguments", fragment.text());
		}
		call.set("function", function);
		ObjectNode toolCalls = NODES.objectNode();
		toolCalls.putArray("tool_calls").add(call);
		return toolCalls;
	}

	private String chatChunk(ObjectNode delta) {
		ObjectNode chunk = envelope("chat.completion.chunk");
		ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
		choice.set("delta", delta);
		return CerebrasJson.toJson(chunk);
	}

	/** The answer to a text completion request that is not streamed ({@code text_completion}). */
	String completion() {
		ObjectNode choice = NODES.objectNode()
			.put("index", 0)
			.put("text", (this.answer.content() != null) ? this.answer.content() : "")
			.put("finish_reason", this.answer.finishReason());
		return complete(envelope("text_completion"), choice);
	}

	/** The events of a streamed text completion: one chunk per token, a final chunk. */
	List<String> completionChunks() {
		List<String> chunks = new ArrayList<>();
		for (Answer.Delta delta : this.answer.deltas()) {
			ObjectNode chunk = envelope("text_completion");
			chunk.putArray("choices").addObject().put("index", 0).put("text", ((Answer.Delta.Text) delta).text());
			chunks.add(CerebrasJson.toJson(chunk));
		}
		ObjectNode last = NODES.objectNode().put("index", 0).put("text", "")
			.put("finish_reason", this.answer.finishReason());
		chunks.add(complete(envelope("text_completion"), last));
		return chunks;
	}

	private ObjectNode envelope(String object) {
		return NODES.objectNode()
			.put("id", this.id)
			.put("object", object)
			.put("created", this.created.getEpochSecond())
			.put("model", this.model)
			.put("system_fingerprint", "fp_" + Integer.toHexString(this.model.hashCode() | 0x10000000));
	}

	private String complete(ObjectNode envelope, ObjectNode choice) {
		envelope.putArray("choices").add(choice);
		int completionTokens = this.answer.completionTokens();
		ObjectNode usage = envelope.putObject("usage")
			.put("prompt_tokens", this.answer.promptTokens())
			.put("completion_tokens", completionTokens)
			.put("total_tokens", this.answer.promptTokens() + completionTokens);
		usage.putObject("prompt_tokens_details").put("cached_tokens", 0);
		usage.putObject("completion_tokens_details").put("reasoning_tokens", this.answer.reasoningTokens());
		double rate = (this.tokensPerSecond > 0) ? this.tokensPerSecond : NOMINAL_TOKENS_PER_SECOND;
		double firstToken = this.timeToFirstToken.isZero() ? 0.0002 + this.answer.promptTokens() / 100_000.0
				: this.timeToFirstToken.toNanos() / 1e9;
		double queue = firstToken * 0.05;
		double prompt = firstToken - queue;
		double completion = completionTokens / rate;
		envelope.putObject("time_info")
			.put("queue_time", queue)
			.put("prompt_time", prompt)
			.put("completion_time", completion)
			.put("total_time", queue + prompt + completion)
			.put("created", this.created.toEpochMilli() / 1000.0);
		return CerebrasJson.toJson(envelope);
	}

	/**
	 * The API's flat error body, {@code {"message","type","param","code"}}, with the type and code the status
	 * calls for.
	 */
	static String error(int status, String message) {
		return CerebrasJson.toJson(errorNode(status, message));
	}

	/**
	 * The body of a 429 for a request over the rate-limit budget, as the API writes it: {@code {"message":"Requests
	 * per minute limit exceeded - too many requests sent.","type":"too_many_requests_error","param":"quota",
	 * "code":"request_quota_exceeded"}}.
	 */
	static String quotaExceeded(String message, String code) {
		return CerebrasJson.toJson(NODES.objectNode()
			.put("message", message)
			.put("type", "too_many_requests_error")
			.put("param", "quota")
			.put("code", code));
	}

	/** An error event inside a stream, {@code {"status_code", "error": {...}}}. */
	static String streamError(int status, String message) {
		ObjectNode event = NODES.objectNode().put("status_code", status);
		event.set("error", errorNode(status, message));
		return CerebrasJson.toJson(event);
	}

	private static ObjectNode errorNode(int status, String message) {
		String type;
		String code;
		switch (status) {
			case 400:
			case 422:
				type = "invalid_request_error";
				code = "wrong_api_format";
				break;
			case 401:
				type = "invalid_request_error";
				code = "wrong_api_key";
				break;
			case 402:
				type = "payment_required_error";
				code = "payment_required";
				break;
			case 403:
				type = "permission_denied_error";
				code = "permission_denied";
				break;
			case 404:
				type = "not_found_error";
				code = "not_found";
				break;
			case 429:
				type = "rate_limit_error";
				code = "rate_limit_exceeded";
				break;
			default:
				type = (status >= 500) ? "api_error" : "invalid_request_error";
				code = (status >= 500) ? "internal_server_error" : "request_failed";
		}
		return NODES.objectNode().put("message", message).put("type", type).putNull("param").put("code", code);
	}

	/** The body of {@code GET /v1/models}. */
	static String models(List<String> ids) {
		ObjectNode list = NODES.objectNode().put("object", "list");
		ArrayNode data = list.putArray("data");
		ids.forEach((id) -> data.add(model(id)));
		return CerebrasJson.toJson(list);
	}

	/** The body of {@code GET /v1/models/{id}}. */
	static String modelJson(String id) {
		return CerebrasJson.toJson(model(id));
	}

	private static ObjectNode model(String id) {
		return NODES.objectNode()
			.put("id", id)
			.put("object", "model")
			.put("created", MODELS_CREATED)
			.put("owned_by", "Cerebras");
	}

}
