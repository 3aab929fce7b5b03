package io.github.cerebras4j.sample;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.cerebras4j.client.chat.FunctionTool;

/**
 * The tool {@code POST /api/tools} offers the model: the current time in a time zone, which a model cannot know.
 */
final class LocalTimeTool {

	/** The tool's name, as the model calls it. */
	static final String NAME = "local_time";

	private LocalTimeTool() {
	}

	/**
	 * The tool's arguments.
	 *
	 * @param timeZone the IANA time zone
	 */
	record Arguments(@JsonPropertyDescription("IANA time zone, for example Europe/Paris") String timeZone) {
	}

	/**
	 * The tool's result, sent to the model as JSON.
	 *
	 * @param timeZone the time zone asked
	 * @param localTime the current date and time there (ISO 8601, to the second, with its offset)
	 * @param dayOfWeek the day of the week there
	 */
	record Result(String timeZone, String localTime, String dayOfWeek) {
	}

	/**
	 * Returns the tool, reading the time from a clock.
	 * @param clock the clock
	 * @return the tool; an unknown time zone makes it throw, which the model is told
	 */
	static FunctionTool<Arguments> of(Clock clock) {
		return FunctionTool.of(NAME, "The current date and time in a time zone", Arguments.class,
				(arguments) -> now(clock, arguments.timeZone()));
	}

	static Result now(Clock clock, String timeZone) {
		ZoneId zone = ZoneId.of(timeZone);
		ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone)).truncatedTo(ChronoUnit.SECONDS);
		return new Result(zone.getId(), now.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), now.getDayOfWeek().name());
	}

}
