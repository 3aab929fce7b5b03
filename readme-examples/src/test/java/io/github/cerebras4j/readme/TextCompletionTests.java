package io.github.cerebras4j.readme;

import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.client.completions.Completion;
import io.github.cerebras4j.client.completions.CompletionRequest;
import io.github.cerebras4j.test.CerebrasMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's text completion example.
 */
@ExtendWith({ EnvironmentMockServer.class, OutputCaptureExtension.class })
class TextCompletionTests {

	@Test
	void textCompletion(CerebrasTemplate cerebras, CerebrasMockServer server, CapturedOutput output) {
		server.reply("night.");
		// tag::text-completion[]
		Completion completion = cerebras.completions().create(
				CompletionRequest.builder()
						.model("llama3.1-8b")
						.prompt("It was a dark and stormy ")
						.maxTokens(100)
						.build());
		System.out.println(completion.text());
		// end::text-completion[]
		assertThat(output.getOut()).contains("night.\n");
		assertThat(server.lastCompletionRequest().maxTokens()).isEqualTo(100);
	}

}
