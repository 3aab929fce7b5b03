package io.github.cerebras4j.sample;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A few cities the built-in simulator knows, so that its structured answers and tool calls follow the prompt: their
 * facts and time zones.
 */
final class Cities {

	/**
	 * A known city.
	 *
	 * @param facts what the simulator answers about it
	 * @param timeZone its IANA time zone
	 */
	record City(CityFacts facts, String timeZone) {
	}

	static final List<City> ALL = List.of(
			city("Paris", "France", 2_102_650, "Europe/Paris", "The Eiffel Tower", "The Louvre", "The banks of the Seine"),
			city("Tokyo", "Japan", 13_960_000, "Asia/Tokyo", "Senso-ji temple", "The Shibuya crossing",
					"The Tsukiji outer market"),
			city("London", "United Kingdom", 8_866_000, "Europe/London", "The British Museum", "Tower Bridge",
					"Hyde Park"),
			city("New York", "United States", 8_258_000, "America/New_York", "Central Park",
					"The Metropolitan Museum of Art", "The Brooklyn Bridge"),
			city("Sydney", "Australia", 5_450_000, "Australia/Sydney", "The Opera House", "Bondi Beach",
					"The Harbour Bridge"),
			city("Sunnyvale", "United States", 155_000, "America/Los_Angeles", "Cerebras' headquarters",
					"Las Palmas Park", "Murphy Avenue"));

	private Cities() {
	}

	/**
	 * Returns the first known city a text names.
	 * @param text a prompt
	 * @return the city, if the text names one
	 */
	static Optional<City> named(String text) {
		String lowerCase = text.toLowerCase(Locale.ROOT);
		return ALL.stream().filter((city) -> lowerCase.contains(city.facts().name().toLowerCase(Locale.ROOT))).findFirst();
	}

	private static City city(String name, String country, long population, String timeZone, String... highlights) {
		return new City(new CityFacts(name, country, population, List.of(highlights)), timeZone);
	}

}
