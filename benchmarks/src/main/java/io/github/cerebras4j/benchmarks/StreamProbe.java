package io.github.cerebras4j.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.sun.management.OperatingSystemMXBean;
import io.github.cerebras4j.benchmarks.clients.Contender;
import io.github.cerebras4j.benchmarks.server.LoadServerProcess;
import io.github.cerebras4j.benchmarks.server.Workload;

/**
 * Runs one contender on one unpaced stream after another, one event per write, and prints its chunks per second, its
 * CPU time per chunk and the load server's: the figure to look at while profiling the cost of a chunk. With
 * {@code perf} on the path it also counts, over the measured window, the client's system calls that tell a network
 * read from a thread hand-off ({@code read} for the JDK's client, {@code recvfrom} and {@code epoll_pwait2} for
 * Netty's, {@code futex} for both) and its context switches. Run it, after
 * {@code mvn -q -pl benchmarks -am install -DskipTests}, with {@code mvn -q -pl benchmarks
 * org.codehaus.mojo:exec-maven-plugin:3.6.3:exec -Dexec.executable=java
 * "-Dexec.args=-cp %classpath io.github.cerebras4j.benchmarks.StreamProbe blocking 6"}; the contender is
 * {@code baseline}, {@code reactive} or {@code blocking}.
 */
public final class StreamProbe {

	private static final Duration WARM_UP = Duration.ofSeconds(8);

	private static final String COUNTED = "syscalls:sys_enter_read,syscalls:sys_enter_recvfrom,"
			+ "syscalls:sys_enter_epoll_pwait2,syscalls:sys_enter_futex,context-switches";

	private StreamProbe() {
	}

	/**
	 * Runs the probe.
	 * @param args the contender, then the seconds to measure (default 6)
	 * @throws Exception if the server or {@code perf} fails
	 */
	public static void main(String[] args) throws Exception {
		String name = (args.length > 0) ? args[0] : "blocking";
		Duration measured = Duration.ofSeconds((args.length > 1) ? Long.parseLong(args[1]) : 6);
		try (LoadServerProcess server = LoadServerProcess.start()) {
			List<Contender> contenders = BenchmarkMain.contenders(server.origin(), 64);
			Contender contender = switch (name) {
				case "baseline" -> contenders.get(0);
				case "reactive" -> contenders.get(1);
				case "blocking" -> contenders.get(2);
				default -> throw new IllegalArgumentException("Unknown contender " + name
						+ ": use baseline, reactive or blocking");
			};
			try {
				String model = Workload.chunks(2_000).model();
				run(contender, model, WARM_UP);
				Process perf = perf(measured);
				long serverCpu = serverCpuNanos();
				long cpu = cpuNanos();
				long start = System.nanoTime();
				long chunks = run(contender, model, measured);
				double seconds = (System.nanoTime() - start) / 1e9;
				System.out.printf("%s: %,.0f chunks/s, client CPU %.2f µs per chunk, server CPU %.2f µs per chunk "
						+ "(%,d chunks in %.1f s)%n", contender.name(), chunks / seconds,
						(cpuNanos() - cpu) / 1e3 / chunks, (serverCpuNanos() - serverCpu) / 1e3 / chunks, chunks,
						seconds);
				if (perf != null) {
					perf.waitFor();
				}
			}
			finally {
				contenders.forEach(Contender::close);
			}
		}
	}

	private static long run(Contender contender, String model, Duration duration) {
		long chunks = 0;
		long end = System.nanoTime() + duration.toNanos();
		while (System.nanoTime() < end) {
			contender.stream(model);
			chunks += 2_000;
		}
		return chunks;
	}

	private static Process perf(Duration measured) throws IOException {
		boolean available = List.of(System.getenv().getOrDefault("PATH", "").split(":"))
			.stream()
			.anyMatch((directory) -> Files.isExecutable(Path.of(directory, "perf")));
		if (!available) {
			return null;
		}
		return new ProcessBuilder("perf", "stat", "-e", COUNTED, "-p", Long.toString(ProcessHandle.current().pid()),
				"--", "sleep", Long.toString(measured.toSeconds()))
			.inheritIO()
			.start();
	}

	private static long cpuNanos() {
		return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	private static long serverCpuNanos() {
		return ProcessHandle.current()
			.children()
			.mapToLong((child) -> child.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
			.sum();
	}

}
