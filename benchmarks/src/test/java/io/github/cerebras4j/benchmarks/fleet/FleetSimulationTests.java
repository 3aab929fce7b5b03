package io.github.cerebras4j.benchmarks.fleet;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tiny run of the fleet simulation: every call it starts ends and is counted once, the server's budget counts what
 * was sent, and the report has a row for each variant. Its figures are not checked: they are the benchmark's.
 */
class FleetSimulationTests {

	private static final FleetSimulation.Settings TINY = new FleetSimulation.Settings(2, 10_000, 1_000,
			Duration.ofMillis(300), 2, 2.0, 30, 10, Duration.ZERO, Duration.ofSeconds(5), 2);

	@Test
	void everyCallEndsAndIsCountedAndTheReportHasARowPerVariant() throws InterruptedException {
		List<FleetSimulation.Result> results = new FleetSimulation(TINY).runAll(null);

		assertThat(results).extracting(FleetSimulation.Result::name)
			.containsExactly("no throttle", "local throttle (each instance its own)",
					"one budget shared in memory (the ideal a shared store aims at)");
		for (FleetSimulation.Result result : results) {
			assertThat(result.allEnded()).as(result.name()).isTrue();
			assertThat(result.calls()).as(result.name()).isPositive();
			assertThat(result.outcomes().latencies().size() + result.outcomes().failed()).as(result.name())
				.isEqualTo(result.calls());
			assertThat(result.stats().requestsAdmitted()).as(result.name())
				.isGreaterThanOrEqualTo(result.outcomes().latencies().size());
		}
		assertThat(FleetSimulation.report(results).lines().filter((line) -> line.startsWith("| ")).count())
			.as("the header and a row per variant").isEqualTo(4);
	}

}
