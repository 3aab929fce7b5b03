package io.github.cerebras4j.benchmarks.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.cerebras4j.throttle.redis.RedisBudgetStore;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * The instances' budgets in one Redis: Debian's {@code redis-server} started on a free port of 127.0.0.1 for the run
 * and stopped by its process; each instance has its own Lettuce client and {@link RedisBudgetStore}, as instances on
 * other machines would.
 */
final class RedisStores implements BudgetStores {

	/** Where Debian installs Redis. */
	static final Path SERVER = Path.of("/usr/bin/redis-server");

	/** How long each instance's store waits for Redis: the default, as users meet it. */
	static final Duration TIMEOUT = RedisBudgetStore.DEFAULT_TIMEOUT;

	private final int port;

	private final Process process;

	private final List<RedisClient> clients = new ArrayList<>();

	private final List<RedisBudgetStore> stores = new ArrayList<>();

	private Duration skew = Duration.ZERO;

	private RedisStores(int port, Process process) {
		this.port = port;
		this.process = process;
	}

	/**
	 * Tells whether Redis can be started here.
	 * @return whether {@code redis-server} is installed
	 */
	static boolean available() {
		return Files.isExecutable(SERVER);
	}

	/**
	 * Starts a Redis for one run and waits until it answers.
	 * @return the stores on it
	 */
	static RedisStores start() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			int port = socket.getLocalPort();
			socket.close();
			Process process = new ProcessBuilder(SERVER.toString(), "--port", String.valueOf(port), "--bind",
					"127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			RedisStores stores = new RedisStores(port, process);
			stores.awaitPing();
			return stores;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void awaitPing() {
		RedisClient client = RedisClient.create("redis://127.0.0.1:" + this.port);
		try {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (true) {
				try (StatefulRedisConnection<String, String> connection = client.connect()) {
					connection.sync().ping();
					return;
				}
				catch (RuntimeException ex) {
					if (System.nanoTime() > deadline) {
						throw new IllegalStateException("redis-server did not answer on port " + this.port, ex);
					}
					Thread.onSpinWait();
				}
			}
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
		}
	}

	/**
	 * Gives the instances clocks that are off: every other one ahead of the true time by the skew, the others behind.
	 * @param skew how far off
	 * @return these stores
	 */
	RedisStores withClockSkew(Duration skew) {
		this.skew = skew;
		return this;
	}

	@Override
	public RedisBudgetStore newInstance() {
		RedisClient client = RedisClient.create("redis://127.0.0.1:" + this.port);
		Duration offset = (this.stores.size() % 2 == 0) ? this.skew : this.skew.negated();
		RedisBudgetStore store = RedisBudgetStore.builder(client)
			.timeout(TIMEOUT)
			.clock(InstantSource.offset(InstantSource.system(), offset))
			.build();
		this.clients.add(client);
		this.stores.add(store);
		return store;
	}

	@Override
	public void outage() {
		stopServer();
	}

	/**
	 * Returns how many times the instances' stores fell back to their share of the budget.
	 * @return the fallbacks, summed
	 */
	long fallbacks() {
		return this.stores.stream().mapToLong(RedisBudgetStore::fallbacks).sum();
	}

	@Override
	public void close() {
		this.stores.forEach(RedisBudgetStore::close);
		this.clients.forEach((client) -> client.shutdown(Duration.ZERO, Duration.ofSeconds(1)));
		stopServer();
	}

	private void stopServer() {
		if (this.process.isAlive()) {
			this.process.destroy();
			try {
				if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
					this.process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
