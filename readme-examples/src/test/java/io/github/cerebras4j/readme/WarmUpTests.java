package io.github.cerebras4j.readme;

import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.client.core.WarmUpResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's connection warm-up example.
 */
@ExtendWith(EnvironmentMockServer.class)
class WarmUpTests {

	@Test
	void warmUpAgain() {
		// tag::warm-up[]
		CerebrasTemplate cerebras = CerebrasTemplate.builder()
				.warmUpConnections(4)        // open 4 connections (1 by default)
				.build();
		CerebrasTemplate cold = CerebrasTemplate.builder().warmUp(false).build();

		WarmUpResult result = cerebras.warmUp().join();     // warm up again, e.g. after a long idle period
		// end::warm-up[]
		try (cerebras; cold) {
			assertThat(result.attempted()).isEqualTo(4);
			assertThat(result.isComplete()).isTrue();
			assertThat(cold.warmUp().join().isComplete()).isTrue();
		}
	}

}
