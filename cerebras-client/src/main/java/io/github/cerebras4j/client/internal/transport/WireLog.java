package io.github.cerebras4j.client.internal.transport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.StringJoiner;

import io.github.cerebras4j.client.error.CerebrasApiException;
import io.github.cerebras4j.client.observation.CerebrasObservationContext;
import org.jspecify.annotations.Nullable;
import org.springframework.core.log.LogAccessor;
import org.springframework.http.HttpHeaders;

/**
 * Wire logging under the {@value #LOGGER} logger: at DEBUG one line per call (method, path, status, latency,
 * retries, chunks), at TRACE also the request headers and body and every response body or stream event. The
 * {@code Authorization} header is always redacted; bodies are logged as they are, so keep TRACE for debugging.
 */
final class WireLog {

	/** The logger's name. */
	static final String LOGGER = "io.github.cerebras4j.client.wire";

	private static final LogAccessor logger = new LogAccessor(LOGGER);

	private WireLog() {
	}

	static boolean isTraceEnabled() {
		return logger.isTraceEnabled();
	}

	static void request(ApiCall call, HttpHeaders headers) {
		if (!logger.isTraceEnabled()) {
			return;
		}
		StringJoiner names = new StringJoiner(", ", "[", "]");
		headers.forEach((name, values) -> names.add(name + ": "
				+ (HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name) ? "[REDACTED]" : String.join(",", values))));
		// the key itself is set on the outgoing request after this point
		names.add(HttpHeaders.AUTHORIZATION + ": [REDACTED]");
		byte[] body = call.body();
		logger.trace(() -> "--> " + call.name() + " " + names
				+ ((body != null) ? " " + new String(body, StandardCharsets.UTF_8) : ""));
	}

	static void responseBody(ApiCall call, String body) {
		logger.trace(() -> "<-- " + call.name() + " body " + body);
	}

	static void event(byte[] data, int length) {
		logger.trace(() -> "<-- event " + new String(data, 0, length, StandardCharsets.UTF_8));
	}

	static void completed(CerebrasObservationContext context, String name, @Nullable Throwable error,
			Duration elapsed) {
		logger.debug(() -> {
			StringBuilder line = new StringBuilder(name).append(" -> ");
			if (error instanceof CerebrasApiException api) {
				line.append(api.statusCode());
			}
			else if (context.response() != null) {
				line.append(context.response().status().value());
			}
			else {
				line.append("no response");
			}
			line.append(" in ").append(elapsed.toMillis()).append(" ms");
			if (error != null) {
				line.append(" (").append(error.getClass().getSimpleName()).append(')');
			}
			if (context.cancelled()) {
				line.append(" (cancelled)");
			}
			if (context.retries() > 0) {
				line.append(", ").append(context.retries()).append(" retries ").append(context.retryCauses());
			}
			if (context.streaming()) {
				line.append(", ").append(context.chunks()).append(" chunks");
				Duration ttft = context.timeToFirstChunk();
				if (ttft != null) {
					line.append(", first token in ").append(ttft.toMillis()).append(" ms");
				}
			}
			return line.toString();
		});
	}

}
