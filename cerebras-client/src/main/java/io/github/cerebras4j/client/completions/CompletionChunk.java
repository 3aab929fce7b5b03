package io.github.cerebras4j.client.completions;

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
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One event of a streamed {@code POST /v1/completions}. Each choice carries the text added since the previous
 * chunk; {@code finish_reason}, {@code usage} and {@code time_info} arrive on the final chunk only.
 *
 * @param id the completion's id, the same on every chunk
 * @param object the object type, {@code text_completion} (or {@code chat.completion.chunk} on some versions)
 * @param created when the completion was created, in Unix seconds
 * @param model the model that generates it
 * @param systemFingerprint {@code system_fingerprint}: the backend configuration that generates it
 * @param choices the increments of the generated texts, empty when the chunk has none
 * @param serviceTier {@code service_tier}: the service tier that processes the request
 * @param timeInfo {@code time_info}: the server's own timing, on the final chunk
 * @param usage token counts, on the final chunk
 * @param extra fields this library does not know yet
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompletionChunk(@Nullable String id, @Nullable String object, @Nullable Long created,
		@Nullable String model, @Nullable String systemFingerprint, List<CompletionChoice> choices,
		@Nullable String serviceTier, @Nullable TimeInfo timeInfo, @Nullable Usage usage,
		@JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements GenerationChunk {

	/**
	 * Creates a chunk; {@code choices} and {@code extra} are kept as unmodifiable copies, empty when {@code null}.
	 * @param id the completion's id, the same on every chunk
	 * @param object the object type, {@code text_completion} (or {@code chat.completion.chunk} on some versions)
	 * @param created when the completion was created, in Unix seconds
	 * @param model the model that generates it
	 * @param systemFingerprint {@code system_fingerprint}: the backend configuration that generates it
	 * @param choices the increments of the generated texts, empty when the chunk has none
	 * @param serviceTier {@code service_tier}: the service tier that processes the request
	 * @param timeInfo {@code time_info}: the server's own timing, on the final chunk
	 * @param usage token counts, on the final chunk
	 * @param extra fields this library does not know yet
	 */
	public CompletionChunk {
		choices = (choices != null) ? List.copyOf(choices) : List.of();
		extra = CerebrasJson.extra(extra);
	}

	/**
	 * Returns the text this chunk adds to the first choice.
	 * @return the first choice's text, or {@code ""} when there is none, never {@code null}
	 */
	public String text() {
		String text = this.choices.isEmpty() ? null : this.choices.get(0).text();
		return (text != null) ? text : "";
	}

	/**
	 * Returns the piece of text the first choice carries, as {@link #text()} does.
	 * @return the text, {@code ""} when there is none
	 */
	@Override
	public String generatedText() {
		return text();
	}

	/**
	 * Tells whether this chunk adds anything to any choice, as opposed to a chunk that only finishes a choice or
	 * carries usage.
	 * @return {@code true} when a choice has non-empty text or tokens
	 */
	@Override
	public boolean hasContent() {
		for (CompletionChoice choice : this.choices) {
			String text = choice.text();
			List<Integer> tokens = choice.tokens();
			if ((text != null && !text.isEmpty()) || (tokens != null && !tokens.isEmpty())) {
				return true;
			}
		}
		return false;
	}

	@Override
	public boolean finishesAChoice() {
		for (CompletionChoice choice : this.choices) {
			if (choice.finishReason() != null) {
				return true;
			}
		}
		return false;
	}

}
