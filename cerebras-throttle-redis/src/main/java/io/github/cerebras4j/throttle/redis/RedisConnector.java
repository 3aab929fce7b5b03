package io.github.cerebras4j.throttle.redis;

import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce.LettuceBasedProxyManagerBuilder;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
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

	private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

	private final Supplier<? extends AbstractRedisClient> client;

	private final TimeMeter clock;

	private final Duration timeout;

	private final Duration keepIdle;

	private final Object monitor = new Object();

	private @Nullable CompletableFuture<Connected> connected;

	private boolean closed;

	RedisConnector(Supplier<? extends AbstractRedisClient> client, InstantSource clock, Duration timeout,
			Duration keepIdle) {
		this.client = client;
		this.clock = new WallClock(clock);
		this.timeout = timeout;
		this.keepIdle = keepIdle;
	}

	/**
	 * Returns Bucket4j's buckets on an open connection, connecting first when there is none.
	 */
	CompletableFuture<AsyncProxyManager<String>> buckets() {
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
			return current.thenApply(Connected::buckets);
		}
	}

	private static boolean isClosed(CompletableFuture<Connected> connected) {
		return connected.isDone() && !connected.join().connection().isOpen();
	}

	private Connected connect() {
		AbstractRedisClient redis = this.client.get();
		Connected connected;
		if (redis instanceof RedisClusterClient cluster) {
			StatefulRedisClusterConnection<String, byte[]> connection = cluster.connect(CODEC);
			connected = new Connected(connection, configure(Bucket4jLettuce.casBasedBuilder(connection)));
		}
		else if (redis instanceof RedisClient standalone) {
			StatefulRedisConnection<String, byte[]> connection = standalone.connect(CODEC);
			connected = new Connected(connection, configure(Bucket4jLettuce.casBasedBuilder(connection)));
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

	private AsyncProxyManager<String> configure(LettuceBasedProxyManagerBuilder<String> builder) {
		return builder.clientClock(this.clock)
			.requestTimeout(this.timeout)
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(this.keepIdle))
			.build()
			.asAsync();
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
	 * A connection and Bucket4j's buckets on it.
	 */
	private record Connected(StatefulConnection<String, byte[]> connection, AsyncProxyManager<String> buckets) {
	}

	/**
	 * Bucket4j's clock from an {@link InstantSource}: a wall clock, which interval-aligned refills need.
	 */
	private record WallClock(InstantSource source) implements TimeMeter {

		@Override
		public long currentTimeNanos() {
			return Windows.nanos(this.source.instant());
		}

		@Override
		public boolean isWallClockBased() {
			return true;
		}

	}

}
