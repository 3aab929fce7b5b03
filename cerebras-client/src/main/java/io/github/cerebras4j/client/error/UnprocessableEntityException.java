package io.github.cerebras4j.client.error;

/**
 * 422 Unprocessable Entity: the request was well-formed JSON but failed validation. Not retried.
 */
public final class UnprocessableEntityException extends CerebrasApiException {

	UnprocessableEntityException(Details details) {
		super(details);
	}

}
