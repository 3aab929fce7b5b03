package io.github.cerebras4j.client.internal.transport;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import io.github.cerebras4j.client.error.CerebrasConnectionException;
import io.github.cerebras4j.client.error.CerebrasException;
import io.github.cerebras4j.client.error.CerebrasMalformedResponseException;
import io.github.cerebras4j.client.error.CerebrasPoolTimeoutException;
import io.github.cerebras4j.client.error.CerebrasTimeoutException;
import io.netty.channel.ChannelException;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.proxy.HttpProxyHandler.HttpProxyConnectException;
import io.netty.handler.proxy.ProxyConnectException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.log.LogAccessor;
import org.springframework.web.reactive.function.client.WebClientException;

/**
 * Turns what the network, Netty, WebClient and Reactor throw into the client's own exceptions: a connection pool
 * that had no free connection in time, a timeout, a body too large, or any other transport failure, named a proxy
 * error or a TLS error when the proxy refused the tunnel or the TLS handshake failed. Messages name the
 * call and the root cause, scrubbed of the API key; the original is the cause. A {@link CerebrasException}, and any
 * failure that is not the transport's (a bug, a caller's exception), passes unchanged.
 */
final class TransportFailures {

	private static final LogAccessor logger = new LogAccessor(TransportFailures.class);

	private final Secret apiKey;

	TransportFailures(Secret apiKey) {
		this.apiKey = apiKey;
	}

	/**
	 * Translates a failure of a call.
	 * @param ex the failure
	 * @param call the call
	 * @return the exception to give the caller
	 */
	Throwable translate(Throwable ex, ApiCall call) {
		if (ex instanceof CerebrasException || !isTransportFailure(ex)) {
			return ex;
		}
		if (ex instanceof DataBufferLimitException) {
			return new CerebrasMalformedResponseException(
					"The response body is larger than " + JsonBodies.MAX_BODY_BYTES / (1024 * 1024) + " MB", null, ex);
		}
		String reason = this.apiKey.scrub(rootMessage(ex));
		if (isPoolAcquireTimeout(ex)) {
			logger.debug(() -> "No pooled connection: " + call.name() + ": " + reason);
			return new CerebrasPoolTimeoutException("No connection of the pool became free in time: " + call.name()
					+ ": " + reason, ex);
		}
		if (isTimeout(ex)) {
			logger.debug(() -> "Timed out: " + call.name() + ": " + reason);
			return new CerebrasTimeoutException("Request timed out: " + call.name() + ": " + reason, ex);
		}
		String kind = kind(ex);
		logger.debug(() -> kind + ": " + call.name() + ": " + reason);
		return new CerebrasConnectionException(kind + ": " + call.name() + ": " + reason + hint(ex), ex);
	}

	/**
	 * Names what failed, so that a proxy's refusal or a TLS failure is not read as a failure of the API: both happen
	 * before any request reaches it.
	 */
	private static String kind(Throwable ex) {
		if (find(ex, ProxyConnectException.class) != null) {
			return "Proxy error";
		}
		if (find(ex, SSLException.class) != null) {
			return "TLS error";
		}
		return "Connection error";
	}

	private static String hint(Throwable ex) {
		HttpProxyConnectException proxyRefusal = find(ex, HttpProxyConnectException.class);
		if (proxyRefusal != null && proxyRefusal.headers() != null
				&& proxyRefusal.headers().contains(HttpHeaderNames.PROXY_AUTHENTICATE)) {
			return " (the proxy wants credentials: check the proxy's username and password)";
		}
		if (find(ex, SSLException.class) != null && find(ex, GeneralSecurityException.class) != null) {
			return " (the server's certificate was not accepted: is its issuer in the client's trust material, "
					+ "and is it issued for this host?)";
		}
		return "";
	}

	private static <E extends Throwable> @Nullable E find(Throwable ex, Class<E> type) {
		for (Throwable t = ex; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}

	/**
	 * Returns the exception of a call that ran past its deadline.
	 * @param call the call
	 * @param deadline the deadline
	 * @param cause what signalled it, or {@code null}
	 * @return the timeout
	 */
	static CerebrasTimeoutException deadlineExceeded(ApiCall call, Duration deadline, @Nullable Throwable cause) {
		return new CerebrasTimeoutException("Deadline of " + deadline.toMillis() + " ms exceeded: " + call.name(), cause);
	}

	private static boolean isTransportFailure(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof WebClientException || t instanceof IOException || t instanceof ChannelException
					|| t instanceof TimeoutException || t instanceof DataBufferLimitException) {
				return true;
			}
		}
		return false;
	}

	private static boolean isPoolAcquireTimeout(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			// Reactor Netty shades reactor-pool, so the class is matched by its simple name
			if (t.getClass().getSimpleName().equals("PoolAcquireTimeoutException")) {
				return true;
			}
		}
		return false;
	}

	private static boolean isTimeout(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			// Netty's read and write timeouts, its connect timeout, and Reactor's timeout() (the deadline)
			if (t instanceof io.netty.handler.timeout.TimeoutException || t instanceof ConnectTimeoutException
					|| t instanceof TimeoutException) {
				return true;
			}
		}
		return false;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage();
		return (message != null) ? message : root.getClass().getSimpleName();
	}

}
