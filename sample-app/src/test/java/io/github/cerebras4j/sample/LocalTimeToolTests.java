package io.github.cerebras4j.sample;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The tool of {@code POST /api/tools}, on a fixed clock.
 */
class LocalTimeToolTests {

	private final Clock clock = Clock.fixed(Instant.parse("2026-03-01T23:30:15.250Z"), ZoneOffset.UTC);

	@Test
	void answersTheTimeInTheZoneToTheSecond() {
		assertThat(LocalTimeTool.of(this.clock).call("{\"timeZone\": \"Asia/Tokyo\"}")).isEqualTo(
				"{\"timeZone\":\"Asia/Tokyo\",\"localTime\":\"2026-03-02T08:30:15+09:00\",\"dayOfWeek\":\"MONDAY\"}");
	}

	@Test
	void anUnknownTimeZoneThrows() {
		// a tool run answers the model "Error: " and the message, so that it can try again (see ChatApiTests)
		assertThatExceptionOfType(DateTimeException.class)
			.isThrownBy(() -> LocalTimeTool.of(this.clock).call("{\"timeZone\": \"Mars/Olympus_Mons\"}"));
	}

}
