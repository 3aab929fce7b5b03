package io.github.cerebras4j.client.core;

import io.github.cerebras4j.client.core.ApiObject;
import org.jspecify.annotations.Nullable;

/**
 * What every generation response, whole or streamed, tells about itself: the model that answered, the token
 * usage and the server's timing. Chat and text completions and their chunks implement it, so metrics and logs
 * read them the same way.
 */
public interface Generation extends ApiObject {

	/**
	 * Returns the model that generated the response.
	 * @return the model id, or {@code null} if the server did not say
	 */
	@Nullable String model();

	/**
	 * Returns the token usage; in a stream, only the final chunk carries it.
	 * @return the usage, or {@code null}
	 */
	@Nullable Usage usage();

	/**
	 * Returns the server's timing; in a stream, only the final chunk carries it.
	 * @return the timing, or {@code null}
	 */
	@Nullable TimeInfo timeInfo();

}
