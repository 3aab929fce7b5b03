package io.github.cerebras4j.client.internal.transport;

import java.time.Duration;

import io.netty.channel.ChannelOption;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The Reactor Netty side of the transport: a pool of connections, and the WebClient connector that uses it with a
 * connect timeout and a {@link ReadCoalescer} on every connection. A pool this class created is disposed of by
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
	 * Returns the connector for WebClient.
	 * @param connectTimeout the longest wait to open a connection
	 * @return the connector
	 */
	public ClientHttpConnector connector(Duration connectTimeout) {
		HttpClient httpClient = HttpClient.create(this.provider)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(connectTimeout.toMillis()))
			.doOnChannelInit((observer, channel, address) -> ReadCoalescer.install(channel));
		return new ReactorClientHttpConnector(httpClient);
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
