package io.github.cerebras4j.sample;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * The structured answer of {@code POST /api/structured}: the model answers with JSON that follows this record's
 * schema, and the client reads it into the record.
 *
 * @param name the city's name
 * @param country the country it is in
 * @param population how many people live there
 * @param highlights a few things to see there
 */
record CityFacts(String name, String country, @JsonPropertyDescription("Number of inhabitants") long population,
		@JsonPropertyDescription("A few things to see there") List<String> highlights) {
}
