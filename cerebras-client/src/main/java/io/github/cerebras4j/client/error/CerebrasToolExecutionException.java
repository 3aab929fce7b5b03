package io.github.cerebras4j.client.error;

import org.jspecify.annotations.Nullable;

/**
 * A tool that failed during a tool run told to throw tool errors rather than report them to the model: its function
 * threw, its arguments did not match its type, or the model called a tool that is not there. The cause is what was
 * thrown.
 */
public class CerebrasToolExecutionException extends CerebrasException {

	/** The name of the tool the model called. */
	private final String toolName;

	/** The id of the tool call, if the model sent one. */
	private final @Nullable String toolCallId;

	/**
	 * Creates the exception.
	 * @param toolName the name the model called
	 * @param toolCallId the id of the tool call, or {@code null}
	 * @param message what went wrong
	 * @param cause what the tool threw, or {@code null}
	 */
	public CerebrasToolExecutionException(String toolName, @Nullable String toolCallId, String message,
			@Nullable Throwable cause) {
		super("Tool '" + toolName + "' failed: " + message, cause);
		this.toolName = toolName;
		this.toolCallId = toolCallId;
	}

	/**
	 * Returns the name of the tool the model called.
	 * @return the name
	 */
	public String toolName() {
		return this.toolName;
	}

	/**
	 * Returns the id of the tool call.
	 * @return the id, or {@code null} when the model sent none
	 */
	public @Nullable String toolCallId() {
		return this.toolCallId;
	}

}
