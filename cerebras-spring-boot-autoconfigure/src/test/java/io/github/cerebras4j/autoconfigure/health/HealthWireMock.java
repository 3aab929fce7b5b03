package io.github.cerebras4j.autoconfigure.health;

import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.cerebras4j.client.ReactiveCerebrasTemplate;

/**
 * Test fixtures of the health tests: a WireMock server on 127.0.0.1 and a random port, and templates on it
 * without retries or warm-up.
 */
final class HealthWireMock {

	static final String API_KEY = "csk-health-3e9d7a1c5f0b2e8d4a6c";

	static final String WARMING = "/v1/tcp_warming";

	private HealthWireMock() {
	}

	static WireMockExtension server(ReceivedRequests received) {
		return WireMockExtension.newInstance()
			.options(WireMockConfiguration.wireMockConfig().bindAddress("127.0.0.1").dynamicPort().extensions(received))
			.build();
	}

	static String baseUrl(WireMockExtension server) {
		return "http://127.0.0.1:" + server.getPort();
	}

	static ReactiveCerebrasTemplate template(String baseUrl) {
		return ReactiveCerebrasTemplate.builder()
			.apiKey(API_KEY)
			.baseUrl(baseUrl)
			.environment((name) -> null)
			.warmUp(false)
			.maxRetries(0)
			.build();
	}

	/**
	 * Counts the requests the server receives, on arrival: WireMock journals a request only once its (maybe delayed)
	 * answer is written, so a journal count may miss a request or see one a previous test sent.
	 */
	static final class ReceivedRequests implements ServeEventListener {

		private final AtomicInteger count = new AtomicInteger();

		int count() {
			return this.count.get();
		}

		void reset() {
			this.count.set(0);
		}

		@Override
		public void beforeMatch(ServeEvent serveEvent, Parameters parameters) {
			this.count.incrementAndGet();
		}

		@Override
		public boolean applyGlobally() {
			return true;
		}

		@Override
		public String getName() {
			return "received-requests";
		}

	}

}
