package io.github.cerebras4j.client.error;

/**
 * 409 Conflict. Retried by the default retry policy.
 */
public final class ConflictException extends CerebrasApiException {

	ConflictException(Details details) {
		super(details);
	}

}
