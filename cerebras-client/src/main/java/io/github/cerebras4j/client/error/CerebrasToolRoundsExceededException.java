package io.github.cerebras4j.client.error;

import java.util.List;

/**
 * A tool run that the model did not end: it still called tools after the rounds allowed. Nothing more is sent.
 */
public class CerebrasToolRoundsExceededException extends CerebrasException {

	/** The rounds of tool calls allowed, all run. */
	private final int maxToolRounds;

	/** The names of the tools the model called last, which were not run. */
	private final List<String> pendingToolNames;

	/**
	 * Creates the exception.
	 * @param maxToolRounds the rounds of tool calls allowed, all run
	 * @param pendingToolNames the names of the tools the model called last, not run
	 */
	public CerebrasToolRoundsExceededException(int maxToolRounds, List<String> pendingToolNames) {
		super("The model still called tools " + pendingToolNames + " after " + maxToolRounds
				+ " rounds of tool calls, the most allowed");
		this.maxToolRounds = maxToolRounds;
		this.pendingToolNames = List.copyOf(pendingToolNames);
	}

	/**
	 * Returns the rounds of tool calls allowed, all of which were run.
	 * @return the limit
	 */
	public int maxToolRounds() {
		return this.maxToolRounds;
	}

	/**
	 * Returns the names of the tools the model called in its last reply, which were not run.
	 * @return the names, in the order of the calls
	 */
	public List<String> pendingToolNames() {
		return this.pendingToolNames;
	}

}
