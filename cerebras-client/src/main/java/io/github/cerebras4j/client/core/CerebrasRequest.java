package io.github.cerebras4j.client.core;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the client needs to know of a generation request beyond its JSON body: the model (for validation,
 * logging and metrics), the undocumented fields to merge into the body and the stream options. The header
 * parameters every endpoint accepts ({@code CF-RAY}, {@code X-Amz-Cf-Id}, {@code X-delay-time}) are not part of a
 * request: set them on {@link RequestOptions.Builder}.
 */
public interface CerebrasRequest {

	/**
	 * Returns the model id, for example {@code llama3.1-8b}.
	 * @return the model id, never blank
	 */
	String model();

	/**
	 * Returns fields merged into the JSON body after the typed ones; on a name clash they win, and a
	 * {@code null} value is sent as JSON {@code null}. The way to send a parameter this library does not know.
	 * @return the extra body fields, never {@code null}
	 */
	Map<String, @Nullable Object> extraBody();

	/**
	 * Returns the request's stream options, consulted when the request is streamed.
	 * @return the stream options, or {@code null} when not set
	 */
	@Nullable StreamOptions streamOptions();

	/**
	 * Checks that this request can be streamed; the client calls it before streaming. Every request can, unless it
	 * says otherwise.
	 * @throws IllegalArgumentException if the request cannot be streamed
	 */
	default void checkStreamable() {
	}

	/**
	 * Returns the most tokens the request lets the model generate, which the client's throttle reserves before
	 * sending it (as the server does).
	 * @return the request's maximum, or {@code null} when it sets none
	 */
	default @Nullable Integer maxOutputTokens() {
		return null;
	}

}
