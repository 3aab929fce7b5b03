package io.github.cerebras4j.client.chat;

import java.util.function.Consumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * How {@code chat().completions().runTools(..)} runs its loop: how many rounds of tool calls it allows, and what a
 * tool that throws does. Immutable; each {@code with} method returns a copy.
 */
public final class ToolRunOptions {

	/** The rounds of tool calls allowed by default. */
	public static final int DEFAULT_MAX_TOOL_ROUNDS = 10;

	private static final Function<Exception, String> DEFAULT_ERROR_TEXT = (ex) -> "Error: "
			+ ((ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName());

	private static final Consumer<ToolRound> NO_LISTENER = (round) -> {
	};

	private static final ToolRunOptions DEFAULTS = new ToolRunOptions(DEFAULT_MAX_TOOL_ROUNDS, DEFAULT_ERROR_TEXT,
			NO_LISTENER);

	private final int maxToolRounds;

	private final @Nullable Function<Exception, String> errorText;

	private final Consumer<ToolRound> roundListener;

	private ToolRunOptions(int maxToolRounds, @Nullable Function<Exception, String> errorText,
			Consumer<ToolRound> roundListener) {
		this.maxToolRounds = maxToolRounds;
		this.errorText = errorText;
		this.roundListener = roundListener;
	}

	/**
	 * Returns the defaults: at most {@value #DEFAULT_MAX_TOOL_ROUNDS} rounds of tool calls, and a tool that throws
	 * answers the model {@code "Error: "} followed by the exception's message.
	 * @return the default options
	 */
	public static ToolRunOptions defaults() {
		return DEFAULTS;
	}

	/**
	 * Returns a copy with another limit of rounds. A round is one reply of the model that calls tools, whose tools
	 * are then run; when the model still calls tools after that many rounds, the run fails with a
	 * {@code CerebrasToolRoundsExceededException}. So at most {@code maxToolRounds + 1} requests are sent.
	 * @param maxToolRounds the limit, at least 1
	 * @return the new options
	 */
	public ToolRunOptions withMaxToolRounds(int maxToolRounds) {
		if (maxToolRounds < 1) {
			throw new IllegalArgumentException("maxToolRounds must be at least 1, not " + maxToolRounds);
		}
		return new ToolRunOptions(maxToolRounds, this.errorText, this.roundListener);
	}

	/**
	 * Returns a copy in which a tool that throws (including arguments that do not match its type, and a call of an
	 * unknown tool) answers the model with a text, so that it can try again.
	 * @param errorText the text of the tool message, from the exception
	 * @return the new options
	 */
	public ToolRunOptions withToolErrorsReported(Function<Exception, String> errorText) {
		if (errorText == null) {
			throw new IllegalArgumentException("'errorText' must not be null");
		}
		return new ToolRunOptions(this.maxToolRounds, errorText, this.roundListener);
	}

	/**
	 * Returns a copy in which a tool that throws ends the run with a {@code CerebrasToolExecutionException} whose
	 * cause is what the tool threw.
	 * @return the new options
	 */
	public ToolRunOptions withToolErrorsThrown() {
		return new ToolRunOptions(this.maxToolRounds, null, this.roundListener);
	}

	/**
	 * Returns a copy that tells a listener about each round once its tools have run, before their results are sent:
	 * for logging, metrics or a trace of the run. The listener runs on the thread that ran the last tool of the
	 * round; what it throws ends the run.
	 * @param roundListener the listener
	 * @return the new options
	 */
	public ToolRunOptions withRoundListener(Consumer<ToolRound> roundListener) {
		if (roundListener == null) {
			throw new IllegalArgumentException("'roundListener' must not be null");
		}
		return new ToolRunOptions(this.maxToolRounds, this.errorText, roundListener);
	}

	/**
	 * Returns the listener told about each round.
	 * @return the listener, which does nothing unless one was set
	 */
	public Consumer<ToolRound> roundListener() {
		return this.roundListener;
	}

	/**
	 * Returns the rounds of tool calls allowed.
	 * @return the limit
	 */
	public int maxToolRounds() {
		return this.maxToolRounds;
	}

	/**
	 * Returns how a tool's exception is reported to the model.
	 * @return the text of the tool message from the exception, or {@code null} when an exception ends the run
	 */
	public @Nullable Function<Exception, String> errorText() {
		return this.errorText;
	}

	@Override
	public String toString() {
		return "ToolRunOptions[maxToolRounds=" + this.maxToolRounds + ", toolErrors="
				+ ((this.errorText != null) ? "reported" : "thrown") + "]";
	}

}
