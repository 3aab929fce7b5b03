package io.github.cerebras4j.readme;

import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.test.CerebrasMockServer;
import io.github.cerebras4j.test.CerebrasMockServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's plain JUnit test: {@link CerebrasMockServerExtension} injects a {@link CerebrasMockServer}.
 */
// tag::junit-test[]
@ExtendWith(CerebrasMockServerExtension.class)
class AssistantTests {

	@Test
	void answers(CerebrasMockServer server) {
		server.reply("Paris.");
		try (CerebrasTemplate cerebras = CerebrasTemplate.builder()
				.baseUrl(server.baseUrl()).apiKey(CerebrasMockServer.TEST_API_KEY).build()) {
			assertThat(new Assistant(cerebras).answer("Capital of France?")).isEqualTo("Paris.");
		}
	}
}
// end::junit-test[]
