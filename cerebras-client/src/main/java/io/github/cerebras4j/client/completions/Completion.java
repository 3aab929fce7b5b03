package io.github.cerebras4j.client.completions;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.cerebras4j.client.core.CerebrasJson;
import io.github.cerebras4j.client.core.Generation;
import io.github.cerebras4j.client.core.TimeInfo;
import io.github.cerebras4j.client.core.Usage;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The response of {@code POST /v1/completions} when not streamed.
 *
 * @param id the completion's id
 * @param object the object type, {@code text_completion}
 * @param created when the completion was created, in Unix seconds
 * @param model the model that generated it
 * @param systemFingerprint {@code system_fingerprint}: the backend configuration that generated it
 * @param choices the generated texts, empty when the server sent none
 * @param serviceTier {@code service_tier}: the service tier that processed the request
 * @param timeInfo {@code time_info}: the server's own timing
 * @param usage token counts
 * @param extra fields this library does not know yet
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Completion(@Nullable String id, @Nullable String object, @Nullable Long created,
		@Nullable String model, @Nullable String systemFingerprint, List<CompletionChoice> choices,
		@Nullable String serviceTier, @Nullable TimeInfo timeInfo, @Nullable Usage usage,
		@JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements Generation {

	/**
	 * Creates a text completion; {@code choices} and {@code extra} are kept as unmodifiable copies, empty when {@code
	 * null}.
	 * @param id the completion's id
	 * @param object the object type, {@code text_completion}
	 * @param created when the completion was created, in Unix seconds
	 * @param model the model that generated it
	 * @param systemFingerprint {@code system_fingerprint}: the backend configuration that generated it
	 * @param choices the generated texts, empty when the server sent none
	 * @param serviceTier {@code service_tier}: the service tier that processed the request
	 * @param timeInfo {@code time_info}: the server's own timing
	 * @param usage token counts
	 * @param extra fields this library does not know yet
	 */
	public Completion {
		choices = (choices != null) ? List.copyOf(choices) : List.of();
		extra = CerebrasJson.extra(extra);
	}

	/**
	 * Returns the text of the first choice, the whole answer when one completion was asked for.
	 * @return the first choice's text, or {@code null} when there is no choice or it has no text
	 */
	public @Nullable String text() {
		return this.choices.isEmpty() ? null : this.choices.get(0).text();
	}

	/**
	 * Returns why the first choice stopped.
	 * @return the first choice's {@code finish_reason}, or {@code null} when there is none
	 */
	public @Nullable String finishReason() {
		return this.choices.isEmpty() ? null : this.choices.get(0).finishReason();
	}

}
