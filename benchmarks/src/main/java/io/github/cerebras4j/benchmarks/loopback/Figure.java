package io.github.cerebras4j.benchmarks.loopback;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One measured figure (for example chunks per second through one stream) for every contender: one value per
 * measured round, and the CPU time each round spent per unit of work.
 */
final class Figure {

	private final String title;

	private final String unit;

	private final String perUnit;

	private final Map<String, List<Double>> rates = new LinkedHashMap<>();

	private final Map<String, List<Double>> cpuNanos = new LinkedHashMap<>();

	Figure(String title, String unit, String perUnit, List<String> contenders) {
		this.title = title;
		this.unit = unit;
		this.perUnit = perUnit;
		for (String contender : contenders) {
			this.rates.put(contender, new ArrayList<>());
			this.cpuNanos.put(contender, new ArrayList<>());
		}
	}

	void record(String contender, double rate, double cpuNanosPerUnit) {
		this.rates.get(contender).add(rate);
		this.cpuNanos.get(contender).add(cpuNanosPerUnit);
	}

	/**
	 * Returns the figure as a Markdown table: median rate, spread, ratio to the first contender (the baseline), CPU
	 * time per unit.
	 * @return the table
	 */
	String table() {
		StringBuilder table = new StringBuilder();
		table.append("#### ").append(this.title).append("\n\n");
		table.append("| client | ").append(this.unit).append(" (median) | min - max | vs baseline | CPU µs per ")
			.append(this.perUnit).append(" |\n");
		table.append("|---|--:|--:|--:|--:|\n");
		double baseline = Double.NaN;
		for (Map.Entry<String, List<Double>> entry : this.rates.entrySet()) {
			double[] values = sorted(entry.getValue());
			double median = median(values);
			if (Double.isNaN(baseline)) {
				baseline = median;
			}
			double cpu = median(sorted(this.cpuNanos.get(entry.getKey()))) / 1000;
			table.append(String.format("| %s | %,.0f | %,.0f - %,.0f | %.2fx | %.2f |%n", entry.getKey(), median,
					values[0], values[values.length - 1], median / baseline, cpu));
		}
		return table.toString();
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
