package io.github.cerebras4j.autoconfigure;

import java.util.Map;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Test fixtures for the tests that cross HTTP: a WireMock server on 127.0.0.1 and a random port standing in for the
 * Cerebras API, and a stand-in for the process environment.
 */
final class CerebrasApiStub {

	static final String API_KEY = "csk-test-4e8b1d7a9c2f6e0b3d5a";

	static final String MODELS = "/v1/models";

	static final String WARMING = "/v1/tcp_warming";

	private CerebrasApiStub() {
	}

	static WireMockExtension server() {
		return WireMockExtension.newInstance()
			.options(WireMockConfiguration.wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
			.build();
	}

	/** GET /v1/models answering a one-model list. */
	static MappingBuilder models() {
		return get(urlPathEqualTo(MODELS)).willReturn(okJson(modelList()));
	}

	/** GET /v1/models answering 503 once, then a one-model list. */
	static MappingBuilder[] modelsAfterOne503() {
		return new MappingBuilder[] {
				get(urlPathEqualTo(MODELS)).inScenario("flaky")
					.whenScenarioStateIs(Scenario.STARTED)
					.willReturn(aResponse().withStatus(503))
					.willSetStateTo("recovered"),
				get(urlPathEqualTo(MODELS)).inScenario("flaky")
					.whenScenarioStateIs("recovered")
					.willReturn(okJson(modelList())) };
	}

	static String modelList() {
		return """
				{"object":"list","data":[{"id":"llama3.1-8b","object":"model","created":1721692800,"owned_by":"Meta"}]}
				""";
	}

	/**
	 * Replaces the process environment seen by the context with the given variables, as Boot sees them: a
	 * {@link SystemEnvironmentPropertySource} named {@code systemEnvironment}.
	 */
	static ApplicationContextInitializer<ConfigurableApplicationContext> environment(Map<String, Object> variables) {
		return (context) -> context.getEnvironment()
			.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
	}

}
