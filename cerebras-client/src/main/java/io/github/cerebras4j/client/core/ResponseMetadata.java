package io.github.cerebras4j.client.core;

import io.github.cerebras4j.client.core.RateLimits;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;

/**
 * What a response says besides its body: the status, the headers, the rate limits they carry, and how many
 * retries the client made before this response.
 *
 * @param status the HTTP status
 * @param headers the response headers
 * @param retriesTaken the retries made before this response, 0 when the first attempt answered
 */
public record ResponseMetadata(HttpStatusCode status, HttpHeaders headers, int retriesTaken) {

	/**
	 * Returns the rate limits the response headers report.
	 * @return the rate limits, {@link RateLimits#NONE} when the response has no such header
	 */
	public RateLimits rateLimits() {
		return RateLimits.from(this.headers);
	}

}
