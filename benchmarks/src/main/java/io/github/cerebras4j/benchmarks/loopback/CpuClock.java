package io.github.cerebras4j.benchmarks.loopback;

import java.lang.management.ManagementFactory;

/**
 * The CPU time this JVM has used, on all its threads: with the load server in its own process, the clients' cost.
 * Wall time on two shared cores varies between runs; CPU time per chunk varies much less.
 */
final class CpuClock {

	private static final com.sun.management.OperatingSystemMXBean OS = (com.sun.management.OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private CpuClock() {
	}

	static long nanos() {
		return OS.getProcessCpuTime();
	}

}
