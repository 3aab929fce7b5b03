package io.github.cerebras4j.benchmarks.jmh;

import java.util.concurrent.TimeUnit;

import io.github.cerebras4j.benchmarks.clients.CerebrasBlocking;
import io.github.cerebras4j.benchmarks.clients.CerebrasReactive;
import io.github.cerebras4j.benchmarks.clients.Contender;
import io.github.cerebras4j.benchmarks.clients.JdkHttpBaseline;
import io.github.cerebras4j.benchmarks.clients.SpringAiOpenAi;
import io.github.cerebras4j.benchmarks.server.LoadServerProcess;
import io.github.cerebras4j.benchmarks.server.Workload;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Each client against a {@link LoadServerProcess} (its own JVM, so its allocations are not counted), for JMH's
 * {@code -prof gc}: {@code stream} is one operation per chunk of a 1,000-chunk stream written in bulk, so
 * {@code gc.alloc.rate.norm} is bytes per chunk; {@code create} is one operation per request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ClientAllocationBenchmark {

	private static final int CHUNKS = 1_000;

	// written in bulk as before the server wrote one event per write, so that the figure stays comparable
	private static final String STREAM = Workload.chunks(CHUNKS).inBulk().model();

	private static final String CREATE = Workload.chunks(0).model();

	@Param({ "baseline", "reactive", "blocking", "spring-ai" })
	public String client;

	private LoadServerProcess server;

	private Contender contender;

	@Setup(Level.Trial)
	public void setUp() {
		this.server = LoadServerProcess.start();
		String origin = this.server.origin();
		this.contender = switch (this.client) {
			case "baseline" -> new JdkHttpBaseline(origin, "bench-key");
			case "reactive" -> new CerebrasReactive(origin, "bench-key", 4);
			case "blocking" -> new CerebrasBlocking(origin, "bench-key", 4);
			case "spring-ai" -> new SpringAiOpenAi(origin, "bench-key");
			default -> throw new IllegalArgumentException("Unknown client " + this.client);
		};
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.contender.close();
		this.server.close();
	}

	@Benchmark
	@OperationsPerInvocation(CHUNKS)
	public long stream() {
		return this.contender.stream(STREAM).textLength();
	}

	@Benchmark
	public String create() {
		return this.contender.create(CREATE);
	}

}
