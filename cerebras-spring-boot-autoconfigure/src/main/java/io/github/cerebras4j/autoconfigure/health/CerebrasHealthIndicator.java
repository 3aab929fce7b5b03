package io.github.cerebras4j.autoconfigure.health;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import io.github.cerebras4j.client.ReactiveCerebrasTemplate;
import io.github.cerebras4j.client.error.AuthenticationException;
import io.github.cerebras4j.client.error.CerebrasApiException;
import io.github.cerebras4j.client.error.CerebrasConnectionException;
import io.github.cerebras4j.client.error.CerebrasTimeoutException;
import io.github.cerebras4j.client.error.InternalServerException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.core.log.LogAccessor;
import org.springframework.util.Assert;

/**
 * Health of the Cerebras API, checked with one {@code GET /v1/tcp_warming} (no retry, its own timeout). UP with
 * the details {@code latency} and {@code host}; DOWN with {@code host} and a {@code reason}: {@code unreachable},
 * {@code timeout}, {@code API key rejected} (401), {@code server error <status>} (5xx) or {@code HTTP <status>}.
 * Details never carry an exception's message, so neither the key nor a server's error text reaches the actuator;
 * the exception is logged at debug level (the client has already scrubbed the key from it).
 * <p>
 * A result, UP or DOWN, is reused for the cache TTL after it arrived, so that probes never hammer the API; health
 * requests arriving while a check runs share it, and a check runs to its end even when they are cancelled.
 */
public class CerebrasHealthIndicator extends AbstractReactiveHealthIndicator {

	private static final LogAccessor logger = new LogAccessor(CerebrasHealthIndicator.class);

	private final ReactiveCerebrasTemplate template;

	private final String host;

	private final Duration timeout;

	private final Duration cacheTtl;

	private final Clock clock;

	private final AtomicReference<@Nullable CompletableFuture<Result>> lastCheck = new AtomicReference<>();

	/**
	 * Creates the indicator.
	 * @param template the template whose API to check
	 * @param baseUrl the template's base URL, whose host is shown in the details
	 * @param timeout the longest wait for the check's request, connection included
	 * @param cacheTtl how long a result is reused; zero checks on every request that finds no check running
	 */
	public CerebrasHealthIndicator(ReactiveCerebrasTemplate template, String baseUrl, Duration timeout,
			Duration cacheTtl) {
		this(template, baseUrl, timeout, cacheTtl, Clock.systemUTC());
	}

	CerebrasHealthIndicator(ReactiveCerebrasTemplate template, String baseUrl, Duration timeout, Duration cacheTtl,
			Clock clock) {
		super("Cerebras health check failed");
		Assert.notNull(template, "'template' must not be null");
		Assert.hasText(baseUrl, "'baseUrl' must not be empty");
		Assert.notNull(timeout, "'timeout' must not be null");
		Assert.isTrue(!timeout.isNegative() && !timeout.isZero(), "'timeout' must be positive");
		Assert.notNull(cacheTtl, "'cacheTtl' must not be null");
		Assert.isTrue(!cacheTtl.isNegative(), "'cacheTtl' must not be negative");
		Assert.notNull(clock, "'clock' must not be null");
		this.template = template;
		this.host = host(baseUrl);
		this.timeout = timeout;
		this.cacheTtl = cacheTtl;
		this.clock = clock;
	}

	private static String host(String baseUrl) {
		String host = URI.create(baseUrl).getHost();
		Assert.hasText(host, "'baseUrl' must be an absolute URL with a host");
		return host;
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		return Mono.defer(() -> Mono.fromFuture(currentCheck(), true)).map(Result::health);
	}

	private CompletableFuture<Result> currentCheck() {
		while (true) {
			CompletableFuture<Result> last = this.lastCheck.get();
			if (last != null && !isExpired(last)) {
				return last;
			}
			CompletableFuture<Result> next = new CompletableFuture<>();
			if (this.lastCheck.compareAndSet(last, next)) {
				check().subscribe(next::complete, next::completeExceptionally);
				return next;
			}
		}
	}

	private boolean isExpired(CompletableFuture<Result> check) {
		Result result = check.getNow(null);
		return result != null && this.clock.millis() - result.checkedAt() >= this.cacheTtl.toMillis();
	}

	private Mono<Result> check() {
		return Mono.defer(() -> {
			long start = System.nanoTime();
			return this.template.ping(this.timeout)
				.map((response) -> Health.up()
					.withDetail("latency", Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms")
					.withDetail("host", this.host)
					.build());
		})
			.onErrorResume((ex) -> {
				String reason = reason(ex);
				logger.debug(ex, () -> "Cerebras health check DOWN: " + reason);
				return Mono.just(Health.down().withDetail("reason", reason).withDetail("host", this.host).build());
			})
			.map((health) -> new Result(health, this.clock.millis()));
	}

	private static String reason(Throwable ex) {
		if (ex instanceof CerebrasTimeoutException) {
			return "timeout";
		}
		if (ex instanceof CerebrasConnectionException) {
			return "unreachable";
		}
		if (ex instanceof AuthenticationException) {
			return "API key rejected";
		}
		if (ex instanceof InternalServerException serverError) {
			return "server error " + serverError.statusCode();
		}
		if (ex instanceof CerebrasApiException apiError) {
			return "HTTP " + apiError.statusCode();
		}
		return "check failed (" + ex.getClass().getSimpleName() + ")";
	}

	private record Result(Health health, long checkedAt) {
	}

}
