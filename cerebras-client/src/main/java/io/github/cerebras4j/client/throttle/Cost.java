package io.github.cerebras4j.client.throttle;

import org.springframework.util.Assert;

/**
 * What one call takes from a budget: requests and tokens.
 *
 * @param requests the requests, at least 0
 * @param tokens the tokens, at least 0
 */
public record Cost(long requests, long tokens) {

	/**
	 * Checks the amounts.
	 * @param requests the requests, at least 0
	 * @param tokens the tokens, at least 0
	 */
	public Cost {
		Assert.isTrue(requests >= 0, "'requests' must not be negative");
		Assert.isTrue(tokens >= 0, "'tokens' must not be negative");
	}

}
