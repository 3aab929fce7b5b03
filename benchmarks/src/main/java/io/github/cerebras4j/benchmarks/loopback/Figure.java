package io.github.cerebras4j.benchmarks.loopback;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One measured figure (for example chunks per second through one stream) for every contender, printed as a Markdown
 * table whose first row, the baseline (or another reference), the others are compared with. It has any of these parts:
 * <ul>
 * <li>latencies: samples in milliseconds (times to first token, request latencies) pooled over the counted rounds,
 * given as p50 and p99 and the difference of p50 to the baseline's;</li>
 * <li>a rate: one value per counted round, given as median, range and ratio of medians to the baseline's;</li>
 * <li>CPU time per unit of work: one value per counted round, given as median and range, and optionally per token
 * too;</li>
 * <li>counts: whole numbers per counted round (events, threads), each column given as their sum or their largest.</li>
 * </ul>
 */
final class Figure {

	private final String title;

	private final List<String> contenders;

	private String latency;

	private String unit;

	private String perUnit;

	private int tokensPerUnit;

	private String reference = "baseline";

	private final Map<String, List<Double>> latencies = new LinkedHashMap<>();

	private final Map<String, List<Double>> rates = new LinkedHashMap<>();

	private final Map<String, List<Double>> cpuNanos = new LinkedHashMap<>();

	private final Map<String, Count> counts = new LinkedHashMap<>();

	Figure(String title, List<String> contenders) {
		this.title = title;
		this.contenders = contenders;
		for (String contender : contenders) {
			this.latencies.put(contender, new ArrayList<>());
			this.rates.put(contender, new ArrayList<>());
			this.cpuNanos.put(contender, new ArrayList<>());
		}
	}

	/**
	 * Gives the figure latency columns.
	 * @param label what the latency is, for example {@code TTFT}
	 * @return this figure
	 */
	Figure latency(String label) {
		this.latency = label;
		return this;
	}

	/**
	 * Gives the figure rate and CPU columns.
	 * @param unit the rate's unit, for example {@code chunks/s}
	 * @param perUnit what the CPU time is per, for example {@code chunk}
	 * @return this figure
	 */
	Figure rate(String unit, String perUnit) {
		this.unit = unit;
		this.perUnit = perUnit;
		return this;
	}

	/**
	 * Names what the first row is in the columns that compare with it ({@code baseline} otherwise).
	 * @param reference the name, for example {@code first row}
	 * @return this figure
	 */
	Figure comparedTo(String reference) {
		this.reference = reference;
		return this;
	}

	/**
	 * Gives the figure a column of CPU time per token.
	 * @param tokensPerUnit how many tokens one unit carries
	 * @return this figure
	 */
	Figure cpuPerToken(int tokensPerUnit) {
		this.tokensPerUnit = tokensPerUnit;
		return this;
	}

	/**
	 * Gives the figure a column of the sum of a count over the counted rounds, for example of events.
	 * @param header the column's header
	 * @return this figure
	 */
	Figure summed(String header) {
		this.counts.put(header, new Count(true));
		return this;
	}

	/**
	 * Gives the figure a column of the largest value of a count in the counted rounds, for example of a peak thread
	 * count.
	 * @param header the column's header
	 * @return this figure
	 */
	Figure largest(String header) {
		this.counts.put(header, new Count(false));
		return this;
	}

	void count(String contender, String header, long value) {
		this.counts.get(header).add(contender, value);
	}

	void record(String contender, double rate, double cpuNanosPerUnit) {
		this.rates.get(contender).add(rate);
		this.cpuNanos.get(contender).add(cpuNanosPerUnit);
	}

	void sample(String contender, double latencyMillis) {
		this.latencies.get(contender).add(latencyMillis);
	}

	/**
	 * Returns the figure as a Markdown table.
	 * @return the table
	 */
	String table() {
		StringBuilder table = new StringBuilder("#### ").append(this.title).append("\n\n| client |");
		StringBuilder alignment = new StringBuilder("|---|");
		if (this.latency != null) {
			table.append(" ").append(this.latency).append(" p50 ms | p99 ms | p50 vs ").append(this.reference)
				.append(" |");
			alignment.append("--:|--:|--:|");
		}
		if (this.unit != null) {
			table.append(" ").append(this.unit).append(" (median) | min - max | vs ").append(this.reference)
				.append(" | CPU µs per ")
				.append(this.perUnit).append(" | min - max |");
			alignment.append("--:|--:|--:|--:|--:|");
			if (this.tokensPerUnit > 0) {
				table.append(" CPU µs per token |");
				alignment.append("--:|");
			}
		}
		this.counts.keySet().forEach((header) -> {
			table.append(" ").append(header).append(" |");
			alignment.append("--:|");
		});
		table.append("\n").append(alignment).append("\n");
		double baselineLatency = Double.NaN;
		double baselineRate = Double.NaN;
		boolean baseline = true;
		for (String contender : this.contenders) {
			table.append("| ").append(contender).append(" |");
			if (this.latency != null && this.latencies.get(contender).isEmpty()) {
				table.append(" n/a | n/a | n/a |");
			}
			else if (this.latency != null) {
				double[] samples = sorted(this.latencies.get(contender));
				double p50 = percentile(samples, 50);
				baselineLatency = baseline ? p50 : baselineLatency;
				table.append(String.format(" %.2f | %.2f | %+.2f ms |", p50, percentile(samples, 99),
						p50 - baselineLatency));
			}
			if (this.unit != null && this.rates.get(contender).isEmpty()) {
				table.append(" n/a | n/a | n/a | n/a | n/a |").append((this.tokensPerUnit > 0) ? " n/a |" : "");
			}
			else if (this.unit != null) {
				double[] rates = sorted(this.rates.get(contender));
				double rate = median(rates);
				baselineRate = baseline ? rate : baselineRate;
				double[] cpu = sorted(this.cpuNanos.get(contender));
				table.append(String.format(" %,.0f | %,.0f - %,.0f | %.2fx | %.2f | %.2f - %.2f |", rate, rates[0],
						rates[rates.length - 1], rate / baselineRate, median(cpu) / 1000, cpu[0] / 1000,
						cpu[cpu.length - 1] / 1000));
				if (this.tokensPerUnit > 0) {
					table.append(String.format(" %.3f |", median(cpu) / 1000 / this.tokensPerUnit));
				}
			}
			this.counts.values().forEach((count) -> table.append(count.cell(contender)));
			table.append("\n");
			baseline = false;
		}
		return table.toString();
	}

	/**
	 * One count column: the sum or the largest of the values recorded for each contender.
	 */
	private static final class Count {

		private final boolean summed;

		private final Map<String, Long> values = new LinkedHashMap<>();

		Count(boolean summed) {
			this.summed = summed;
		}

		void add(String contender, long value) {
			this.values.merge(contender, value, this.summed ? Long::sum : Long::max);
		}

		String cell(String contender) {
			Long value = this.values.get(contender);
			return (value != null) ? String.format(" %,d |", value) : " n/a |";
		}

	}

	static double[] sorted(List<Double> values) {
		double[] array = values.stream().mapToDouble(Double::doubleValue).toArray();
		Arrays.sort(array);
		return array;
	}

	static double median(double[] sorted) {
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	static double percentile(double[] sorted, double percentile) {
		int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

}
