package io.github.cerebras4j.sample;

import java.time.Duration;

import io.github.cerebras4j.test.AutoConfigureCerebrasMockServer;
import io.github.cerebras4j.test.CerebrasMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages of other sites cannot make the application spend tokens: streaming is a {@code POST} with a JSON body (which
 * a cross-site form, {@code EventSource} or {@code <img>} cannot send), cross-origin and cross-site requests to
 * {@code /api} are refused, and so is a request addressed to a host name the application does not answer to (DNS
 * rebinding). Each refused request must leave Cerebras uncalled.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cerebras.retry.max-retries=0", "cerebras.timeout.response=1s" })
@AutoConfigureCerebrasMockServer
class RequestGuardTests {

	private static final String PROMPT = "{\"prompt\": \"Spend my tokens\"}";

	@LocalServerPort
	private int port;

	@Autowired
	private CerebrasMockServer cerebras;

	private WebTestClient client;

	@BeforeEach
	void connect() {
		this.client = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(Duration.ofSeconds(10))
			.build();
	}

	@Test
	void streamingWithGetIsRefused() {
		this.client.get()
			.uri("/api/chat/stream?prompt=Hi")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);

		assertThat(this.cerebras.chatRequests()).isEmpty();
	}

	@Test
	void aBodyThatIsNotJsonIsRefused() {
		for (String path : new String[] { "/api/chat", "/api/chat/stream" }) {
			this.client.post()
				.uri(path)
				.contentType(MediaType.TEXT_PLAIN)
				.bodyValue(PROMPT)
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		}

		assertThat(this.cerebras.chatRequests()).isEmpty();
	}

	@Test
	void aRequestFromAnotherOriginIsRefused() {
		for (String origin : new String[] { "http://127.0.0.1:1", "https://attacker.example", "null" }) {
			post("/api/chat").header(HttpHeaders.ORIGIN, origin)
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.title")
				.isEqualTo("Cross-site request refused");
		}

		assertThat(this.cerebras.chatRequests()).isEmpty();
	}

	@Test
	void aCrossSiteRequestWithoutOriginIsRefused() {
		for (String site : new String[] { "cross-site", "same-site" }) {
			post("/api/chat/stream").header("Sec-Fetch-Site", site).exchange().expectStatus().isForbidden();
		}

		assertThat(this.cerebras.chatRequests()).isEmpty();
	}

	@Test
	void aPreflightFromAnotherOriginIsRefused() {
		this.client.options()
			.uri("/api/chat/stream")
			.header(HttpHeaders.ORIGIN, "https://attacker.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
	}

	@Test
	void theApplicationsOwnPageMayStream() {
		post("/api/chat/stream").header(HttpHeaders.ORIGIN, "http://127.0.0.1:" + this.port)
			.header("Sec-Fetch-Site", "same-origin")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk();

		assertThat(this.cerebras.chatRequests()).hasSize(1);
	}

	@Test
	void aRequestAddressedToAnotherHostNameIsRefused() {
		String host = "rebound.attacker.example:" + this.port;
		post("/api/chat").header(HttpHeaders.HOST, host)
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Unknown host name");
		this.client.get()
			.uri("/actuator/prometheus")
			.header(HttpHeaders.HOST, host)
			.exchange()
			.expectStatus()
			.isForbidden();

		assertThat(this.cerebras.chatRequests()).isEmpty();
	}

	@Test
	void theLoopbackNamesAreAllowedHostNames() {
		for (String host : new String[] { "localhost", "LocalHost", "127.0.0.1", "[::1]" }) {
			post("/api/chat").header(HttpHeaders.HOST, host + ":" + this.port).exchange().expectStatus().isOk();
		}
	}

	private WebTestClient.RequestHeadersSpec<?> post(String path) {
		return this.client.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(PROMPT);
	}

}
