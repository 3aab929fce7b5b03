package io.github.cerebras4j.client.chat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.cerebras4j.client.core.CerebrasJson;
import io.github.cerebras4j.client.core.GenerationChunk;
import io.github.cerebras4j.client.core.TimeInfo;
import io.github.cerebras4j.client.core.Usage;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One event of a streamed {@code POST /v1/chat/completions}. The first chunk usually only carries the role;
 * {@code usage} and {@code time_info} arrive on the final chunk, typically together with the
 * {@code finish_reason}. The shortcuts {@link #content()} and {@link #reasoning()} read the first choice and
 * never return {@code null}, so {@code System.out.print(chunk.content())} prints the answer as it arrives.
 *
 * @param id the completion's id, the same on every chunk
 * @param object the kind of object, {@code chat.completion.chunk}
 * @param created when the completion was created, in Unix seconds
 * @param model the model that generates it
 * @param systemFingerprint the backend configuration that generates it ({@code system_fingerprint})
 * @param choices the choices this chunk continues; empty when absent
 * @param serviceTier the processing tier used ({@code service_tier})
 * @param timeInfo the server's timing ({@code time_info}), on the final chunk
 * @param usage the token counts, on the final chunk
 * @param extra fields this library does not know yet
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonDeserialize(using = ChatCompletionChunkDeserializer.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatCompletionChunk(@Nullable String id, @Nullable String object, @Nullable Long created,
		@Nullable String model, @Nullable String systemFingerprint, List<ChatChunkChoice> choices,
		@Nullable String serviceTier, @Nullable TimeInfo timeInfo, @Nullable Usage usage,
		@JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements GenerationChunk {

	/**
	 * Creates a chunk; {@code choices} and {@code extra} are kept as unmodifiable copies, empty when {@code null}.
	 * @param id the completion's id, the same on every chunk
	 * @param object the kind of object, {@code chat.completion.chunk}
	 * @param created when the completion was created, in Unix seconds
	 * @param model the model that generates it
	 * @param systemFingerprint the backend configuration that generates it ({@code system_fingerprint})
	 * @param choices the choices this chunk continues; empty when absent
	 * @param serviceTier the processing tier used ({@code service_tier})
	 * @param timeInfo the server's timing ({@code time_info}), on the final chunk
	 * @param usage the token counts, on the final chunk
	 * @param extra fields this library does not know yet
	 */
	public ChatCompletionChunk {
		choices = (choices != null) ? List.copyOf(choices) : List.of();
		extra = CerebrasJson.extra(extra);
	}

	/**
	 * Returns the piece of the answer the first choice's delta carries.
	 * @return the content, {@code ""} when there is none
	 */
	public String content() {
		ChatDelta delta = firstDelta();
		return (delta != null && delta.content() != null) ? delta.content() : "";
	}

	/**
	 * Returns the piece of the answer the first choice's delta carries, as {@link #content()} does.
	 * @return the content, {@code ""} when there is none
	 */
	@Override
	public String generatedText() {
		return content();
	}

	/**
	 * Returns the piece of the reasoning the first choice's delta carries.
	 * @return the reasoning, {@code ""} when there is none
	 */
	public String reasoning() {
		ChatDelta delta = firstDelta();
		return (delta != null && delta.reasoning() != null) ? delta.reasoning() : "";
	}

	/**
	 * Tells whether any choice's delta carries a non-empty piece of content or reasoning; the first chunk
	 * that does marks the time to first token. A chunk with only the role, only a finish reason or only usage
	 * has none.
	 * @return whether this chunk carries generated text
	 */
	@Override
	public boolean hasContent() {
		for (ChatChunkChoice choice : this.choices) {
			ChatDelta delta = choice.delta();
			if (delta != null && (isNotEmpty(delta.content()) || isNotEmpty(delta.reasoning()))) {
				return true;
			}
		}
		return false;
	}

	@Override
	public boolean finishesAChoice() {
		for (ChatChunkChoice choice : this.choices) {
			if (choice.finishReason() != null) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Returns why the first choice stopped, see {@link FinishReason}.
	 * @return the finish reason, or {@code null} on every chunk but the choice's last
	 */
	public @Nullable String finishReason() {
		return this.choices.isEmpty() ? null : this.choices.get(0).finishReason();
	}

	private @Nullable ChatDelta firstDelta() {
		return this.choices.isEmpty() ? null : this.choices.get(0).delta();
	}

	private static boolean isNotEmpty(@Nullable String text) {
		return text != null && !text.isEmpty();
	}

}
