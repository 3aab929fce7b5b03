package io.github.cerebras4j.client.internal.transport;

import java.io.IOException;
import java.net.URI;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLHandshakeException;

import io.github.cerebras4j.client.error.CerebrasConnectionException;
import io.github.cerebras4j.client.error.CerebrasMalformedResponseException;
import io.github.cerebras4j.client.error.CerebrasPoolTimeoutException;
import io.github.cerebras4j.client.error.CerebrasTimeoutException;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.proxy.HttpProxyHandler.HttpProxyConnectException;
import io.netty.handler.timeout.ReadTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquireTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TransportFailures} alone: what the network, Netty, WebClient and Reactor throw becomes the client's
 * connection, timeout, pool timeout or malformed-response exception, named after the call, with the root message
 * scrubbed of the key and the original as the cause; the client's own exceptions and unrelated failures pass
 * unchanged.
 */
class TransportFailuresTests {

	private static final String KEY = "csk-failures-secret";

	private static final ApiCall CALL = new ApiCall(HttpMethod.POST, "/v1/chat/completions", Map.of(), new byte[0], "chat", "m");

	private final TransportFailures failures = new TransportFailures(new Secret(KEY));

	@Test
	void ioExceptionIsAConnectionErrorNamingTheCallAndTheScrubbedRootMessage() {
		IOException reset = new IOException("Connection reset by peer, key " + KEY);

		Throwable translated = this.failures.translate(reset, CALL);

		assertThat(translated).isExactlyInstanceOf(CerebrasConnectionException.class)
			.hasMessage("Connection error: POST /v1/chat/completions: Connection reset by peer, key [REDACTED]")
			.hasCause(reset);
	}

	@Test
	void webClientRequestExceptionIsAConnectionErrorWithItsRootMessage() {
		WebClientRequestException wrapped = requestException(new IOException("Connection refused: " + KEY));

		Throwable translated = this.failures.translate(wrapped, CALL);

		assertThat(translated).isExactlyInstanceOf(CerebrasConnectionException.class)
			.hasMessage("Connection error: POST /v1/chat/completions: Connection refused: [REDACTED]")
			.hasCause(wrapped);
	}

	static Iterable<Arguments> timeouts() {
		return List.of(Arguments.of(ReadTimeoutException.INSTANCE),
				Arguments.of(requestException(ReadTimeoutException.INSTANCE)),
				Arguments.of(new ConnectTimeoutException("connection timed out after 10000 ms: api.cerebras.ai")),
				Arguments.of(new TimeoutException("Did not observe any item within 5000ms")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("timeouts")
	void timeoutsAreTimeouts(Throwable timeout) {
		Throwable translated = this.failures.translate(timeout, CALL);

		assertThat(translated).isExactlyInstanceOf(CerebrasTimeoutException.class)
			.hasMessageStartingWith("Request timed out: POST /v1/chat/completions: ")
			.hasCause(timeout);
	}

	@Test
	void poolAcquireTimeoutInTheCauseChainIsAPoolTimeout() {
		WebClientRequestException wrapped = requestException(new PoolAcquireTimeoutException(Duration.ofSeconds(45)));

		Throwable translated = this.failures.translate(wrapped, CALL);

		assertThat(translated).isExactlyInstanceOf(CerebrasPoolTimeoutException.class)
			.hasMessageStartingWith("No connection of the pool became free in time: POST /v1/chat/completions: ")
			.hasCause(wrapped);
	}

	@Test
	void bodyOverTheBufferLimitIsMalformed() {
		DataBufferLimitException tooLarge = new DataBufferLimitException("Exceeded limit on max bytes to buffer");

		Throwable translated = this.failures.translate(tooLarge, CALL);

		assertThat(translated).isExactlyInstanceOf(CerebrasMalformedResponseException.class)
			.hasMessage("The response body is larger than 64 MB")
			.hasCause(tooLarge);
	}

	@Test
	void proxyAskingForCredentialsIsAProxyErrorThatSaysSo() {
		DefaultHttpHeaders headers = new DefaultHttpHeaders();
		headers.set(HttpHeaderNames.PROXY_AUTHENTICATE, "Basic realm=\"corp\"");
		WebClientRequestException refused = requestException(new HttpProxyConnectException(
				"http, basic, proxy/10.0.0.1:3128 => api.cerebras.ai:443, status: 407 Proxy Authentication Required",
				headers));

		Throwable translated = this.failures.translate(refused, CALL);

		assertThat(translated).isExactlyInstanceOf(CerebrasConnectionException.class)
			.hasMessage("Proxy error: POST /v1/chat/completions: http, basic, proxy/10.0.0.1:3128 => api.cerebras.ai:443, "
					+ "status: 407 Proxy Authentication Required (the proxy wants credentials: check the proxy's "
					+ "username and password)")
			.hasCause(refused);
	}

	@Test
	void proxyRefusingForAnotherReasonIsAProxyError() {
		WebClientRequestException refused = requestException(new HttpProxyConnectException(
				"http, none, proxy/10.0.0.1:3128 => api.cerebras.ai:443, status: 403 Forbidden", new DefaultHttpHeaders()));

		assertThat(this.failures.translate(refused, CALL)).isExactlyInstanceOf(CerebrasConnectionException.class)
			.hasMessage("Proxy error: POST /v1/chat/completions: http, none, proxy/10.0.0.1:3128 => api.cerebras.ai:443, "
					+ "status: 403 Forbidden");
	}

	@Test
	void refusedCertificateIsATlsErrorThatSaysSo() {
		SSLHandshakeException handshake = new SSLHandshakeException("PKIX path building failed");
		handshake.initCause(new CertificateException("unable to find valid certification path to requested target"));
		WebClientRequestException failed = requestException(handshake);

		assertThat(this.failures.translate(failed, CALL)).isExactlyInstanceOf(CerebrasConnectionException.class)
			.hasMessage("TLS error: POST /v1/chat/completions: unable to find valid certification path to requested "
					+ "target (the server's certificate was not accepted: is its issuer in the client's trust material, "
					+ "and is it issued for this host?)");
	}

	@Test
	void otherTlsFailureIsATlsError() {
		WebClientRequestException failed = requestException(new SSLHandshakeException("Received fatal alert: "
				+ "handshake_failure"));

		assertThat(this.failures.translate(failed, CALL)).isExactlyInstanceOf(CerebrasConnectionException.class)
			.hasMessage("TLS error: POST /v1/chat/completions: Received fatal alert: handshake_failure");
	}

	@Test
	void clientExceptionPassesUnchangedEvenWithATransportCause() {
		CerebrasConnectionException own = new CerebrasConnectionException("already translated", new IOException());

		assertThat(this.failures.translate(own, CALL)).isSameAs(own);
	}

	@Test
	void unrelatedFailurePassesUnchanged() {
		IllegalStateException bug = new IllegalStateException("a bug, not the network");

		assertThat(this.failures.translate(bug, CALL)).isSameAs(bug);
	}

	@Test
	void deadlineExceededNamesTheCallAndTheDeadline() {
		TimeoutException cause = new TimeoutException();

		assertThat(TransportFailures.deadlineExceeded(CALL, Duration.ofSeconds(5), cause))
			.isExactlyInstanceOf(CerebrasTimeoutException.class)
			.hasMessage("Deadline of 5000 ms exceeded: POST /v1/chat/completions")
			.hasCause(cause);
	}

	private static WebClientRequestException requestException(Throwable cause) {
		return new WebClientRequestException(cause, HttpMethod.POST, URI.create("https://api.test/v1/chat/completions"),
				new HttpHeaders());
	}

}
