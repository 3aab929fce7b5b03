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
import org.junit.jupiter.api.BeforeAll;
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

	@BeforeAll
	static void loadTheClientOnce() {
		// the first call in a JVM pays for class loading (seconds on a slow machine); the timings below are not about it
		server.stubFor(get("/v1/models").willReturn(okJson(MODEL_LIST)));
		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).build()) {
			cerebras.warmUp().join();
			cerebras.models().list();
		}
	}

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
	void buildingWarmsUpOneConnectionByDefault() {
		server.stubFor(get(WARMING).willReturn(okJson("{}")));

		try (CerebrasTemplate cerebras = CerebrasTemplate.builder()
			.apiKey(CerebrasWireMock.API_KEY)
			.baseUrl(server.baseUrl())
			.environment(name -> null)
			.build()) {
			await().atMost(Duration.ofSeconds(5)).until(() -> warmingRequests().size() == 1);
			await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> warmingRequests().size() == 1);
		}
	}

	@Test
	void noWarmUpWhenTurnedOff() {
		server.stubFor(get(WARMING).willReturn(okJson("{}")));
		server.stubFor(get("/v1/models").willReturn(okJson(MODEL_LIST)));

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).warmUp(false).warmUpConnections(3).build()) {
			cerebras.models().list();
			await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> warmingRequests().isEmpty());
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
	void warmUpGivesUpOnASlowServerAfterOneSecond() throws Exception {
		server.stubFor(get(WARMING).willReturn(okJson("{}").withFixedDelay(4000)));

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).build()) {
			long start = System.nanoTime();
			WarmUpResult result = cerebras.warmUp().get(5, TimeUnit.SECONDS);

			assertThat(result.succeeded()).isZero();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(900), Duration.ofMillis(3000));
		}
	}

	@Test
	void warmUpAtBuildDoesNotDelayBuilding() {
		server.stubFor(get(WARMING).willReturn(okJson("{}").withFixedDelay(3000)));
		server.stubFor(get("/v1/models").willReturn(okJson(MODEL_LIST)));

		long start = System.nanoTime();
		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).warmUp(true).warmUpConnections(2).build()) {
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
			assertThat(cerebras.models().list().data()).isEmpty();
			await().atMost(Duration.ofSeconds(3)).until(() -> warmingRequests().size() == 2);
		}
	}

	@Test
	void deadServerAtWarmUpLeavesBuildingFastAndTheTemplateUsableOnceItIsUp() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		WireMockServer late = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").port(port));

		long start = System.nanoTime();
		try (CerebrasTemplate cerebras = CerebrasTemplate.builder()
			.apiKey(CerebrasWireMock.API_KEY)
			.baseUrl("http://127.0.0.1:" + port)
			.environment(name -> null)
			.maxRetries(0)
			.warmUp(true)
			.build()) {
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));

			long call = System.nanoTime();
			assertThatExceptionOfType(CerebrasConnectionException.class).isThrownBy(() -> cerebras.models().list());
			assertThat(Duration.ofNanos(System.nanoTime() - call)).isLessThan(Duration.ofSeconds(2));

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
