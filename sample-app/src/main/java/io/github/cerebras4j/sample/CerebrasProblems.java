package io.github.cerebras4j.sample;

import java.time.Duration;

import io.github.cerebras4j.client.error.AuthenticationException;
import io.github.cerebras4j.client.error.BadRequestException;
import io.github.cerebras4j.client.error.CerebrasApiException;
import io.github.cerebras4j.client.error.CerebrasConnectionException;
import io.github.cerebras4j.client.error.CerebrasMalformedResponseException;
import io.github.cerebras4j.client.error.CerebrasStreamInterruptedException;
import io.github.cerebras4j.client.error.CerebrasStructuredOutputException;
import io.github.cerebras4j.client.error.CerebrasTimeoutException;
import io.github.cerebras4j.client.error.CerebrasToolRoundsExceededException;
import io.github.cerebras4j.client.error.NotFoundException;
import io.github.cerebras4j.client.error.PermissionDeniedException;
import io.github.cerebras4j.client.error.RateLimitException;
import io.github.cerebras4j.client.error.UnprocessableEntityException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * What this application answers when a call to Cerebras fails: an RFC 9457 problem detail whose status says whose
 * fault it is.
 * <ul>
 * <li>429 from Cerebras: 429, with {@code Retry-After} when Cerebras gave one;</li>
 * <li>400, 404, 422 from Cerebras (the prompt or the model was refused): 400, with Cerebras' message;</li>
 * <li>401 and 403 from Cerebras: 502, the application's API key is wrong, not the caller's request;</li>
 * <li>503 from Cerebras: 503; other statuses: 502;</li>
 * <li>a timeout: 504; no connection, a broken stream or an unreadable answer: 502;</li>
 * <li>a structured answer that does not follow its schema, a tool run that exceeds its rounds: 502;</li>
 * <li>anything else: 500.</li>
 * </ul>
 * The properties {@code upstreamStatus} and {@code requestId} carry Cerebras' status and request id when there is one.
 */
final class CerebrasProblems {

	private CerebrasProblems() {
	}

	/**
	 * Returns the response for a failed call, {@code application/problem+json} with its {@code Retry-After} header
	 * when there is one.
	 * @param ex the failure
	 * @return the problem detail response
	 */
	static ResponseEntity<ProblemDetail> response(Throwable ex) {
		ProblemDetail problem = problem(ex);
		HttpHeaders headers = new HttpHeaders();
		Duration retryAfter = retryAfter(ex);
		if (retryAfter != null) {
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds(retryAfter)));
		}
		return ResponseEntity.status(problem.getStatus())
			.headers(headers)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	/**
	 * Returns the problem detail for a failed call.
	 * @param ex the failure
	 * @return the problem detail
	 */
	static ProblemDetail problem(Throwable ex) {
		if (ex instanceof CerebrasApiException api) {
			ProblemDetail problem = apiProblem(api);
			problem.setProperty("upstreamStatus", api.statusCode());
			if (api.requestId() != null) {
				problem.setProperty("requestId", api.requestId());
			}
			Duration retryAfter = retryAfter(ex);
			if (retryAfter != null) {
				problem.setProperty("retryAfterSeconds", seconds(retryAfter));
			}
			return problem;
		}
		if (ex instanceof CerebrasTimeoutException) {
			return problem(HttpStatus.GATEWAY_TIMEOUT, "Cerebras did not answer in time", ex.getMessage());
		}
		if (ex instanceof CerebrasStreamInterruptedException) {
			return problem(HttpStatus.BAD_GATEWAY, "The stream from Cerebras broke off", ex.getMessage());
		}
		if (ex instanceof CerebrasConnectionException) {
			return problem(HttpStatus.BAD_GATEWAY, "Cannot reach Cerebras", ex.getMessage());
		}
		if (ex instanceof CerebrasMalformedResponseException) {
			return problem(HttpStatus.BAD_GATEWAY, "Cerebras sent an answer this application cannot read",
					ex.getMessage());
		}
		if (ex instanceof CerebrasStructuredOutputException) {
			return problem(HttpStatus.BAD_GATEWAY, "The model's answer does not follow the schema", ex.getMessage());
		}
		if (ex instanceof CerebrasToolRoundsExceededException) {
			return problem(HttpStatus.BAD_GATEWAY, "The model kept calling tools", ex.getMessage());
		}
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "The application failed", null);
	}

	private static ProblemDetail apiProblem(CerebrasApiException ex) {
		String message = upstreamMessage(ex);
		if (ex instanceof RateLimitException) {
			return problem(HttpStatus.TOO_MANY_REQUESTS, "Rate limited by Cerebras", message);
		}
		if (ex instanceof BadRequestException || ex instanceof NotFoundException
				|| ex instanceof UnprocessableEntityException) {
			return problem(HttpStatus.BAD_REQUEST, "Cerebras refused the request", message);
		}
		if (ex instanceof AuthenticationException) {
			return problem(HttpStatus.BAD_GATEWAY, "Cerebras rejected this application's API key",
					"The API key this application is configured with (CEREBRAS_API_KEY or cerebras.api-key) was not"
							+ " accepted. The server's configuration needs fixing, not your request.");
		}
		if (ex instanceof PermissionDeniedException) {
			return problem(HttpStatus.BAD_GATEWAY, "Cerebras refused this application's API key access", message);
		}
		if (ex.statusCode() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
			return problem(HttpStatus.SERVICE_UNAVAILABLE, "Cerebras is unavailable", message);
		}
		return problem(HttpStatus.BAD_GATEWAY, "Cerebras answered with an error", message);
	}

	private static String upstreamMessage(CerebrasApiException ex) {
		return (ex.error() != null && ex.error().message() != null) ? ex.error().message() : ex.getMessage();
	}

	private static ProblemDetail problem(HttpStatus status, String title, @Nullable String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

	private static @Nullable Duration retryAfter(Throwable ex) {
		return (ex instanceof RateLimitException rateLimited) ? rateLimited.retryAfter() : null;
	}

	private static long seconds(Duration duration) {
		long seconds = duration.toSeconds() + ((duration.toNanosPart() > 0) ? 1 : 0);
		return Math.max(seconds, 1);
	}

}
