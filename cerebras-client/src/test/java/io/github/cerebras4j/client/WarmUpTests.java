package io.github.cerebras4j.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.cerebras4j.client.core.WarmUpResult;
import io.github.cerebras4j.client.error.CerebrasConnectionException;
import io.github.cerebras4j.client.error.CerebrasTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Connection warm-up: {@code GET /v1/tcp_warming} once per connection to open, at build time unless turned off and on
 * demand with {@code warmUp()}; in the background, without retries, never failing the caller.
 */
class WarmUpTests {

	@RegisterExtension
	static WireMockExtension server = CerebrasWireMock.server();

	private static final String WARMING = "/v1/tcp_warming";

	private static final String MODEL_LIST = "{\"object\":\"list\",\"data\":[]}";

	@Test
	void buildingWarmsUpTheConfiguredNumberOfConnections() {
		// a slow answer keeps every warming request in flight until all are sent
		server.stubFor(get(WARMING).willReturn(okJson("{}").withFixedDelay(300)));
		PoolProbe pool = new PoolProbe(10);

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server)
			.connectionPool(pool.pool())
			.warmUp(true)
			.warmUpConnections(3)
			.build()) {
			await().atMost(Duration.ofSeconds(5)).until(() -> warmingRequests().size() == 3);
			for (LoggedRequest request : warmingRequests()) {
				assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + CerebrasWireMock.API_KEY);
				assertThat(request.getHeader("User-Agent")).startsWith("cerebras4j/");
			}
			// sent at once, each request took a connection of its own, which stays in the pool for the first calls
			await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
				assertThat(pool.metrics().allocatedSize()).isEqualTo(3);
				assertThat(pool.metrics().acquiredSize()).isZero();
			});
		}
		finally {
			pool.dispose();
		}
	}

	@Test
	void buildingWarmsUpOneConnectionByDefault() throws Exception {
		server.stubFor(get(WARMING).willReturn(okJson("{}")));
		WarmUps warmUps = new WarmUps();

		try (CerebrasTemplate cerebras = CerebrasTemplate.builder()
			.apiKey(CerebrasWireMock.API_KEY)
			.baseUrl(server.baseUrl())
			.environment(name -> null)
			.observationRegistry(warmUps.registry())
			.build()) {
			warmUps.awaitEnd();

			// the warm-up has ended, so every request it sent has been answered, and WireMock notes a request before
			// it answers
			assertThat(warmingRequests()).hasSize(1);
			assertThat(warmUps.started()).isOne();
		}
	}

	@Test
	void noWarmUpWhenTurnedOff() {
		server.stubFor(get(WARMING).willReturn(okJson("{}")));
		server.stubFor(get("/v1/models").willReturn(okJson(MODEL_LIST)));
		WarmUps warmUps = new WarmUps();

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server)
			.observationRegistry(warmUps.registry())
			.warmUp(false)
			.warmUpConnections(3)
			.build()) {
			// a warm-up at build time would have started its observation before build() returned
			assertThat(warmUps.events()).isEmpty();
			cerebras.models().list();
			assertThat(warmUps.events()).isEmpty();
			assertThat(warmingRequests()).isEmpty();
		}
	}

	@Test
	void warmUpReportsEveryConnectionThatAnswered() throws Exception {
		server.stubFor(get(WARMING).willReturn(okJson("{}")));

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).warmUpConnections(3).build()) {
			WarmUpResult blocking = cerebras.warmUp().get(5, TimeUnit.SECONDS);
			WarmUpResult reactive = cerebras.reactive().warmUp().get(5, TimeUnit.SECONDS);

			for (WarmUpResult result : List.of(blocking, reactive)) {
				assertThat(result.attempted()).isEqualTo(3);
				assertThat(result.succeeded()).isEqualTo(3);
				assertThat(result.isComplete()).isTrue();
				assertThat(result.duration()).isPositive();
			}
		}
		assertThat(warmingRequests()).hasSize(6);
	}

	@Test
	void failedWarmUpIsCountedNotThrownAndNotRetried() throws Exception {
		server.stubFor(get(WARMING).willReturn(aResponse().withStatus(500)));

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).maxRetries(2).warmUpConnections(3).build()) {
			WarmUpResult result = cerebras.warmUp().get(5, TimeUnit.SECONDS);

			assertThat(result.attempted()).isEqualTo(3);
			assertThat(result.succeeded()).isZero();
			assertThat(result.isComplete()).isFalse();
		}
		// the template retries 500s twice, a warm-up never does
		assertThat(warmingRequests()).hasSize(3);
	}

	@Test
	void warmUpGivesUpOnASlowServerWithoutWaitingForTheTemplatesTimeouts() throws Exception {
		// the server answers after 8 s, the template would wait 60 s: only the warm-up's own 1 s timeout ends the
		// warm-up within the 5 s the test waits
		server.stubFor(get(WARMING).willReturn(okJson("{}").withFixedDelay(8000)));

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).responseTimeout(Duration.ofSeconds(60)).build()) {
			WarmUpResult result = cerebras.warmUp().get(5, TimeUnit.SECONDS);

			assertThat(result.attempted()).isOne();
			assertThat(result.succeeded()).isZero();
		}
	}

	@Test
	void warmUpAtBuildDoesNotDelayBuilding() throws Exception {
		// the server keeps the warming requests 3 s, so the warm-up ends only at its 1 s timeout
		server.stubFor(get(WARMING).willReturn(okJson("{}").withFixedDelay(3000)));
		server.stubFor(get("/v1/models").willReturn(okJson(MODEL_LIST)));
		WarmUps warmUps = new WarmUps();

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server)
			.observationRegistry(warmUps.registry())
			.warmUp(true)
			.warmUpConnections(2)
			.build()) {
			warmUps.note("built");
			assertThat(cerebras.models().list().data()).isEmpty();
			warmUps.note("called");
			warmUps.awaitEnd();

			// a build that waited for the warm-up would have returned after it ended
			assertThat(warmUps.events()).containsExactly("warm-up started", "built", "called", "warm-up ended");
			// WireMock notes a delayed request once it answers it
			await().atMost(Duration.ofSeconds(5)).until(() -> warmingRequests().size() == 2);
		}
	}

	@Test
	void deadServerAtWarmUpFailsNeitherBuildingNorTheTemplateOnceItIsUp() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		WireMockServer late = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").port(port));

		try (CerebrasTemplate cerebras = CerebrasTemplate.builder()
			.apiKey(CerebrasWireMock.API_KEY)
			.baseUrl("http://127.0.0.1:" + port)
			.environment(name -> null)
			.maxRetries(0)
			.warmUp(true)
			.build()) {
			// refused, not timed out: the call fails on the connection, not on a timer
			assertThatExceptionOfType(CerebrasConnectionException.class).isThrownBy(() -> cerebras.models().list())
				.isNotInstanceOf(CerebrasTimeoutException.class);

			late.start();
			late.stubFor(get("/v1/models").willReturn(okJson(MODEL_LIST)));
			late.stubFor(get(WARMING).willReturn(okJson("{}")));

			assertThat(cerebras.models().list().data()).isEmpty();
			assertThat(cerebras.warmUp().join().succeeded()).isEqualTo(1);
		}
		finally {
			late.stop();
		}
	}

	private static List<LoggedRequest> warmingRequests() {
		return server.findAll(getRequestedFor(urlPathEqualTo(WARMING)));
	}

}
