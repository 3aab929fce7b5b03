package io.github.cerebras4j.readme;

import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.client.chat.ChatCompletion;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.core.CerebrasJson;
import io.github.cerebras4j.test.CerebrasMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's response objects example: unknown fields and JSON round trips.
 */
@ExtendWith(EnvironmentMockServer.class)
class ResponseObjectsTests {

	@Test
	void toJsonAndBack(CerebrasTemplate cerebras, CerebrasMockServer server) {
		server.reply("Records all the way down.");
		ChatCompletionRequest request = ChatCompletionRequest.builder().model("llama3.1-8b").user("Hi").build();
		// tag::response-objects[]
		ChatCompletion completion = cerebras.chat().completions().create(request);
		Object newField = completion.extra().get("some_new_field");
		String json = completion.toJson();
		ChatCompletion again = CerebrasJson.fromJson(json, ChatCompletion.class);
		// end::response-objects[]
		assertThat(newField).as("the simulator sends no unknown field").isNull();
		assertThat(json).contains("\"Records all the way down.\"");
		assertThat(again).isEqualTo(completion);
	}

}
