package io.github.cerebras4j.benchmarks.fleet;

import io.github.cerebras4j.client.throttle.BudgetStore;

/**
 * Where the instances of one run of the simulation keep their budgets: a store for each instance (its own, or its
 * connection to a shared one), and, for a shared store, a way to take its backend away in the middle of the run.
 */
public interface BudgetStores extends AutoCloseable {

	/**
	 * Returns the store of a new instance.
	 * @return the store
	 */
	BudgetStore newInstance();

	/**
	 * Takes the shared backend away, as an outage would; the stores must go on without it.
	 */
	void outage();

	@Override
	void close();

}
