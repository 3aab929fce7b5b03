package io.github.cerebras4j.client;

import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicReference;

import io.github.cerebras4j.client.internal.transport.ConnectionPool;
import reactor.netty.resources.ConnectionPoolMetrics;
import reactor.netty.resources.ConnectionProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A connection pool whose metrics a test reads: connections acquired (in use), idle and waiting. Give
 * {@link #pool()} to the builder, dispose it at the end.
 */
final class PoolProbe {

	private final AtomicReference<ConnectionPoolMetrics> metrics = new AtomicReference<>();

	private final ConnectionProvider provider;

	PoolProbe(int maxConnections) {
		this.provider = ConnectionProvider.builder("probe")
			.maxConnections(maxConnections)
			.metrics(true, () -> new ConnectionProvider.MeterRegistrar() {
				@Override
				public void registerMetrics(String poolName, String id, SocketAddress remoteAddress,
						ConnectionPoolMetrics poolMetrics) {
					PoolProbe.this.metrics.set(poolMetrics);
				}
			})
			.build();
	}

	PoolProbe() {
		this(4);
	}

	ConnectionPool pool() {
		return ConnectionPool.of(this.provider);
	}

	ConnectionPoolMetrics metrics() {
		ConnectionPoolMetrics current = this.metrics.get();
		assertThat(current).as("the pool has opened a connection").isNotNull();
		return current;
	}

	void dispose() {
		this.provider.dispose();
	}

}
