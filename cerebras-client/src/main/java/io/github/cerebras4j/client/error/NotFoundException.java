package io.github.cerebras4j.client.error;

/**
 * 404 Not Found: for example an unknown model id. Not retried.
 */
public final class NotFoundException extends CerebrasApiException {

	NotFoundException(Details details) {
		super(details);
	}

}
