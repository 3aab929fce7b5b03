package io.github.cerebras4j.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.chat.ResponseFormat;
import io.github.cerebras4j.client.chat.StructuredCompletion;
import io.github.cerebras4j.client.core.CerebrasJson;
import io.github.cerebras4j.client.error.CerebrasStructuredOutputException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Structured outputs: the {@code response_format} generated from a Java type, exactly as sent, and the reply read
 * back into the type, or a typed failure that keeps the raw text.
 */
class StructuredOutputTests {

	@RegisterExtension
	static WireMockExtension server = CerebrasWireMock.server();

	private CerebrasTemplate cerebras;

	private ReactiveCerebrasTemplate reactive;

	@BeforeEach
	void setUp() {
		this.cerebras = CerebrasWireMock.template(server).build();
		this.reactive = CerebrasWireMock.reactive(server).build();
	}

	@AfterEach
	void tearDown() {
		this.cerebras.close();
		this.reactive.close();
	}

	record City(String name, int population, double area, boolean capital) {
	}

	record Address(String street, City city) {
	}

	record Team(String name, List<String> tags, List<Person> members) {
	}

	record Person(String name, int age) {
	}

	enum Mood {

		HAPPY, @JsonProperty("so-so") SO_SO

	}

	record Review(Mood mood, List<Mood> history) {
	}

	record Contact(String name, Optional<String> email, @Nullable Integer age, @Nullable City city) {
	}

	@JsonClassDescription("A film")
	record Movie(@JsonPropertyDescription("The original title") String title,
			@JsonProperty("release_year") int year) {
	}

	@Test
	void flatRecord() {
		StructuredCompletion<City> result = send(City.class,
				"{\"name\":\"Paris\",\"population\":2100000,\"area\":105.4,\"capital\":true}");

		assertThat(result.value()).isEqualTo(new City("Paris", 2100000, 105.4, true));
		assertSent("""
				{"type":"json_schema","json_schema":{"name":"City","strict":true,"schema":{
				  "type":"object",
				  "properties":{"name":{"type":"string"},"population":{"type":"integer"},"area":{"type":"number"},
				    "capital":{"type":"boolean"}},
				  "required":["name","population","area","capital"],
				  "additionalProperties":false}}}
				""");
	}

	@Test
	void nestedRecord() {
		StructuredCompletion<Address> result = send(Address.class,
				"{\"street\":\"Rue de Rivoli\",\"city\":{\"name\":\"Paris\",\"population\":1,\"area\":2.5,\"capital\":true}}");

		assertThat(result.value()).isEqualTo(new Address("Rue de Rivoli", new City("Paris", 1, 2.5, true)));
		assertSent("""
				{"type":"json_schema","json_schema":{"name":"Address","strict":true,"schema":{
				  "type":"object",
				  "properties":{"street":{"type":"string"},
				    "city":{"type":"object",
				      "properties":{"name":{"type":"string"},"population":{"type":"integer"},"area":{"type":"number"},
				        "capital":{"type":"boolean"}},
				      "required":["name","population","area","capital"],
				      "additionalProperties":false}},
				  "required":["street","city"],
				  "additionalProperties":false}}}
				""");
	}

	@Test
	void listsOfValuesAndOfRecords() {
		StructuredCompletion<Team> result = send(Team.class,
				"{\"name\":\"core\",\"tags\":[\"a\",\"b\"],\"members\":[{\"name\":\"Ada\",\"age\":36}]}");

		assertThat(result.value()).isEqualTo(new Team("core", List.of("a", "b"), List.of(new Person("Ada", 36))));
		assertSent("""
				{"type":"json_schema","json_schema":{"name":"Team","strict":true,"schema":{
				  "type":"object",
				  "properties":{"name":{"type":"string"},
				    "tags":{"type":"array","items":{"type":"string"}},
				    "members":{"type":"array","items":{"type":"object",
				      "properties":{"name":{"type":"string"},"age":{"type":"integer"}},
				      "required":["name","age"],"additionalProperties":false}}},
				  "required":["name","tags","members"],
				  "additionalProperties":false}}}
				""");
	}

	@Test
	void enumsUseTheirJsonNamesAndATypeUsedTwiceGoesToDefs() {
		StructuredCompletion<Review> result = send(Review.class, "{\"mood\":\"so-so\",\"history\":[\"HAPPY\"]}");

		assertThat(result.value()).isEqualTo(new Review(Mood.SO_SO, List.of(Mood.HAPPY)));
		assertSent("""
				{"type":"json_schema","json_schema":{"name":"Review","strict":true,"schema":{
				  "$defs":{"Mood":{"type":"string","enum":["HAPPY","so-so"]}},
				  "type":"object",
				  "properties":{"mood":{"$ref":"#/$defs/Mood"},"history":{"type":"array","items":{"$ref":"#/$defs/Mood"}}},
				  "required":["mood","history"],
				  "additionalProperties":false}}}
				""");
	}

	@Test
	void optionalAndNullablePropertiesAreRequiredAndAnyOfNull() {
		StructuredCompletion<Contact> result = send(Contact.class,
				"{\"name\":\"Ada\",\"email\":null,\"age\":36,\"city\":null}");

		assertThat(result.value()).isEqualTo(new Contact("Ada", Optional.empty(), 36, null));
		assertSent("""
				{"type":"json_schema","json_schema":{"name":"Contact","strict":true,"schema":{
				  "type":"object",
				  "properties":{"name":{"type":"string"},
				    "email":{"anyOf":[{"type":"null"},{"type":"string"}]},
				    "age":{"anyOf":[{"type":"null"},{"type":"integer"}]},
				    "city":{"anyOf":[{"type":"null"},{"type":"object",
				      "properties":{"name":{"type":"string"},"population":{"type":"integer"},"area":{"type":"number"},
				        "capital":{"type":"boolean"}},
				      "required":["name","population","area","capital"],"additionalProperties":false}]}},
				  "required":["name","email","age","city"],
				  "additionalProperties":false}}}
				""");
	}

	@Test
	void optionalWithAValue() {
		StructuredCompletion<Contact> result = send(Contact.class,
				"{\"name\":\"Ada\",\"email\":\"ada@example.com\",\"age\":null,\"city\":null}");

		assertThat(result.value()).isEqualTo(new Contact("Ada", Optional.of("ada@example.com"), null, null));
	}

	@Test
	void jsonPropertyNamesAndDescriptions() {
		StructuredCompletion<Movie> result = send(Movie.class, "{\"title\":\"Alien\",\"release_year\":1979}");

		assertThat(result.value()).isEqualTo(new Movie("Alien", 1979));
		assertSent("""
				{"type":"json_schema","json_schema":{"name":"Movie","strict":true,"schema":{
				  "type":"object",
				  "properties":{"title":{"type":"string","description":"The original title"},
				    "release_year":{"type":"integer"}},
				  "required":["title","release_year"],
				  "description":"A film",
				  "additionalProperties":false}}}
				""");
	}

	@Test
	void theCompletionIsKeptWithTheValue() {
		StructuredCompletion<Movie> result = send(Movie.class, "{\"title\":\"Alien\",\"release_year\":1979}");

		assertThat(result.completion().content()).isEqualTo("{\"title\":\"Alien\",\"release_year\":1979}");
		assertThat(result.completion().usage().totalTokens()).isEqualTo(24);
	}

	@Test
	void aResponseFormatTheRequestHasIsReplaced() {
		stubAnswer("{\"title\":\"Alien\",\"release_year\":1979}");
		ChatCompletionRequest request = request().toBuilder().responseFormat(ResponseFormat.jsonObject()).build();

		this.cerebras.chat().completions().create(request, Movie.class);

		assertThat(sentResponseFormat().get("type").asString()).isEqualTo("json_schema");
		assertThat(sentBody().get("messages").get(0).get("content").asString()).isEqualTo("Tell me about it as JSON.");
	}

	@Test
	void textThatIsNotJsonIsATypedFailureWithTheRawText() {
		assertFailure("Sure! Here is the movie: Alien (1979)");
	}

	@Test
	void jsonCutShortIsATypedFailure() {
		assertFailure("{\"title\":\"Alien\",\"release_");
	}

	@Test
	void aMissingPropertyIsATypedFailure() {
		assertFailure("{\"title\":\"Alien\"}");
	}

	@Test
	void anUnknownPropertyIsATypedFailure() {
		assertFailure("{\"title\":\"Alien\",\"release_year\":1979,\"director\":\"Scott\"}");
	}

	@Test
	void aValueOfTheWrongKindIsATypedFailure() {
		assertFailure("{\"title\":\"Alien\",\"release_year\":\"nineteen seventy-nine\"}");
	}

	@Test
	void anUnknownEnumValueIsATypedFailure() {
		stubAnswer("{\"mood\":\"angry\",\"history\":[]}");

		assertThatExceptionOfType(CerebrasStructuredOutputException.class)
			.isThrownBy(() -> this.cerebras.chat().completions().create(request(), Review.class))
			.satisfies((ex) -> assertThat(ex.rawText()).isEqualTo("{\"mood\":\"angry\",\"history\":[]}"));
	}

	@Test
	void aReplyWithoutContentIsATypedFailure() {
		server.stubFor(post("/v1/chat/completions").willReturn(okJson(CerebrasWireMock.chatCompletion()
			.replace("\"content\":\"Fast inference makes AI feel instant.\"", "\"content\":null"))));

		assertThatExceptionOfType(CerebrasStructuredOutputException.class)
			.isThrownBy(() -> this.cerebras.chat().completions().create(request(), Movie.class))
			.satisfies((ex) -> {
				assertThat(ex.rawText()).isNull();
				assertThat(ex.targetType()).isEqualTo(Movie.class);
				assertThat(ex).hasMessageContaining("no content");
			});
	}

	@Test
	void reactiveTwinReadsTheValue() {
		stubAnswer("{\"title\":\"Alien\",\"release_year\":1979}");

		StepVerifier.create(this.reactive.chat().completions().create(request(), Movie.class))
			.assertNext((result) -> assertThat(result.value()).isEqualTo(new Movie("Alien", 1979)))
			.verifyComplete();
		assertThat(sentResponseFormat().get("json_schema").get("name").asString()).isEqualTo("Movie");
	}

	@Test
	void reactiveTwinFailsTyped() {
		stubAnswer("not json");

		StepVerifier.create(this.reactive.chat().completions().create(request(), Movie.class))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(CerebrasStructuredOutputException.class)
				.extracting((e) -> ((CerebrasStructuredOutputException) e).rawText())
				.isEqualTo("not json"))
			.verify();
	}

	@Test
	void aTypeThatIsNotAJsonObjectIsRejectedBeforeSending() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.cerebras.chat().completions().create(request(), String.class))
			.withMessageContaining("java.lang.String");
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> ResponseFormat.jsonSchema(Mood.class));
		server.verify(0, postRequestedFor(urlEqualTo("/v1/chat/completions")));
	}

	@Test
	@SuppressWarnings("unchecked")
	void theSchemaOfATypeIsSharedAndCannotBeChangedAtAnyLevel() {
		Map<String, Object> schema = ResponseFormat.jsonSchema(City.class).jsonSchema().schema();
		Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
		List<Object> required = (List<Object>) schema.get("required");

		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> properties.remove("name"));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> required.add("extra"));
		assertThat(ResponseFormat.jsonSchema(City.class).jsonSchema().schema()).isEqualTo(schema);
	}

	private void assertFailure(String content) {
		stubAnswer(content);

		assertThatExceptionOfType(CerebrasStructuredOutputException.class)
			.isThrownBy(() -> this.cerebras.chat().completions().create(request(), Movie.class))
			.satisfies((ex) -> {
				assertThat(ex.rawText()).isEqualTo(content);
				assertThat(ex.targetType()).isEqualTo(Movie.class);
				assertThat(ex.getCause()).isNotNull();
				assertThat(ex).hasMessageContaining("Movie");
			});
	}

	private <T> StructuredCompletion<T> send(Class<T> type, String content) {
		stubAnswer(content);
		return this.cerebras.chat().completions().create(request(), type);
	}

	private static ChatCompletionRequest request() {
		return ChatCompletionRequest.builder().model("llama3.1-8b").user("Tell me about it as JSON.").build();
	}

	private static void stubAnswer(String content) {
		String escaped = CerebrasJson.toJson(content);
		server.stubFor(post("/v1/chat/completions").willReturn(okJson(CerebrasWireMock.chatCompletion()
			.replace("\"Fast inference makes AI feel instant.\"", escaped))));
	}

	private static void assertSent(String expectedResponseFormat) {
		JsonNode expected = CerebrasJson.mapper().readTree(expectedResponseFormat);
		assertThat(sentResponseFormat()).isEqualTo(expected);
	}

	private static JsonNode sentResponseFormat() {
		return sentBody().get("response_format");
	}

	private static JsonNode sentBody() {
		List<com.github.tomakehurst.wiremock.verification.LoggedRequest> requests = server
			.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")));
		assertThat(requests).hasSize(1);
		return CerebrasJson.mapper().readTree(requests.get(0).getBodyAsString());
	}

}
