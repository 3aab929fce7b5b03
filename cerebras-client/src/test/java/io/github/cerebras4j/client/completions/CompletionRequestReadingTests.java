package io.github.cerebras4j.client.completions;

import java.util.Map;

import io.github.cerebras4j.client.core.CerebrasJson;
import io.github.cerebras4j.client.core.StreamOptions;
import io.github.cerebras4j.client.internal.transport.RequestBodies;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Reading a text completion request back from the JSON body the client sends, as a mock server does.
 */
class CompletionRequestReadingTests {

	@Test
	void streamedWireBodyIsReadBackAsTheSameRequest() {
		CompletionRequest request = CompletionRequest.builder()
			.model("llama3.1-8b")
			.prompt("It was a dark and stormy ")
			.echo(true)
			.logitBias("50256", -100)
			.maxTokens(100)
			.seed(42L)
			.stop("THE END")
			.streamOptions(StreamOptions.withUsage())
			.temperature(0.7)
			.extraBody("custom_flag", "on")
			.build();
		String wireBody = new String(RequestBodies.json(request, true, Map.of()));

		CompletionRequest read = CerebrasJson.fromJson(wireBody, CompletionRequest.class);

		assertThat(read).isEqualTo(request);
	}

	@Test
	void streamIsSkippedAndUnknownFieldsLandInExtraBody() {
		CompletionRequest read = CerebrasJson.fromJson("""
				{"model": "llama3.1-8b", "prompt": ["a", "b"], "stream": true,
				 "stream_options": {"include_usage": true}, "custom_flag": "on"}
				""", CompletionRequest.class);

		assertThat(read.prompt()).isEqualTo(Prompt.of("a", "b"));
		assertThat(read.streamOptions()).isEqualTo(StreamOptions.withUsage());
		assertThat(read.extraBody()).containsOnly(entry("custom_flag", "on"));
	}

}
