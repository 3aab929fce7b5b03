package io.github.cerebras4j.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link CerebrasMockServer} answers, as scripted by its fluent methods. Mutated only under the server's
 * lock; each request is answered from a {@link #copy()} taken when it arrives.
 */
final class Script {

	static final List<String> DEFAULT_MODELS = List.of("llama3.1-8b", "gpt-oss-120b", "qwen-3-32b");

	static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

	@Nullable String reply;

	@Nullable Function<ChatCompletionRequest, String> replier;

	@Nullable String reasoning;

	List<ToolCallScript> toolCalls = new ArrayList<>();

	@Nullable Function<ChatCompletionRequest, Map<String, String>> toolCaller;

	Duration timeToFirstToken = Duration.ZERO;

	double tokensPerSecond;

	@Nullable RemainingLimits remainingLimits;

	@Nullable HttpFailure httpFailure;

	Duration retryAfter = DEFAULT_RETRY_AFTER;

	@Nullable StreamFailure streamFailure;

	CerebrasMockServer.@Nullable Fault fault;

	List<String> models = DEFAULT_MODELS;

	Script copy() {
		Script copy = new Script();
		copy.reply = this.reply;
		copy.replier = this.replier;
		copy.reasoning = this.reasoning;
		copy.toolCalls = List.copyOf(this.toolCalls);
		copy.toolCaller = this.toolCaller;
		copy.timeToFirstToken = this.timeToFirstToken;
		copy.tokensPerSecond = this.tokensPerSecond;
		copy.remainingLimits = this.remainingLimits;
		copy.httpFailure = this.httpFailure;
		copy.retryAfter = this.retryAfter;
		copy.streamFailure = this.streamFailure;
		copy.fault = this.fault;
		copy.models = this.models;
		return copy;
	}

	/** A scripted tool call. */
	record ToolCallScript(String name, String argumentsJson) {
	}

	/** Scripted values of the remaining-quota rate-limit headers. */
	record RemainingLimits(long requestsPerDay, long tokensPerMinute) {
	}

	/** A scripted HTTP error status. */
	record HttpFailure(int status, String message) {
	}

	/** A scripted error event inside a stream. */
	record StreamFailure(int statusCode, String message, int afterChunks) {
	}

}
