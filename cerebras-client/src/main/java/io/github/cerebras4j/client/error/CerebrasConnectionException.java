package io.github.cerebras4j.client.error;

import io.github.cerebras4j.client.core.Usage;
import org.jspecify.annotations.Nullable;

/**
 * No usable HTTP response, or a stream that stopped before its end: the connection was refused or reset, TLS
 * failed, the response was cut short, or a {@linkplain CerebrasTimeoutException timeout} expired. The transport's
 * exception is kept as the cause. Retried by the default retry policy as long as nothing has reached the caller
 * yet.
 *
 * <p>Whatever the subclass, a stream that had already delivered chunks says so: {@link #chunksReceived()} is
 * above zero, and {@link #partialText()} and {@link #usage()} give what arrived. So "was it a timeout?" is answered
 * by the type ({@link CerebrasTimeoutException}) and "was anything received?" by {@link #chunksReceived()}, for
 * every failure of a stream.
 */
public class CerebrasConnectionException extends CerebrasException {

	/** How many chunks of a stream reached the caller before the failure. */
	private final int chunksReceived;

	/** The generated text of those chunks, possibly cut; empty when none. */
	private final String partialText;

	/** The last usage received, if any. */
	private final @Nullable Usage usage;

	/**
	 * Creates the exception for a failure before anything was received.
	 * @param message what went wrong
	 * @param cause the transport's exception, or {@code null}
	 */
	public CerebrasConnectionException(String message, @Nullable Throwable cause) {
		this(message, 0, "", null, cause);
	}

	/**
	 * Creates the exception with what the caller received before the failure.
	 * @param message what went wrong
	 * @param chunksReceived the number of chunks that reached the caller
	 * @param partialText the generated text those chunks carried, joined (possibly cut, see the client's
	 * {@code maxPartialText})
	 * @param usage the last usage received, or {@code null}
	 * @param cause the transport's exception, or {@code null}
	 */
	public CerebrasConnectionException(String message, int chunksReceived, String partialText, @Nullable Usage usage,
			@Nullable Throwable cause) {
		super(message, cause);
		this.chunksReceived = chunksReceived;
		this.partialText = partialText;
		this.usage = usage;
	}

	/**
	 * Returns how many chunks of a stream reached the caller before it failed.
	 * @return the number of chunks received, {@code 0} when none or when the call was not a stream
	 */
	public int chunksReceived() {
		return this.chunksReceived;
	}

	/**
	 * Returns the generated text the received chunks carried (for chat, their content). It is kept up to the
	 * client's {@code maxPartialText} characters; a longer text keeps its start.
	 * @return the text so far, empty when none
	 */
	public String partialText() {
		return this.partialText;
	}

	/**
	 * Returns the last usage received; usage usually arrives with the final chunk, so mostly {@code null}.
	 * @return the usage, or {@code null}
	 */
	public @Nullable Usage usage() {
		return this.usage;
	}

}
