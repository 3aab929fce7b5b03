package io.github.cerebras4j.client.completions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import io.github.cerebras4j.client.core.CerebrasJson;
import io.github.cerebras4j.client.core.StreamOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CompletionRequestTests {

	private final JsonMapper mapper = CerebrasJson.mapper();

	private CompletionRequest.Builder minimal() {
		return CompletionRequest.builder().model("llama3.1-8b").prompt("It was a dark and stormy ");
	}

	@Test
	void everyFieldIsWrittenWithItsWireName() {
		CompletionRequest request = CompletionRequest.builder()
			.model("llama3.1-8b")
			.prompt("It was a dark and stormy ")
			.bestOf(3)
			.echo(true)
			.frequencyPenalty(0.5)
			.grammarRoot("root")
			.logitBias("50256", -100)
			.logitBias("198", 5)
			.logprobs(5)
			.maxTokens(100)
			.minTokens(-1)
			.n(2)
			.presencePenalty(-0.5)
			.promptCacheKey("story-1")
			.reasoningFormat("parsed")
			.returnRawTokens(false)
			.seed(42L)
			.stop("\n\n", "THE END")
			.streamOptions(StreamOptions.withUsage())
			.suffix("And they lived happily.")
			.temperature(0.7)
			.topP(0.9)
			.user("user-1234")
			.build();

		assertThat(this.mapper.readTree(CerebrasJson.toJson(request))).isEqualTo(this.mapper.readTree("""
				{
				  "model": "llama3.1-8b",
				  "prompt": "It was a dark and stormy ",
				  "best_of": 3,
				  "echo": true,
				  "frequency_penalty": 0.5,
				  "grammar_root": "root",
				  "logit_bias": {"50256": -100, "198": 5},
				  "logprobs": 5,
				  "max_tokens": 100,
				  "min_tokens": -1,
				  "n": 2,
				  "presence_penalty": -0.5,
				  "prompt_cache_key": "story-1",
				  "reasoning_format": "parsed",
				  "return_raw_tokens": false,
				  "seed": 42,
				  "stop": ["\\n\\n", "THE END"],
				  "stream_options": {"include_usage": true},
				  "suffix": "And they lived happily.",
				  "temperature": 0.7,
				  "top_p": 0.9,
				  "user": "user-1234"
				}
				"""));
	}

	@Test
	void unsetFieldsAreOmitted() {
		assertThat(this.mapper.readTree(CerebrasJson.toJson(minimal().build()))).isEqualTo(this.mapper.readTree("""
				{"model": "llama3.1-8b", "prompt": "It was a dark and stormy "}
				"""));
	}

	@Test
	void oneStopSequenceIsWrittenAsAString() {
		CompletionRequest request = minimal().stop("\n").build();

		assertThat(this.mapper.readTree(CerebrasJson.toJson(request)).get("stop").isString()).isTrue();
		assertThat(this.mapper.readTree(CerebrasJson.toJson(request)).get("stop").stringValue()).isEqualTo("\n");
	}

	@Test
	void bodyIsReadBackFromItsJsonWithoutExtraBody() {
		CompletionRequest request = minimal().promptTokens(9906, 11)
			.stop("\n")
			.logitBias("50256", -100)
			.streamOptions(StreamOptions.withUsage())
			.build();
		CompletionRequest sent = request.toBuilder().extraBody("k", "v").build();

		assertThat(CerebrasJson.fromJson(CerebrasJson.toJson(sent), CompletionRequest.class)).isEqualTo(request);
	}

	@Test
	void promptTokensAreWrittenAsAnIntegerArray() {
		CompletionRequest request = minimal().promptTokens(9906, 11).build();

		assertThat(this.mapper.readTree(CerebrasJson.toJson(request)).get("prompt"))
			.isEqualTo(this.mapper.readTree("[9906, 11]"));
	}

	@Test
	void promptBatchesAreWrittenAsNestedArrays() {
		CompletionRequest request = minimal().prompt(Prompt.tokenBatches(List.of(List.of(1, 2), List.of(3))))
			.build();

		assertThat(this.mapper.readTree(CerebrasJson.toJson(request)).get("prompt"))
			.isEqualTo(this.mapper.readTree("[[1, 2], [3]]"));
	}

	@Test
	void extraBodyIsNotInTheBody() {
		CompletionRequest request = minimal().extraBody("repetition_penalty", 1.1)
			.extraBody("explicit_null", null)
			.build();

		assertThat(this.mapper.readTree(CerebrasJson.toJson(request))).isEqualTo(this.mapper.readTree("""
				{"model": "llama3.1-8b", "prompt": "It was a dark and stormy "}
				"""));
		assertThat(request.extraBody()).containsEntry("repetition_penalty", 1.1).containsEntry("explicit_null", null);
	}

	@Test
	void extraBodyMapReplacesTheFieldsAndKeepsNullValues() {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("a", 1);
		fields.put("b", null);

		CompletionRequest request = minimal().extraBody("dropped", true).extraBody(fields).build();

		assertThat(request.extraBody()).containsOnlyKeys("a", "b").containsEntry("a", 1).containsEntry("b", null);
	}

	@Test
	void extraBodyIsEmptyAndNeverNullByDefault() {
		assertThat(minimal().build().extraBody()).isEmpty();
	}

	@Test
	void collectionsAreCopiedSoCallersCannotChangeTheRequest() {
		List<String> stop = new ArrayList<>(List.of("a"));
		CompletionRequest request = minimal().stop(stop).build();
		stop.add("b");

		assertThat(request.stop()).containsExactly("a");
		assertThat(request.extraBody()).isUnmodifiable();
		assertThat(minimal().logitBias("1", 1).build().logitBias()).isUnmodifiable();
	}

	@Test
	void toBuilderCopiesEveryField() {
		CompletionRequest request = minimal().bestOf(2)
			.logitBias("1", 1)
			.stop("x")
			.extraBody("k", "v")
			.streamOptions(StreamOptions.withUsage())
			.build();

		assertThat(request.toBuilder().build()).isEqualTo(request);
		assertThat(request.toBuilder().maxTokens(5).build().maxTokens()).isEqualTo(5);
	}

	@Test
	void onlyTheBuilderMakesARequest() {
		assertThat(CompletionRequest.class.getConstructors()).isEmpty();
		assertThat(CompletionRequest.Builder.class.getConstructors()).isEmpty();
	}

	@Test
	void equalsHashCodeAndToStringCoverTheFieldsThatAreSet() {
		CompletionRequest request = minimal().echo(true).user("u").build();

		assertThat(request).isEqualTo(minimal().echo(true).user("u").build())
			.hasSameHashCodeAs(minimal().echo(true).user("u").build())
			.isNotEqualTo(minimal().echo(false).user("u").build())
			.isNotEqualTo(minimal().echo(true).build())
			.hasToString("CompletionRequest[model=llama3.1-8b, prompt=Text[text=It was a dark and stormy ], echo=true, "
					+ "user=u]");
	}

	@Test
	void toBuilderDoesNotShareMapsWithTheRequest() {
		CompletionRequest request = minimal().logitBias("1", 1).extraBody("k", "v").build();

		CompletionRequest changed = request.toBuilder().logitBias("2", 2).extraBody("k2", "v2").build();

		assertThat(request.logitBias()).containsOnlyKeys("1");
		assertThat(request.extraBody()).containsOnlyKeys("k");
		assertThat(changed.logitBias()).containsOnlyKeys("1", "2");
		assertThat(changed.extraBody()).containsOnlyKeys("k", "k2");
	}

	static Stream<Arguments> invalidRequests() {
		return Stream.of(invalid((b) -> b.model(" "), "model must not be blank, for example \"llama3.1-8b\""),
				invalid((b) -> b.prompt((Prompt) null),
						"prompt must be set: a string, strings, token ids or token id arrays"),
				invalid((b) -> b.temperature(2.5), "temperature must be between 0 and 2, was 2.5"),
				invalid((b) -> b.temperature(-0.1), "temperature must be between 0 and 2, was -0.1"),
				invalid((b) -> b.temperature(Double.NaN), "temperature must be between 0 and 2, was NaN"),
				invalid((b) -> b.topP(1.1), "top_p must be between 0 and 1, was 1.1"),
				invalid((b) -> b.frequencyPenalty(-2.5), "frequency_penalty must be between -2 and 2, was -2.5"),
				invalid((b) -> b.presencePenalty(2.1), "presence_penalty must be between -2 and 2, was 2.1"),
				invalid((b) -> b.logitBias("50256", 101),
						"logit_bias values must be between -100 and 100, was 101 for token 50256"),
				invalid((b) -> b.logitBias("50256", -101),
						"logit_bias values must be between -100 and 100, was -101 for token 50256"),
				invalid((b) -> b.logprobs(21), "logprobs must be between 0 and 20, was 21"),
				invalid((b) -> b.logprobs(-1), "logprobs must be between 0 and 20, was -1"),
				invalid((b) -> b.maxTokens(0), "max_tokens must be at least 1, was 0"),
				invalid((b) -> b.minTokens(-2), "min_tokens must be at least -1, was -2"),
				invalid((b) -> b.n(0), "n must be at least 1, was 0"),
				invalid((b) -> b.bestOf(0), "best_of must be at least 1, was 0"),
				invalid((b) -> b.n(2).bestOf(2), "best_of must be greater than n (2), was 2"),
				invalid((b) -> b.stop("a", "b", "c", "d", "e"), "stop must hold 1 to 4 sequences, had 5"),
				invalid((b) -> b.stop(List.of()), "stop must hold 1 to 4 sequences, had 0"),
				invalid((b) -> b.stop("a", ""), "stop sequences must not be null or empty, was [a, ]"));
	}

	private static Arguments invalid(UnaryOperator<CompletionRequest.Builder> change, String message) {
		return Arguments.of(change, message);
	}

	@ParameterizedTest
	@MethodSource("invalidRequests")
	void invalidFieldIsRejectedNamingTheFieldAndTheAllowedRange(UnaryOperator<CompletionRequest.Builder> change,
			String message) {
		CompletionRequest.Builder builder = change.apply(minimal());

		assertThatIllegalArgumentException().isThrownBy(builder::build).withMessage(message);
	}

	@Test
	void boundaryValuesAreAccepted() {
		assertThatCode(() -> minimal().temperature(0.0)
			.topP(1.0)
			.frequencyPenalty(-2.0)
			.presencePenalty(2.0)
			.logitBias("1", -100)
			.logitBias("2", 100)
			.logprobs(0)
			.maxTokens(1)
			.minTokens(-1)
			.n(1)
			.bestOf(2)
			.stop("a", "b", "c", "d")
			.prompt("")
			.build()).doesNotThrowAnyException();
	}

	@Test
	void bestOfWithoutNNeedsOnlyToBePositive() {
		assertThat(minimal().bestOf(1).build().bestOf()).isEqualTo(1);
	}

	@Test
	void bestOfMakesTheRequestNotStreamable() {
		CompletionRequest request = minimal().bestOf(3).build();

		assertThatIllegalArgumentException().isThrownBy(request::checkStreamable)
			.withMessageStartingWith("best_of cannot be used when streaming");
	}

	@Test
	void requestWithoutBestOfIsStreamable() {
		assertThatCode(() -> minimal().build().checkStreamable()).doesNotThrowAnyException();
	}

}
