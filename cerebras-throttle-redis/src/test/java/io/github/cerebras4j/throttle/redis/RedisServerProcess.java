package io.github.cerebras4j.throttle.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Redis for a test class: Debian's {@code redis-server}, started on a free port of 127.0.0.1 without
 * persistence before the class's tests, and stopped after them, by its process, never by name. A test may
 * {@link #stop()} it and {@link #start() start} it again on the same port. The class is skipped where
 * {@value #SERVER} is not installed ({@code .ci/run} installs it). Register it with {@code @RegisterExtension} on a
 * static field.
 */
public final class RedisServerProcess implements BeforeAllCallback, AfterAllCallback {

	/** Where Debian installs Redis. */
	public static final String SERVER = "/usr/bin/redis-server";

	private final List<String> arguments;

	private int port;

	private @Nullable Process process;

	/**
	 * A Redis as {@code .ci/run} installs it.
	 */
	public RedisServerProcess() {
		this(List.of());
	}

	private RedisServerProcess(List<String> arguments) {
		this.arguments = arguments;
	}

	/**
	 * A Redis that requires a password of its default user.
	 * @param password the password
	 * @return the server
	 */
	public static RedisServerProcess withPassword(String password) {
		return new RedisServerProcess(List.of("--requirepass", password));
	}

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		Assumptions.assumeTrue(Files.isExecutable(Path.of(SERVER)),
				SERVER + " is not installed (apt-get install redis-server); the tests of Redis are skipped");
		this.port = freePort();
		start();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		stop();
	}

	/**
	 * Starts the server on its port and waits until it answers {@code PING}.
	 */
	public synchronized void start() {
		if (this.process != null) {
			return;
		}
		try {
			Path log = Files.createDirectories(Path.of("target")).resolve("redis-" + this.port + ".log");
			List<String> command = new ArrayList<>(List.of(SERVER, "--port", String.valueOf(this.port), "--bind",
					"127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"));
			command.addAll(this.arguments);
			this.process = new ProcessBuilder(command)
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start " + SERVER, ex);
		}
		Process started = this.process;
		Awaitility.await("redis-server answering PING on port " + this.port)
			.atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> {
				if (!started.isAlive()) {
					throw new IllegalStateException("redis-server exited with " + started.exitValue() + "; see target/redis-"
							+ this.port + ".log");
				}
				return answersPing();
			});
	}

	/**
	 * Stops the server by its process and waits until it has exited.
	 */
	public synchronized void stop() {
		Process running = this.process;
		this.process = null;
		if (running == null) {
			return;
		}
		running.destroy();
		try {
			if (!running.waitFor(10, TimeUnit.SECONDS)) {
				running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			running.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Returns the port the server listens on.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Returns the server's URI, for Lettuce.
	 * @return {@code redis://127.0.0.1:<port>}
	 */
	public String uri() {
		return "redis://127.0.0.1:" + this.port;
	}

	private boolean answersPing() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 1000);
			socket.setSoTimeout(1000);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			String answer = new String(in.readNBytes(7), StandardCharsets.US_ASCII);
			// without the password, a Redis that requires one answers that it does (-NOAUTH ...)
			return answer.equals("+PONG\r\n") || answer.startsWith("-NOAUTH");
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * A port nothing listens on now, for a server to start on or for a Redis that is not there.
	 * @return the port
	 */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
