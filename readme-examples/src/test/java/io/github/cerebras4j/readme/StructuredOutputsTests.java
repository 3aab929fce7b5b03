package io.github.cerebras4j.readme;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.chat.StructuredCompletion;
import io.github.cerebras4j.test.CerebrasMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's structured outputs example.
 */
@ExtendWith({ EnvironmentMockServer.class, OutputCaptureExtension.class })
class StructuredOutputsTests {

	@Test
	void structuredOutputs(CerebrasTemplate cerebras, CerebrasMockServer server, CapturedOutput output) {
		server.reply("{\"title\":\"Arrival\",\"year\":2016,\"genres\":[\"science fiction\",\"drama\"],"
				+ "\"tagline\":null}");
		// tag::structured-outputs[]
		record Movie(String title, @JsonPropertyDescription("Year of release") int year, List<String> genres,
				Optional<String> tagline) {
		}

		StructuredCompletion<Movie> result = cerebras.chat().completions().create(
				ChatCompletionRequest.builder()
						.model("llama3.1-8b")
						.user("Recommend one science-fiction film.")
						.build(),
				Movie.class);

		Movie movie = result.value();                     // the reply, read into the record
		System.out.println(movie.title() + " (" + movie.year() + ")");
		System.out.println(result.completion().usage());  // the whole completion is there too
		// end::structured-outputs[]
		assertThat(movie).isEqualTo(new Movie("Arrival", 2016, List.of("science fiction", "drama"), Optional.empty()));
		assertThat(output.getOut()).contains("Arrival (2016)\n");
		Map<String, Object> schema = server.lastChatRequest().responseFormat().jsonSchema().schema();
		assertThat(schema).containsEntry("additionalProperties", false)
			.containsEntry("required", List.of("title", "year", "genres", "tagline"));
		assertThat(server.lastChatRequest().responseFormat().jsonSchema().name()).isEqualTo("Movie");
	}

}
