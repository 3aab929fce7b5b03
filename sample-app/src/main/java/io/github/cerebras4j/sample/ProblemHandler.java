package io.github.cerebras4j.sample;

import io.github.cerebras4j.client.error.CerebrasException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers every error of the API as an RFC 9457 problem detail ({@code application/problem+json}, also when the
 * request asked for {@code text/event-stream}): Spring's own errors (a wrong method or content type, an unreadable
 * body, a blank prompt, a model that is not offered) through {@link ResponseEntityExceptionHandler}, failed calls to
 * Cerebras through {@link CerebrasProblems}. {@link RequestGuard} writes its own refusals.
 * Failures that are the server's to fix (5xx) are logged at WARN.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Log log = LogFactory.getLog(ProblemHandler.class);

	@ExceptionHandler(CerebrasException.class)
	ResponseEntity<ProblemDetail> cerebrasFailed(CerebrasException ex) {
		ResponseEntity<ProblemDetail> response = CerebrasProblems.response(ex);
		if (response.getStatusCode().is5xxServerError()) {
			log.warn(response.getBody().getTitle() + ": " + ex.getMessage());
		}
		return response;
	}

	@Override
	protected Mono<ResponseEntity<Object>> createResponseEntity(@Nullable Object body, HttpHeaders headers,
			HttpStatusCode status, ServerWebExchange exchange) {
		return Mono.just(ResponseEntity.status(status)
			.headers(headers)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(body));
	}

}
