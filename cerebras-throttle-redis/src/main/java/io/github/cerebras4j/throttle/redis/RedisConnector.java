package io.github.cerebras4j.throttle.redis;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisScriptingAsyncCommands;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The store's own connection to Redis, opened from the application's Lettuce client when first needed, and opened
 * anew when it is no longer open, so that neither a Redis that is down at start-up nor one that restarts leaves the
 * store without Redis for good. Opening a connection blocks in Lettuce, so it runs on Reactor's bounded elastic
 * scheduler, one at a time; the callers only ever wait on a future. Commands buffered by a connection that lost
 * Redis die with it when it is replaced.
 */
final class RedisConnector implements AutoCloseable {

	private final Supplier<? extends AbstractRedisClient> client;

	private final Object monitor = new Object();

	private @Nullable CompletableFuture<Connected> connected;

	private boolean closed;

	RedisConnector(Supplier<? extends AbstractRedisClient> client) {
		this.client = client;
	}

	/**
	 * Returns the scripting commands of an open connection, connecting first when there is none.
	 */
	CompletableFuture<RedisScriptingAsyncCommands<String, String>> commands() {
		synchronized (this.monitor) {
			if (this.closed) {
				return CompletableFuture.failedFuture(new IllegalStateException("The Redis budget store is closed"));
			}
			CompletableFuture<Connected> current = this.connected;
			if (current == null || current.isCompletedExceptionally() || isClosed(current)) {
				close(current);
				current = Mono.fromCallable(this::connect).subscribeOn(Schedulers.boundedElastic()).toFuture();
				this.connected = current;
			}
			return current.thenApply(Connected::commands);
		}
	}

	private static boolean isClosed(CompletableFuture<Connected> connected) {
		return connected.isDone() && !connected.join().connection().isOpen();
	}

	private Connected connect() {
		AbstractRedisClient redis = this.client.get();
		Connected connected;
		if (redis instanceof RedisClusterClient cluster) {
			StatefulRedisClusterConnection<String, String> connection = cluster.connect();
			connected = new Connected(connection, connection.async());
		}
		else if (redis instanceof RedisClient standalone) {
			StatefulRedisConnection<String, String> connection = standalone.connect();
			connected = new Connected(connection, connection.async());
		}
		else {
			throw new IllegalStateException("Unsupported Redis client " + redis.getClass().getName());
		}
		synchronized (this.monitor) {
			if (this.closed) {
				connected.connection().closeAsync();
				throw new IllegalStateException("The Redis budget store is closed");
			}
		}
		return connected;
	}

	/**
	 * Closes the store's connection, not the client, which is the application's.
	 */
	@Override
	public void close() {
		synchronized (this.monitor) {
			this.closed = true;
			close(this.connected);
			this.connected = null;
		}
	}

	private static void close(@Nullable CompletableFuture<Connected> connected) {
		if (connected != null) {
			connected.thenAccept((open) -> open.connection().closeAsync());
		}
	}

	/**
	 * A connection and its scripting commands.
	 */
	private record Connected(StatefulConnection<String, String> connection,
			RedisScriptingAsyncCommands<String, String> commands) {
	}

}
