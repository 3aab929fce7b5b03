package io.github.cerebras4j.client.error;

import java.util.Map;

import io.github.cerebras4j.client.core.CerebrasJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorChunkTest {

	private final JsonMapper mapper = CerebrasJson.mapper();

	@Test
	void streamErrorEventIsReadWithEveryField() {
		ErrorChunk chunk = CerebrasJson.fromJson("""
				{"status_code":429,"error":{"message":"m","type":"t","param":"p","code":"c","id":"i"}}""",
				ErrorChunk.class);

		assertThat(chunk.statusCode()).isEqualTo(429);
		assertThat(chunk.error()).isEqualTo(new ApiError("m", "t", "p", "c", "i", Map.of()));
	}

	@Test
	void unknownFieldsAreKeptAndWrittenBack() {
		String json = """
				{"status_code":503,"error":{"message":"busy","retry":true,"detail":null},"region":"us-east"}""";

		ErrorChunk chunk = CerebrasJson.fromJson(json, ErrorChunk.class);

		assertThat(chunk.extra()).containsEntry("region", "us-east");
		assertThat(chunk.error().extra()).containsEntry("retry", true).containsEntry("detail", null);
		assertThat(this.mapper.readTree(chunk.toJson())).isEqualTo(this.mapper.readTree(json));
	}

	@Test
	void errorGivenAsAStringIsReadAsTheMessage() {
		ErrorChunk chunk = CerebrasJson.fromJson("""
				{"status_code":500,"error":"overloaded"}""", ErrorChunk.class);

		assertThat(chunk.error()).isEqualTo(new ApiError("overloaded", null, null, null, null, Map.of()));
	}

	@Test
	void missingFieldsAreNull() {
		ErrorChunk chunk = CerebrasJson.fromJson("{}", ErrorChunk.class);

		assertThat(chunk.statusCode()).isNull();
		assertThat(chunk.error()).isNull();
		assertThat(chunk.extra()).isEmpty();
		assertThat(chunk.toJson()).isEqualTo("{}");
	}

}
