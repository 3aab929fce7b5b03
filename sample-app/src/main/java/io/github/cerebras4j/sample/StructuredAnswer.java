package io.github.cerebras4j.sample;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.cerebras4j.client.chat.StructuredCompletion;
import io.github.cerebras4j.client.core.Usage;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code POST /api/structured}.
 *
 * @param city the model's answer, read into a {@link CityFacts}
 * @param model the model that answered
 * @param usage the token counts, as Cerebras reports them
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record StructuredAnswer(CityFacts city, @Nullable String model, @Nullable Usage usage) {

	static StructuredAnswer of(StructuredCompletion<CityFacts> completion) {
		return new StructuredAnswer(completion.value(), completion.completion().model(),
				completion.completion().usage());
	}

}
