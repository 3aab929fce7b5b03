package io.github.cerebras4j.client.error;

/**
 * A server-side failure: status 500 or above (502, 503 and 504 included). Retried by the default retry policy.
 */
public final class InternalServerException extends CerebrasApiException {

	InternalServerException(Details details) {
		super(details);
	}

}
