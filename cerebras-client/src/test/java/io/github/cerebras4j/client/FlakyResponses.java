package io.github.cerebras4j.client;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * A WireMock extension that spoils one stubbed response in five: one in ten becomes a 503, one in ten a connection
 * reset, the rest are served as stubbed. Requests are told apart by their {@value #CALL_ID} header, and which
 * attempt of which call fails is a pure function of the seed, the call id and the attempt number, so a run under
 * any concurrency is repeatable and a test can predict each call's outcome. Requests without the header are served
 * as stubbed.
 */
final class FlakyResponses implements ResponseDefinitionTransformerV2 {

	static final String CALL_ID = "X-Call-Id";

	/** What the server answers to one attempt of a call. */
	enum Answer {

		OK, SERVICE_UNAVAILABLE, CONNECTION_RESET;

		boolean isFault() {
			return this != OK;
		}

	}

	private final long seed;

	private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

	FlakyResponses(long seed) {
		this.seed = seed;
	}

	/**
	 * Returns what the server answers to an attempt of a call.
	 * @param callId the call's {@value #CALL_ID} header
	 * @param attempt 0 for the first request of the call, 1 for its first retry, and so on
	 * @return the answer
	 */
	Answer answer(String callId, int attempt) {
		SplittableRandom random = new SplittableRandom(this.seed ^ callId.hashCode());
		int roll = 0;
		for (int i = 0; i <= attempt; i++) {
			roll = random.nextInt(10);
		}
		return switch (roll) {
			case 0 -> Answer.SERVICE_UNAVAILABLE;
			case 1 -> Answer.CONNECTION_RESET;
			default -> Answer.OK;
		};
	}

	@Override
	public ResponseDefinition transform(ServeEvent serveEvent) {
		String callId = serveEvent.getRequest().getHeader(CALL_ID);
		if (callId == null) {
			return serveEvent.getResponseDefinition();
		}
		int attempt = this.attempts.computeIfAbsent(callId, id -> new AtomicInteger()).getAndIncrement();
		return switch (answer(callId, attempt)) {
			case SERVICE_UNAVAILABLE -> ResponseDefinitionBuilder.responseDefinition()
				.withStatus(503)
				.withHeader("Content-Type", "application/json")
				.withBody("""
						{"message":"Service is temporarily overloaded","type":"server_error","param":"","code":"service_unavailable"}""")
				.build();
			case CONNECTION_RESET -> ResponseDefinitionBuilder.responseDefinition()
				.withFault(Fault.CONNECTION_RESET_BY_PEER)
				.build();
			case OK -> serveEvent.getResponseDefinition();
		};
	}

	@Override
	public String getName() {
		return "flaky-responses";
	}

}
