package io.github.cerebras4j.client.error;

/**
 * 403 Forbidden: the API key may not use this model or endpoint. Not retried.
 */
public final class PermissionDeniedException extends CerebrasApiException {

	PermissionDeniedException(Details details) {
		super(details);
	}

}
