package io.github.cerebras4j.client.internal.transport;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

import io.github.cerebras4j.client.core.ProxySettings;
import io.github.cerebras4j.client.core.TlsSettings;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.ReferenceCountUtil;
import org.jspecify.annotations.Nullable;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.util.Assert;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.transport.ProxyProvider;

/**
 * The Reactor Netty side of the transport: a pool of connections, and the WebClient connector that uses it with a
 * connect timeout, a {@link ReadCoalescer} on every connection, the proxy, the TLS material and the application's
 * customizer of the Reactor Netty client. Every exchange goes through that connector: calls, streams, warm-ups and
 * health checks alike. A pool this class created is disposed of by
 * {@link #dispose()}; one it was given is left to its owner.
 *
 * <p>Internal: applications configure the pool through the builder.
 */
public final class ConnectionPool {

	private final ConnectionProvider provider;

	private final boolean owned;

	private ConnectionPool(ConnectionProvider provider, boolean owned) {
		this.provider = provider;
		this.owned = owned;
	}

	/**
	 * Creates a pool of the client's own.
	 * @param maxConnections the most connections
	 * @param pendingAcquireTimeout the longest wait for a free connection
	 * @param maxIdleTime the idle time after which a connection is closed
	 * @param evictionInterval how often idle connections are looked for in the background
	 * @return the pool
	 */
	public static ConnectionPool create(int maxConnections, Duration pendingAcquireTimeout, Duration maxIdleTime,
			Duration evictionInterval) {
		return new ConnectionPool(ConnectionProvider.builder("cerebras")
			.maxConnections(maxConnections)
			.pendingAcquireTimeout(pendingAcquireTimeout)
			.maxIdleTime(maxIdleTime)
			.evictInBackground(evictionInterval)
			.build(), true);
	}

	/**
	 * Uses a Reactor Netty pool that someone else owns, for tests that watch it.
	 * @param provider the pool
	 * @return the pool, not disposed of by {@link #dispose()}
	 */
	public static ConnectionPool of(ConnectionProvider provider) {
		return new ConnectionPool(provider, false);
	}

	/**
	 * Returns the connector for WebClient: a Reactor Netty client on this pool with a connect timeout, a
	 * {@link ReadCoalescer} on every connection, the proxy and the TLS material if given, and then the customizer,
	 * which sees all of that and may change any of it.
	 * @param connectTimeout the longest wait to open a connection, and for a proxy to open its tunnel
	 * @param proxy the HTTP proxy to connect through, or {@code null} to connect directly
	 * @param tls the TLS material, or {@code null} for the JDK's defaults
	 * @param customizer applied last to the Reactor Netty client
	 * @return the connector
	 * @throws IllegalArgumentException if the TLS material cannot make a TLS context
	 * @throws IllegalStateException if the customizer returns {@code null}
	 */
	public ClientHttpConnector connector(Duration connectTimeout, @Nullable ProxySettings proxy, @Nullable TlsSettings tls,
			UnaryOperator<HttpClient> customizer) {
		HttpClient httpClient = HttpClient.create(this.provider)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(connectTimeout.toMillis()))
			.doOnChannelInit((observer, channel, address) -> ReadCoalescer.install(channel));
		if (proxy != null) {
			httpClient = httpClient.proxy((spec) -> proxy(spec, proxy, connectTimeout));
		}
		if (tls != null) {
			SslContext sslContext = sslContext(tls);
			httpClient = httpClient.secure((spec) -> spec.sslContext(sslContext));
		}
		HttpClient customized = customizer.apply(httpClient);
		Assert.state(customized != null, "The HttpClient customizer returned null");
		return new ReactorClientHttpConnector(customized);
	}

	private static void proxy(ProxyProvider.TypeSpec spec, ProxySettings proxy, Duration connectTimeout) {
		ProxyProvider.Builder builder = spec.type(ProxyProvider.Proxy.HTTP)
			.host(proxy.host())
			.port(proxy.port())
			.connectTimeoutMillis(connectTimeout.toMillis());
		String username = proxy.username();
		String password = proxy.password();
		if (username != null && password != null) {
			builder.username(username).password((name) -> password);
		}
		String nonProxyHosts = proxy.nonProxyHosts();
		if (nonProxyHosts != null) {
			builder.nonProxyHosts(nonProxyHosts);
		}
	}

	// as Spring Boot's ReactorHttpClientBuilder turns an SslBundle into a Netty SslContext
	private static SslContext sslContext(TlsSettings tls) {
		SslContextBuilder builder = SslContextBuilder.forClient();
		TrustManagerFactory trustManagerFactory = tls.trustManagerFactory();
		if (trustManagerFactory != null) {
			builder.trustManager(trustManagerFactory);
		}
		KeyManagerFactory keyManagerFactory = tls.keyManagerFactory();
		if (keyManagerFactory != null) {
			builder.keyManager(keyManagerFactory);
		}
		List<String> protocols = tls.protocols();
		if (protocols != null) {
			builder.protocols(protocols);
		}
		List<String> ciphers = tls.ciphers();
		if (ciphers != null) {
			builder.ciphers(ciphers);
		}
		try {
			SslContext sslContext = builder.build();
			// an engine checks the protocols and cipher suites now, rather than at each connection
			ReferenceCountUtil.release(sslContext.newEngine(ByteBufAllocator.DEFAULT));
			return sslContext;
		}
		catch (SSLException | IllegalArgumentException ex) {
			throw new IllegalArgumentException("The TLS settings cannot be used: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Closes the pool's connections if the pool is this client's own.
	 */
	public void dispose() {
		if (this.owned) {
			this.provider.dispose();
		}
	}

}
