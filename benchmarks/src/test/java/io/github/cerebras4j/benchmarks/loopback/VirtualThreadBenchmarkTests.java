package io.github.cerebras4j.benchmarks.loopback;

import io.github.cerebras4j.benchmarks.server.LoadServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the virtual-thread benchmark with a tiny workload so that it keeps working between benchmark runs on Java 21
 * and newer, and checks that it skips, without failing, before Java 21. Nothing here measures or asserts a timing.
 */
class VirtualThreadBenchmarkTests {

	private static final VirtualThreadBenchmark.Settings TINY = new VirtualThreadBenchmark.Settings(1, 1, 40, 4, 20,
			2_000);

	private LoadServer server;

	@BeforeEach
	void startServer() {
		this.server = LoadServer.start(0);
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void streamsOnVirtualAndOnPlatformThreadsAndGivesBothARow() {
		String table = new VirtualThreadBenchmark(TINY, "http://127.0.0.1:" + this.server.port(), "key").run();

		assertThat(table).startsWith("#### Virtual threads: 40 streams of 20 chunks")
			.contains("| peak platform threads | jdk.VirtualThreadPinned | jdk.VirtualThreadSubmitFailed |")
			.contains("No call failed.");
		assertThat(table.lines().filter((line) -> line.startsWith("| cerebras4j CerebrasTemplate, 4 platform threads |")))
			.singleElement()
			.asString()
			.contains("| 1.00x |");
		assertThat(table.lines().filter((line) -> line.startsWith("| cerebras4j CerebrasTemplate, 40 virtual threads |")))
			.hasSize(1);
	}

	@Test
	@EnabledForJreRange(max = JRE.JAVA_20)
	void skipsBeforeJava21() {
		String table = new VirtualThreadBenchmark(TINY, "http://127.0.0.1:" + this.server.port(), "key").run();

		assertThat(table).startsWith("Virtual threads: skipped, virtual threads need Java 21 or newer; this is Java ");
	}

}
