package io.github.cerebras4j.client;

import java.util.Arrays;
import java.util.List;

import io.github.cerebras4j.client.chat.ChatCompletion;
import io.github.cerebras4j.client.core.CerebrasJson;
import io.github.cerebras4j.client.internal.RecordConstructors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.exc.ValueInstantiationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RecordConstructors}: {@link CerebrasJson}'s mapper creates records through their constructor by
 * reflection, and a constructor that refuses its values still fails as Jackson reports it.
 */
class RecordConstructorsTests {

	@Test
	void recordsAreCreatedThroughTheirConstructorByReflection() {
		Probe probe = CerebrasJson.fromJson("{\"first\":\"a\",\"second\":\"b\"}", Probe.class);
		List<String> createdBy = Probe.lastCreatedBy;

		assertThat(probe).isEqualTo(new Probe("a", "b", List.of()));
		assertThat(createdBy).anyMatch((frame) -> frame.contains("RecordConstructors$ByConstructor"))
			.noneMatch((frame) -> frame.contains("invokeWithArguments"));
	}

	@Test
	void aConstructorThatRefusesItsValuesFailsAsJacksonReportsIt() {
		assertThatExceptionOfType(ValueInstantiationException.class)
			.isThrownBy(() -> CerebrasJson.fromJson("{\"choices\":[null]}", ChatCompletion.class))
			.withMessageContaining(ChatCompletion.class.getName());
	}

	/**
	 * A record that remembers how it was created.
	 *
	 * @param first a value
	 * @param second another value
	 * @param rest more values
	 */
	record Probe(String first, String second, List<String> rest) {

		static List<String> lastCreatedBy = List.of();

		Probe {
			rest = (rest != null) ? List.copyOf(rest) : List.of();
			lastCreatedBy = Arrays.stream(new Throwable().getStackTrace()).map(StackTraceElement::toString).toList();
		}

	}

}
