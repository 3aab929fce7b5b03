package io.github.cerebras4j.client;

import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cerebras4j.client.error.MissingApiKeyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Building a client without Spring Boot: the key and base URL from the builder or the environment.
 */
class CerebrasClientBuilderTests {

	@RegisterExtension
	static WireMockExtension server = CerebrasWireMock.server();

	@Test
	void withoutAKeyBuildingFailsAndSaysWhatToSet() {
		assertThatExceptionOfType(MissingApiKeyException.class)
			.isThrownBy(() -> CerebrasTemplate.builder().environment(name -> null).build())
			.withMessageContaining("apiKey(..)")
			.withMessageContaining("CEREBRAS_API_KEY")
			.withMessageContaining("cerebras.api-key");
		assertThatExceptionOfType(MissingApiKeyException.class)
			.isThrownBy(() -> ReactiveCerebrasTemplate.builder().environment(Map.of("CEREBRAS_API_KEY", "  ")::get).build());
	}

	@Test
	void keyAndBaseUrlComeFromTheEnvironmentWhenNotGiven() {
		server.stubFor(get("/v1/models").willReturn(okJson("{\"data\":[]}")));
		Map<String, String> environment = Map.of("CEREBRAS_API_KEY", " csk-from-env ", "CEREBRAS_BASE_URL", server.baseUrl());

		try (CerebrasTemplate cerebras = CerebrasTemplate.builder().environment(environment::get).warmUp(false).build()) {
			cerebras.models().list();
		}

		server.verify(getRequestedFor(urlEqualTo("/v1/models")).withHeader("Authorization", equalTo("Bearer csk-from-env")));
	}

	@Test
	void explicitKeyAndBaseUrlWinOverTheEnvironment() {
		server.stubFor(get("/v1/models").willReturn(okJson("{\"data\":[]}")));
		Map<String, String> environment = Map.of("CEREBRAS_API_KEY", "csk-from-env", "CEREBRAS_BASE_URL",
				"http://127.0.0.1:9/unused");

		try (CerebrasTemplate cerebras = CerebrasTemplate.builder()
			.warmUp(false)
			.environment(environment::get)
			.apiKey("csk-explicit")
			.baseUrl(server.baseUrl())
			.build()) {
			cerebras.models().list();
		}

		server.verify(getRequestedFor(urlEqualTo("/v1/models")).withHeader("Authorization", equalTo("Bearer csk-explicit")));
	}

	@Test
	void blankBaseUrlInTheEnvironmentMeansTheDefault() {
		for (String blank : new String[] { "", "   " }) {
			try (CerebrasTemplate cerebras = CerebrasTemplate.builder()
				.warmUp(false)
				.apiKey("k")
				.environment(Map.of("CEREBRAS_BASE_URL", blank)::get)
				.build()) {
				assertThat(cerebras.toString()).contains("baseUrl=https://api.cerebras.ai]");
			}
		}
	}

	@Test
	void baseUrlMustBeAnAbsoluteHttpUrl() {
		for (String bad : new String[] { "api.cerebras.ai", "ftp://api.cerebras.ai", "/v1", "http://h/p?x=1" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> CerebrasTemplate.builder().baseUrl(bad))
				.withMessageContaining("base URL");
		}
		assertThatIllegalArgumentException().isThrownBy(
				() -> CerebrasTemplate.builder().apiKey("k").environment(Map.of("CEREBRAS_BASE_URL", "nope")::get).build())
			.withMessageContaining("nope");
	}

	@Test
	void baseUrlWithUserInformationIsRejectedWithoutRepeatingIt() {
		for (String withUserInfo : new String[] { "http://user:s3cr3t@127.0.0.1:8080", "https://s3cr3t@api.cerebras.ai/v1" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> CerebrasTemplate.builder().baseUrl(withUserInfo))
				.withMessageContaining("base URL must be an absolute http or https URL without user information")
				.satisfies((ex) -> assertThat(messages(ex)).doesNotContain("s3cr3t"));
		}
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CerebrasTemplate.builder()
				.apiKey("k")
				.environment(Map.of("CEREBRAS_BASE_URL", "http://user:s3cr3t@127.0.0.1:8080")::get)
				.build())
			.withMessageContaining("user information")
			.satisfies((ex) -> assertThat(messages(ex)).doesNotContain("s3cr3t"));
	}

	@Test
	void otherwiseInvalidBaseUrlWithUserInformationIsNotRepeatedEither() {
		for (String bad : new String[] { "ftp://user:s3cr3t@api.cerebras.ai", "http://user:s3cr3t@host name",
				"http://user:s3cr3t@h@st/v1", "user:s3cr3t@api.cerebras.ai", "http://user:s3cr3t@h/p?x=1" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> CerebrasTemplate.builder().baseUrl(bad))
				.withMessageContaining("base URL")
				.satisfies((ex) -> assertThat(messages(ex)).doesNotContain("s3cr3t"));
		}
	}

	@Test
	void defaultHeaderNamesMustBeTokens() {
		CerebrasClientBuilder<CerebrasTemplate> builder = CerebrasTemplate.builder();
		for (String name : new String[] { "X Trace", "X-Trace:", "X-Trace\r\nX-Injected", "X-Tr\u00e4ce", "(X)", "X\0" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> builder.defaultHeader(name, "v"))
				.withMessageContaining("header name");
		}
		builder.defaultHeader("X-Trace_id.v2!#$%&'*+^`|~", "v");
	}

	@Test
	void defaultHeaderValuesMustNotHoldLineBreaksOrNul() {
		CerebrasClientBuilder<CerebrasTemplate> builder = CerebrasTemplate.builder();
		for (String value : new String[] { "a\r\nX-Injected: 1", "a\nX-Injected: 1", "a\rX-Injected: 1", "a\0X-Injected" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> builder.defaultHeader("X-Trace", "ok", value))
				.withMessageContaining("X-Trace")
				.withMessageNotContaining("X-Injected");
		}
		assertThatIllegalArgumentException().isThrownBy(() -> builder.defaultHeader("X-Trace", (String) null))
			.withMessageContaining("X-Trace");
		builder.defaultHeader("X-Trace", "tab\tand spaces, caf\u00e9");
	}

	@Test
	void authorizationCannotBeSetAsADefaultHeader() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CerebrasTemplate.builder().defaultHeader("authorization", "Bearer x"))
			.withMessageContaining("apiKey(..)");
	}

	@Test
	void webClientBuildersFiltersAndDefaultsApply() {
		server.stubFor(get("/v1/models").willReturn(okJson("{\"data\":[]}")));
		WebClient.Builder webClientBuilder = WebClient.builder().defaultHeader("X-From-Application", "yes");

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).webClientBuilder(webClientBuilder).build()) {
			cerebras.models().list();
		}

		server.verify(getRequestedFor(urlEqualTo("/v1/models")).withHeader("X-From-Application", equalTo("yes")));
	}

	@Test
	void defaultOptionsApplyToEveryCallAndViewsAddToThem() {
		server.stubFor(get(urlPathEqualTo("/v1/models")).willReturn(okJson("{\"data\":[]}")));

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server)
			.defaultOptions(o -> o.header("X-Default", "1").query("debug", "1"))
			.build()) {
			cerebras.models().list();
			cerebras.withOptions(o -> o.header("X-View", "2").removeHeader("X-Default")).models().list();
		}

		server.verify(getRequestedFor(urlEqualTo("/v1/models?debug=1")).withHeader("X-Default", equalTo("1")));
		server.verify(getRequestedFor(urlEqualTo("/v1/models?debug=1")).withHeader("X-View", equalTo("2"))
			.withoutHeader("X-Default"));
	}

	@Test
	void defaultHeadersOfABuiltTemplateDoNotChangeWithItsBuilder() {
		server.stubFor(get("/v1/models").willReturn(okJson("{\"data\":[]}")));
		CerebrasClientBuilder<CerebrasTemplate> builder = CerebrasWireMock.template(server).defaultHeader("X-Team", "a");

		try (CerebrasTemplate cerebras = builder.build()) {
			builder.defaultHeader("X-Team", "changed").defaultHeader("X-Later", "b");
			cerebras.models().list();
		}

		server.verify(getRequestedFor(urlEqualTo("/v1/models")).withHeader("X-Team", equalTo("a"))
			.withoutHeader("X-Later"));
	}

	@Test
	void blockingAndReactiveTemplatesShareOneTransport() {
		try (ReactiveCerebrasTemplate reactive = CerebrasWireMock.reactive(server).build()) {
			CerebrasTemplate blocking = new CerebrasTemplate(reactive);
			assertThat(blocking.reactive()).isSameAs(reactive);
			assertThat(blocking.toString()).isEqualTo("CerebrasTemplate[baseUrl=" + server.baseUrl() + "]");
		}
	}

	private static String messages(Throwable ex) {
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			messages.append(cause).append('\n');
		}
		return messages.toString();
	}

}
