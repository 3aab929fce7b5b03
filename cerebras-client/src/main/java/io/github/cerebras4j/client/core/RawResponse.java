package io.github.cerebras4j.client.core;

import io.github.cerebras4j.client.core.RateLimits;
import org.springframework.http.ResponseEntity;

/**
 * A response with its status and headers, as {@code withRawResponse()} returns it: Spring's
 * {@link ResponseEntity}, plus the rate limits the headers report and the retries the client made.
 *
 * @param <T> the body type
 */
public final class RawResponse<T> extends ResponseEntity<T> {

	private final int retriesTaken;

	/**
	 * Creates the response.
	 * @param body the decoded body
	 * @param metadata the status, headers and retries
	 */
	public RawResponse(T body, ResponseMetadata metadata) {
		super(body, metadata.headers(), metadata.status());
		this.retriesTaken = metadata.retriesTaken();
	}

	/**
	 * Returns the rate limits the response headers report.
	 * @return the rate limits, {@link RateLimits#NONE} when the response has no such header
	 */
	public RateLimits rateLimits() {
		return RateLimits.from(getHeaders());
	}

	/**
	 * Returns how many retries the client made before this response.
	 * @return the retries, 0 when the first attempt answered
	 */
	public int retriesTaken() {
		return this.retriesTaken;
	}

	/**
	 * Returns the status, headers and retries of this response.
	 * @return the metadata
	 */
	public ResponseMetadata metadata() {
		return new ResponseMetadata(getStatusCode(), getHeaders(), this.retriesTaken);
	}

}
