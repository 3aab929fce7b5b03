package io.github.cerebras4j.client.completions;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.github.cerebras4j.client.core.CerebrasJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromptTests {

	private final JsonMapper mapper = CerebrasJson.mapper();

	static Stream<Arguments> forms() {
		return Stream.of(Arguments.of(Prompt.of("It was a dark and stormy "), "\"It was a dark and stormy \""),
				Arguments.of(Prompt.of(""), "\"\""),
				Arguments.of(Prompt.of("Once upon", "In a galaxy"), "[\"Once upon\",\"In a galaxy\"]"),
				Arguments.of(Prompt.texts(List.of("only one")), "[\"only one\"]"),
				Arguments.of(Prompt.tokens(9906, 11, 1917), "[9906,11,1917]"),
				Arguments.of(Prompt.tokenBatches(List.of(List.of(9906, 11), List.of(1917))), "[[9906,11],[1917]]"));
	}

	@ParameterizedTest
	@MethodSource("forms")
	void eachFormIsWrittenAsItsBareJsonValue(Prompt prompt, String json) {
		assertThat(this.mapper.readTree(CerebrasJson.toJson(prompt))).isEqualTo(this.mapper.readTree(json));
	}

	@ParameterizedTest
	@MethodSource("forms")
	void eachFormIsReadBackByItsJsonShape(Prompt prompt, String json) {
		assertThat(CerebrasJson.fromJson(json, Prompt.class)).isEqualTo(prompt);
	}

	@Test
	void formsAreTheMatchingRecords() {
		assertThat(Prompt.of("a")).isInstanceOf(Prompt.Text.class);
		assertThat(Prompt.of("a", "b")).isInstanceOf(Prompt.Texts.class);
		assertThat(Prompt.tokens(1)).isInstanceOf(Prompt.Tokens.class);
		assertThat(Prompt.tokenBatches(List.of(List.of(1)))).isInstanceOf(Prompt.TokenBatches.class);
	}

	@Test
	void emptyListsAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> Prompt.texts(List.of()))
			.withMessage("prompt must not be an empty list of strings");
		assertThatIllegalArgumentException().isThrownBy(Prompt::tokens)
			.withMessage("prompt must not be an empty list of token ids");
		assertThatIllegalArgumentException().isThrownBy(() -> Prompt.tokenBatches(List.of()))
			.withMessage("prompt must not be an empty list of token id arrays");
		assertThatIllegalArgumentException().isThrownBy(() -> Prompt.tokenBatches(List.of(List.of(1), List.of())))
			.withMessage("prompt must not be an empty list of token ids");
	}

	@Test
	void nullElementsAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> Prompt.of("a", null))
			.withMessage("prompt strings must not be null");
	}

	@Test
	void listsAreCopied() {
		List<String> texts = new ArrayList<>(List.of("a"));
		Prompt prompt = Prompt.texts(texts);
		texts.add("b");
		assertThat(prompt).isEqualTo(Prompt.of(new String[] { "a" }));
	}

	@Test
	void jsonOfNoPromptShapeIsRejected() {
		assertThatThrownBy(() -> CerebrasJson.fromJson("[\"a\", 1]", Prompt.class)).isInstanceOf(JacksonException.class)
			.hasMessageContaining("prompt must be a string, an array of strings");
		assertThatThrownBy(() -> CerebrasJson.fromJson("[1.5]", Prompt.class)).isInstanceOf(JacksonException.class)
			.hasMessageContaining("prompt must be a string, an array of strings");
	}

}
