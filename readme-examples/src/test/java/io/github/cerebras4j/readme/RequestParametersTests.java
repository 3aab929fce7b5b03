package io.github.cerebras4j.readme;

import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.test.CerebrasMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The README's example of an undocumented request parameter.
 */
@ExtendWith(EnvironmentMockServer.class)
class RequestParametersTests {

	@Test
	void extraBodyIsSent(CerebrasTemplate cerebras, CerebrasMockServer server) {
		// tag::extra-body[]
		ChatCompletionRequest request = ChatCompletionRequest.builder().model("llama3.1-8b").user("Hi")
				.extraBody("some_new_param", true)
				.build();
		// end::extra-body[]
		cerebras.chat().completions().create(request);
		assertThat(server.lastChatRequest().extraBody()).containsExactly(entry("some_new_param", true));
	}

}
