package io.github.cerebras4j.client.error;

/**
 * 400 Bad Request: the request was invalid, for example a parameter out of range or a message the model cannot
 * take. Not retried.
 */
public final class BadRequestException extends CerebrasApiException {

	BadRequestException(Details details) {
		super(details);
	}

}
