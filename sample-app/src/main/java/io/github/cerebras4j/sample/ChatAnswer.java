package io.github.cerebras4j.sample;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.cerebras4j.client.chat.ChatCompletion;
import io.github.cerebras4j.client.core.TimeInfo;
import io.github.cerebras4j.client.core.Usage;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code POST /api/chat}: the model's reply once it is complete. The call is not streamed, so there is
 * no time to first token here; {@code POST /api/chat/stream} measures it.
 *
 * @param content the answer
 * @param reasoning the model's reasoning, for reasoning models
 * @param model the model that answered
 * @param finishReason why the model stopped ({@code stop}, {@code length}, ...)
 * @param usage the token counts, as Cerebras reports them
 * @param timeInfo the server's timing in seconds, as Cerebras reports it ({@code time_info})
 * @param latencyMs the whole call as this application saw it, from sending the request to the complete answer
 * @param serverTokensPerSecond completion tokens per second of the server's completion time (from {@code usage} and
 * {@code time_info})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ChatAnswer(@Nullable String content, @Nullable String reasoning, @Nullable String model,
		@Nullable String finishReason, @Nullable Usage usage, @Nullable TimeInfo timeInfo, long latencyMs,
		@Nullable Double serverTokensPerSecond) {

	static ChatAnswer of(ChatCompletion completion, long latencyMs) {
		return new ChatAnswer(completion.content(), completion.reasoning(), completion.model(),
				completion.finishReason(), completion.usage(), completion.timeInfo(), latencyMs,
				serverTokensPerSecond(completion.usage(), completion.timeInfo()));
	}

	static @Nullable Double serverTokensPerSecond(@Nullable Usage usage, @Nullable TimeInfo timeInfo) {
		if (usage == null || usage.completionTokens() == null || timeInfo == null
				|| timeInfo.completionTime() == null || timeInfo.completionTime() <= 0) {
			return null;
		}
		return oneDecimal(usage.completionTokens() / timeInfo.completionTime());
	}

	static double oneDecimal(double value) {
		return Math.round(value * 10) / 10.0;
	}

}
