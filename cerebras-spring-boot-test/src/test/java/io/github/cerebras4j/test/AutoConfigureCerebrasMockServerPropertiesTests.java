package io.github.cerebras4j.test;

import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link AutoConfigureCerebrasMockServer} does with properties set elsewhere: the test's own win, system
 * properties (like environment variables and the application's configuration) lose, so a test never calls the
 * real API by accident.
 */
@SpringBootTest(classes = AutoConfigureCerebrasMockServerTests.Application.class,
		properties = "cerebras.api-key=csk-set-by-the-test")
@AutoConfigureCerebrasMockServer
class AutoConfigureCerebrasMockServerPropertiesTests {

	@Autowired
	private CerebrasMockServer server;

	@Autowired
	private CerebrasTemplate cerebras;

	@Autowired
	private Environment environment;

	@BeforeAll
	static void pointTheSystemPropertiesAtTheRealApi() {
		System.setProperty("cerebras.base-url", "https://api.cerebras.ai");
		System.setProperty("cerebras.api-key", "csk-from-a-system-property");
	}

	@AfterAll
	static void clearTheSystemProperties() {
		System.clearProperty("cerebras.base-url");
		System.clearProperty("cerebras.api-key");
	}

	@Test
	void testPropertiesWinAndSystemPropertiesLose() {
		assertThat(this.environment.getProperty("cerebras.api-key")).isEqualTo("csk-set-by-the-test");
		assertThat(this.environment.getProperty("cerebras.base-url")).isEqualTo(this.server.baseUrl());
	}

	@Test
	void templateCallsTheServer() {
		this.cerebras.chat().completions()
			.create(ChatCompletionRequest.builder().model("llama3.1-8b").user("Hi").build());

		assertThat(this.server.chatRequests()).hasSize(1);
	}

}
