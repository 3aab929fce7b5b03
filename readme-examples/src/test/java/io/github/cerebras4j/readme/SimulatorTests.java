package io.github.cerebras4j.readme;

import java.time.Duration;

import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.test.CerebrasMockServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's simulator for demos: a {@link CerebrasMockServer} kept running and answering like a model.
 */
class SimulatorTests {

	@Test
	void simulatorAnswersWithTheCannedAnswer() {
		// tag::simulator[]
		CerebrasMockServer simulator = CerebrasMockServer.start()
				.timeToFirstToken(Duration.ofMillis(150))
				.tokensPerSecond(2000)
				.replyWith(request -> myCannedAnswer(request));
		// end::simulator[]
		try (simulator; CerebrasTemplate cerebras = CerebrasTemplate.builder()
			.baseUrl(simulator.baseUrl())
			.apiKey(CerebrasMockServer.TEST_API_KEY)
			.warmUp(false)
			.build()) {
			ChatCompletionRequest request = ChatCompletionRequest.builder().model("llama3.1-8b").user("Hi").build();
			assertThat(cerebras.chat().completions().create(request).content())
				.isEqualTo("A canned answer to 1 message(s).");
		}
	}

	private String myCannedAnswer(ChatCompletionRequest request) {
		return "A canned answer to " + request.messages().size() + " message(s).";
	}

}
