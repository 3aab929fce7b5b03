package io.github.cerebras4j.benchmarks.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link LoadServer} in a child JVM on this JVM's class path, so that what the benchmarks measure in this JVM (CPU
 * time, allocation) is the clients' alone. Closing it closes the child's standard input, which stops it; a child that
 * does not stop within 10 seconds is destroyed.
 */
public final class LoadServerProcess implements AutoCloseable {

	private final Process process;

	private final int port;

	private LoadServerProcess(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/**
	 * Starts a server process and waits until it listens.
	 * @return the running server
	 */
	public static LoadServerProcess start() {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = List.of(java, "-Xms256m", "-Xmx256m", "-XX:+UseParallelGC", "-cp",
				System.getProperty("java.class.path"), LoadServer.class.getName());
		try {
			Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
			BufferedReader out = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
			String line = out.readLine();
			if (line == null || !line.startsWith("listening on ")) {
				process.destroyForcibly();
				throw new IllegalStateException("The load server did not start: " + line);
			}
			return new LoadServerProcess(process, Integer.parseInt(line.substring("listening on ".length())));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the load server", ex);
		}
	}

	/**
	 * Returns the server's origin, {@code http://127.0.0.1:<port>}; its API is under {@code /v1}.
	 * @return the origin
	 */
	public String origin() {
		return "http://127.0.0.1:" + this.port;
	}

	@Override
	public void close() {
		try {
			this.process.getOutputStream().close();
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (IOException ex) {
			this.process.destroyForcibly();
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

}
