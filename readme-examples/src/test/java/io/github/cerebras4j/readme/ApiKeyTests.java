package io.github.cerebras4j.readme;

import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.test.CerebrasMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's API key section: the builder takes the key, or reads {@code CEREBRAS_API_KEY} itself.
 */
@ExtendWith(EnvironmentMockServer.class)
class ApiKeyTests {

	@Test
	void keyFromTheEnvironmentVariable(CerebrasMockServer server) {
		// tag::api-key[]
		CerebrasTemplate cerebras = CerebrasTemplate.builder()
				.apiKey(System.getenv("CEREBRAS_API_KEY"))    // or leave this line out: the variable is read anyway
				.build();
		// end::api-key[]
		try (cerebras) {
			assertThat(cerebras.reactive().baseUrl()).isEqualTo(server.baseUrl());
			assertThat(cerebras.models().list().data()).isNotEmpty();
		}
	}

	@Test
	void keyReadFromTheEnvironmentWhenNoneIsGiven(CerebrasMockServer server) {
		try (CerebrasTemplate cerebras = CerebrasTemplate.builder().build()) {
			assertThat(cerebras.models().list().data()).isNotEmpty();
		}
	}

}
