package io.github.cerebras4j.client.chat;

/**
 * The documented values of a choice's {@code finish_reason}. The field is a plain string, so a value added by
 * the API later still decodes.
 */
public final class FinishReason {

	/** The model finished its answer or hit a stop sequence. */
	public static final String STOP = "stop";

	/** Generation reached the token limit. */
	public static final String LENGTH = "length";

	/** Content was omitted by a content filter. */
	public static final String CONTENT_FILTER = "content_filter";

	/** The model stopped to call tools. */
	public static final String TOOL_CALLS = "tool_calls";

	private FinishReason() {
	}

}
