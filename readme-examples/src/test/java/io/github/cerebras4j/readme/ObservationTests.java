package io.github.cerebras4j.readme;

import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The README's observation example.
 */
@ExtendWith(EnvironmentMockServer.class)
class ObservationTests {

	@Test
	void callsAreObserved() {
		TestObservationRegistry observationRegistry = TestObservationRegistry.create();
		// tag::observation[]
		CerebrasTemplate cerebras = CerebrasTemplate.builder()
				.observationRegistry(observationRegistry)
				.build();
		// end::observation[]
		try (cerebras) {
			cerebras.chat()
				.completions()
				.create(ChatCompletionRequest.builder().model("llama3.1-8b").user("Hi").build());
		}
		TestObservationRegistryAssert.assertThat(observationRegistry)
			.hasObservationWithNameEqualTo("gen_ai.client.operation.duration")
			.that()
			.hasLowCardinalityKeyValue("gen_ai.request.model", "llama3.1-8b")
			.hasLowCardinalityKeyValue("outcome", "SUCCESS");
	}

}
