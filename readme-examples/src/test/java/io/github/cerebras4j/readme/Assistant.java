package io.github.cerebras4j.readme;

import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;

import org.springframework.stereotype.Service;

/**
 * The README's getting started service: it asks Cerebras through the auto-configured {@link CerebrasTemplate}.
 */
// tag::inject[]
@Service
class Assistant {
	private final CerebrasTemplate cerebras;
	Assistant(CerebrasTemplate cerebras) { this.cerebras = cerebras; }
// end::inject[]

	// tag::call[]
	String answer(String question) {
		return cerebras.chat().completions().create(ChatCompletionRequest.builder()
				.model("llama3.1-8b").user(question).build()).content();
	}
}
// end::call[]
