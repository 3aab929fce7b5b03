package io.github.cerebras4j.client.error;

/**
 * 401 Unauthorized: the API key is missing, wrong or revoked. Not retried.
 */
public final class AuthenticationException extends CerebrasApiException {

	AuthenticationException(Details details) {
		super(details);
	}

}
