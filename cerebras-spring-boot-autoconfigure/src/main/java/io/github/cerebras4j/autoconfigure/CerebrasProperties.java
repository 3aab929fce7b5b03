package io.github.cerebras4j.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import io.github.cerebras4j.client.CerebrasClientBuilder;
import io.github.cerebras4j.client.internal.SettingChecks;
import io.github.cerebras4j.client.retry.CerebrasRetryPolicy;
import io.github.cerebras4j.client.core.RateLimits.Window;
import io.github.cerebras4j.client.throttle.BudgetLimits;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration of the Cerebras client, under {@code cerebras.*}. Only {@code cerebras.api-key} is required (the
 * {@code CEREBRAS_API_KEY} environment variable sets it through relaxed binding); every other property has the
 * official SDKs' default. A property of the client is named after the builder method that it calls, within its
 * group: {@code cerebras.timeout.response} is {@code responseTimeout(..)}, {@code cerebras.timeout.deadline} the
 * {@code deadline(..)} of the default request options. Its default is the client's own
 * ({@link CerebrasClientBuilder}'s and {@link CerebrasRetryPolicy}'s {@code DEFAULT_*} constants), and its value is
 * checked when bound by the client's own rules, so that a wrong one fails start-up with a message naming the
 * property.
 */
@ConfigurationProperties("cerebras")
public class CerebrasProperties implements Validator {

	// The configuration processor cannot read a default from a constant of another class: the defaults taken from the
	// client's constants are declared again in META-INF/additional-spring-configuration-metadata.json, and
	// ConfigurationMetadataTests checks that the two agree.

	/**
	 * Whether to auto-configure the Cerebras client.
	 */
	private boolean enabled = true;

	/**
	 * API key, sent as a bearer token. Issued at https://cloud.cerebras.ai.
	 */
	private @Nullable String apiKey;

	/**
	 * Base URL of the API; a path prefix is kept.
	 */
	private String baseUrl = CerebrasClientBuilder.DEFAULT_BASE_URL;

	/**
	 * Headers sent on every request, after the client's own.
	 */
	private Map<String, String> defaultHeaders = new LinkedHashMap<>();

	private final Timeout timeout = new Timeout();

	private final Retry retry = new Retry();

	private final Pool pool = new Pool();

	private final WarmUp warmUp = new WarmUp();

	private final Health health = new Health();

	private final Metrics metrics = new Metrics();

	private final Limits limits = new Limits();

	private final Throttle throttle = new Throttle();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getApiKey() {
		return this.apiKey;
	}

	public void setApiKey(@Nullable String apiKey) {
		this.apiKey = apiKey;
	}

	public String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public Map<String, String> getDefaultHeaders() {
		return this.defaultHeaders;
	}

	public void setDefaultHeaders(Map<String, String> defaultHeaders) {
		this.defaultHeaders = defaultHeaders;
	}

	public Timeout getTimeout() {
		return this.timeout;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public Pool getPool() {
		return this.pool;
	}

	public WarmUp getWarmUp() {
		return this.warmUp;
	}

	public Health getHealth() {
		return this.health;
	}

	public Metrics getMetrics() {
		return this.metrics;
	}

	public Limits getLimits() {
		return this.limits;
	}

	public Throttle getThrottle() {
		return this.throttle;
	}

	@Override
	public String toString() {
		return "CerebrasProperties[baseUrl=" + this.baseUrl + ", apiKey=" + ((this.apiKey != null) ? "[set]" : "[unset]")
				+ "]";
	}

	@Override
	public boolean supports(Class<?> type) {
		return CerebrasProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		CerebrasProperties properties = (CerebrasProperties) target;
		try {
			SettingChecks.baseUrl("cerebras.base-url", properties.getBaseUrl());
		}
		catch (IllegalArgumentException ex) {
			// an error of the object, not of the field: a field error would show the URL, password included
			errors.reject("invalid", ex.getMessage());
		}
		if (properties.getDefaultHeaders().keySet().stream().anyMatch(HttpHeaders.AUTHORIZATION::equalsIgnoreCase)) {
			errors.rejectValue("default-headers", "invalid",
					"cerebras.default-headers must not set Authorization; set cerebras.api-key instead");
		}
		Timeout timeout = properties.getTimeout();
		check("timeout.connect", (name) -> SettingChecks.positive(name, timeout.getConnect()), errors);
		check("timeout.response", (name) -> SettingChecks.positive(name, timeout.getResponse()), errors);
		check("timeout.stream-idle", (name) -> SettingChecks.positive(name, timeout.getStreamIdle()), errors);
		Duration deadline = timeout.getDeadline();
		if (deadline != null) {
			check(timeout.deadlineProperty(), (name) -> SettingChecks.positive(name, deadline), errors);
		}
		check("timeout.non-streaming-deadline",
				(name) -> SettingChecks.positive(name, timeout.getNonStreamingDeadline()), errors);
		Limits limits = properties.getLimits();
		check("limits.max-event-size", (name) -> SettingChecks.maxEventSize(name, limits.getMaxEventSize()), errors);
		check("limits.max-partial-text", (name) -> SettingChecks.maxPartialText(name, limits.getMaxPartialText()),
				errors);
		Retry retry = properties.getRetry();
		check("retry.max-retries", (name) -> SettingChecks.maxRetries(name, retry.getMaxRetries()), errors);
		check("retry.initial-delay", (name) -> SettingChecks.notNegative(name, retry.getInitialDelay()), errors);
		check("retry.max-delay", (name) -> SettingChecks.notNegative(name, retry.getMaxDelay()), errors);
		if (retry.getInitialDelay() != null && retry.getMaxDelay() != null) {
			check("retry.max-delay", (name) -> SettingChecks.maxDelay(name, retry.getMaxDelay(),
					"cerebras.retry.initial-delay", retry.getInitialDelay()), errors);
		}
		check("retry.multiplier", (name) -> SettingChecks.multiplier(name, retry.getMultiplier()), errors);
		check("retry.jitter", (name) -> SettingChecks.fraction(name, retry.getJitter()), errors);
		check("retry.max-retry-after", (name) -> SettingChecks.notNegative(name, retry.getMaxRetryAfter()), errors);
		Pool pool = properties.getPool();
		check("pool.max-connections", (name) -> SettingChecks.connections(name, pool.getMaxConnections()), errors);
		check("pool.pending-acquire-timeout", (name) -> SettingChecks.positive(name, pool.getPendingAcquireTimeout()),
				errors);
		check("pool.max-idle-time", (name) -> SettingChecks.positive(name, pool.getMaxIdleTime()), errors);
		check("warm-up.connections", (name) -> SettingChecks.connections(name, properties.getWarmUp().getConnections()),
				errors);
		check("health.timeout", (name) -> SettingChecks.positive(name, properties.getHealth().getTimeout()), errors);
		check("health.cache-ttl", (name) -> SettingChecks.notNegative(name, properties.getHealth().getCacheTtl()),
				errors);
		for (double percentile : properties.getMetrics().getPercentiles()) {
			check("metrics.percentiles", (name) -> SettingChecks.fraction(name, percentile), errors);
		}
		for (Duration bucket : properties.getMetrics().getBuckets()) {
			check("metrics.buckets", (name) -> SettingChecks.positive(name, bucket), errors);
		}
		check("metrics.max-model-tags",
				(name) -> SettingChecks.atLeast(name, properties.getMetrics().getMaxModelTags(), 0), errors);
		Throttle throttle = properties.getThrottle();
		check("throttle.max-wait", (name) -> SettingChecks.notNegative(name, throttle.getMaxWait()), errors);
		check("throttle.default-completion-tokens",
				(name) -> SettingChecks.atLeast(name, throttle.getDefaultCompletionTokens(), 1), errors);
		check("throttle.redis.timeout", (name) -> SettingChecks.positive(name, throttle.getRedis().getTimeout()),
				errors);
		check("throttle.redis.retry-interval",
				(name) -> SettingChecks.positive(name, throttle.getRedis().getRetryInterval()), errors);
		ThrottleLimits budget = throttle.getLimits();
		checkLimit("requests-per-minute", budget.getRequestsPerMinute(), errors);
		checkLimit("requests-per-hour", budget.getRequestsPerHour(), errors);
		checkLimit("requests-per-day", budget.getRequestsPerDay(), errors);
		checkLimit("tokens-per-minute", budget.getTokensPerMinute(), errors);
		checkLimit("tokens-per-hour", budget.getTokensPerHour(), errors);
		checkLimit("tokens-per-day", budget.getTokensPerDay(), errors);
	}

	private static void checkLimit(String name, @Nullable Long limit, Errors errors) {
		if (limit != null) {
			check("throttle.limits." + name, (property) -> SettingChecks.atLeast(property, limit, 1), errors);
		}
	}

	/**
	 * Runs one of the client's checks on a property, under the property's name, and turns its failure into an error
	 * of that property, so that every wrong value is reported at once.
	 */
	private static void check(String property, Consumer<String> check, Errors errors) {
		try {
			check.accept("cerebras." + property);
		}
		catch (IllegalArgumentException ex) {
			errors.rejectValue(property, "invalid", ex.getMessage());
		}
	}

	/**
	 * Limits on what a server can make the client hold.
	 */
	public static class Limits {

		/**
		 * Longest line, and most data of one event, a stream may send; more fails the stream and closes its connection.
		 */
		private DataSize maxEventSize = CerebrasClientBuilder.DEFAULT_MAX_EVENT_SIZE;

		/**
		 * Most characters of a stream's text kept to report with the exception of a stream that fails after some chunks.
		 */
		private int maxPartialText = CerebrasClientBuilder.DEFAULT_MAX_PARTIAL_TEXT;

		public DataSize getMaxEventSize() {
			return this.maxEventSize;
		}

		public void setMaxEventSize(DataSize maxEventSize) {
			this.maxEventSize = maxEventSize;
		}

		public int getMaxPartialText() {
			return this.maxPartialText;
		}

		public void setMaxPartialText(int maxPartialText) {
			this.maxPartialText = maxPartialText;
		}

	}

	/**
	 * Timeouts.
	 */
	public static class Timeout {

		/**
		 * Longest wait to open a connection.
		 */
		private Duration connect = CerebrasClientBuilder.DEFAULT_CONNECT_TIMEOUT;

		/**
		 * Longest wait for a response, from sending the request, without receiving any data.
		 */
		private Duration response = CerebrasClientBuilder.DEFAULT_RESPONSE_TIMEOUT;

		/**
		 * Longest silence inside a stream: before its first data and between two chunks.
		 */
		private Duration streamIdle = CerebrasClientBuilder.DEFAULT_STREAM_IDLE_TIMEOUT;

		/**
		 * Longest a whole call may take, retries and the whole stream included. None by default.
		 */
		private @Nullable Duration deadline;

		/**
		 * Longest a whole call that is not a stream may take, retries included, unless 'deadline' is set.
		 */
		private Duration nonStreamingDeadline = CerebrasClientBuilder.DEFAULT_NON_STREAMING_DEADLINE;

		/**
		 * The property, under 'cerebras.', that the deadline was set from: its check names it, and once it is
		 * 'timeout.deadline' the deprecated alias no longer changes it.
		 */
		private @Nullable String deadlineProperty;

		public Duration getConnect() {
			return this.connect;
		}

		public void setConnect(Duration connect) {
			this.connect = connect;
		}

		public Duration getResponse() {
			return this.response;
		}

		public void setResponse(Duration response) {
			this.response = response;
		}

		public Duration getStreamIdle() {
			return this.streamIdle;
		}

		public void setStreamIdle(Duration streamIdle) {
			this.streamIdle = streamIdle;
		}

		public @Nullable Duration getDeadline() {
			return this.deadline;
		}

		public void setDeadline(@Nullable Duration deadline) {
			this.deadline = deadline;
			this.deadlineProperty = "timeout.deadline";
		}

		/**
		 * Returns the deadline.
		 * @return the deadline, or {@code null} for none
		 * @deprecated since 0.1.0 in favour of {@link #getDeadline()}, the {@code cerebras.timeout.deadline}
		 * property
		 */
		@Deprecated(since = "0.1.0", forRemoval = true)
		@DeprecatedConfigurationProperty(replacement = "cerebras.timeout.deadline",
				reason = "Named after the deadline(..) request option that it sets", since = "0.1.0")
		public @Nullable Duration getOverall() {
			return getDeadline();
		}

		/**
		 * Sets the deadline, unless {@link #setDeadline(Duration)} did: when both properties are set, the new name
		 * wins.
		 * @param overall the deadline, or {@code null} for none
		 * @deprecated since 0.1.0 in favour of {@link #setDeadline(Duration)}, the {@code cerebras.timeout.deadline}
		 * property
		 */
		@Deprecated(since = "0.1.0", forRemoval = true)
		public void setOverall(@Nullable Duration overall) {
			if (!"timeout.deadline".equals(this.deadlineProperty)) {
				setDeadline(overall);
				this.deadlineProperty = "timeout.overall";
			}
		}

		/**
		 * Returns the name, under {@code cerebras.}, of the property the deadline was set from: the deprecated alias
		 * when that was used, so that a start-up failure names what the user wrote.
		 */
		String deadlineProperty() {
			return (this.deadlineProperty != null) ? this.deadlineProperty : "timeout.deadline";
		}

		public Duration getNonStreamingDeadline() {
			return this.nonStreamingDeadline;
		}

		public void setNonStreamingDeadline(Duration nonStreamingDeadline) {
			this.nonStreamingDeadline = nonStreamingDeadline;
		}

	}

	/**
	 * Retries of failed calls: connection failures, timeouts, 408, 409, 429 and 5xx.
	 */
	public static class Retry {

		/**
		 * Most retries of a failed call; 0 turns retries off.
		 */
		private int maxRetries = CerebrasRetryPolicy.DEFAULT_MAX_RETRIES;

		/**
		 * Wait before the first retry; each next wait is multiplied by the multiplier.
		 */
		private Duration initialDelay = CerebrasRetryPolicy.DEFAULT_INITIAL_DELAY;

		/**
		 * Longest wait between two attempts.
		 */
		private Duration maxDelay = CerebrasRetryPolicy.DEFAULT_MAX_DELAY;

		/**
		 * Factor between two successive waits.
		 */
		private double multiplier = CerebrasRetryPolicy.DEFAULT_MULTIPLIER;

		/**
		 * Largest fraction (0 to 1) by which a wait is randomly shortened.
		 */
		private double jitter = CerebrasRetryPolicy.DEFAULT_JITTER;

		/**
		 * Longest server Retry-After hint honoured; a longer one falls back to the backoff.
		 */
		private Duration maxRetryAfter = CerebrasRetryPolicy.DEFAULT_MAX_RETRY_AFTER;

		public int getMaxRetries() {
			return this.maxRetries;
		}

		public void setMaxRetries(int maxRetries) {
			this.maxRetries = maxRetries;
		}

		public Duration getInitialDelay() {
			return this.initialDelay;
		}

		public void setInitialDelay(Duration initialDelay) {
			this.initialDelay = initialDelay;
		}

		public Duration getMaxDelay() {
			return this.maxDelay;
		}

		public void setMaxDelay(Duration maxDelay) {
			this.maxDelay = maxDelay;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public double getJitter() {
			return this.jitter;
		}

		public void setJitter(double jitter) {
			this.jitter = jitter;
		}

		public Duration getMaxRetryAfter() {
			return this.maxRetryAfter;
		}

		public void setMaxRetryAfter(Duration maxRetryAfter) {
			this.maxRetryAfter = maxRetryAfter;
		}

	}

	/**
	 * The client's connection pool.
	 */
	public static class Pool {

		/**
		 * Most pooled connections.
		 */
		private int maxConnections = CerebrasClientBuilder.DEFAULT_MAX_CONNECTIONS;

		/**
		 * Longest wait for a free connection when all are busy.
		 */
		private Duration pendingAcquireTimeout = CerebrasClientBuilder.DEFAULT_PENDING_ACQUIRE_TIMEOUT;

		/**
		 * Idle time after which a pooled connection is closed.
		 */
		private Duration maxIdleTime = CerebrasClientBuilder.DEFAULT_MAX_IDLE_TIME;

		public int getMaxConnections() {
			return this.maxConnections;
		}

		public void setMaxConnections(int maxConnections) {
			this.maxConnections = maxConnections;
		}

		public Duration getPendingAcquireTimeout() {
			return this.pendingAcquireTimeout;
		}

		public void setPendingAcquireTimeout(Duration pendingAcquireTimeout) {
			this.pendingAcquireTimeout = pendingAcquireTimeout;
		}

		public Duration getMaxIdleTime() {
			return this.maxIdleTime;
		}

		public void setMaxIdleTime(Duration maxIdleTime) {
			this.maxIdleTime = maxIdleTime;
		}

	}

	/**
	 * Connection warm-up once the application is ready.
	 */
	public static class WarmUp {

		/**
		 * Whether to open connections with GET /v1/tcp_warming once the application is ready, in the background.
		 */
		private boolean enabled = true;

		/**
		 * How many connections the warm-up opens.
		 */
		private int connections = CerebrasClientBuilder.DEFAULT_WARM_UP_CONNECTIONS;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getConnections() {
			return this.connections;
		}

		public void setConnections(int connections) {
			this.connections = connections;
		}

	}

	/**
	 * The actuator health check, which calls GET /v1/tcp_warming.
	 */
	public static class Health {

		/**
		 * Whether to contribute the cerebras health indicator.
		 */
		private boolean enabled = true;

		/**
		 * How long a health result is reused, so that probes never hammer the API.
		 */
		private Duration cacheTtl = Duration.ofSeconds(30);

		/**
		 * Longest wait for the health check's request.
		 */
		private Duration timeout = Duration.ofSeconds(2);

		/**
		 * Whether the cerebras indicator counts in the root health status; when false it shows only in the health
		 * groups that include it (management.endpoint.health.group.<name>.include=cerebras).
		 */
		private boolean includeInRoot = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getCacheTtl() {
			return this.cacheTtl;
		}

		public void setCacheTtl(Duration cacheTtl) {
			this.cacheTtl = cacheTtl;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public boolean isIncludeInRoot() {
			return this.includeInRoot;
		}

		public void setIncludeInRoot(boolean includeInRoot) {
			this.includeInRoot = includeInRoot;
		}

	}

	/**
	 * Metrics of the client's calls.
	 */
	public static class Metrics {

		/**
		 * Whether to record the client's metrics when Micrometer is present.
		 */
		private boolean enabled = true;

		/**
		 * Whether to publish percentile histograms of call duration and time to first token.
		 */
		private boolean percentilesHistogram = true;

		/**
		 * Percentiles of call duration and time to first token computed in the application, for example 0.5, 0.95.
		 */
		private double[] percentiles = new double[0];

		/**
		 * Histogram buckets (service level objectives) of call duration and time to first token; the defaults
		 * resolve Cerebras' sub-second latencies.
		 */
		private Duration[] buckets = { Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
				Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofMillis(500),
				Duration.ofMillis(750), Duration.ofSeconds(1), Duration.ofMillis(1500), Duration.ofSeconds(2),
				Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30) };

		/**
		 * Most distinct values of the gen_ai.request.model tag on the client's meters; calls with further models are
		 * tagged 'other'. Bounds the meters that models named by callers create.
		 */
		private int maxModelTags = 100;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public boolean isPercentilesHistogram() {
			return this.percentilesHistogram;
		}

		public void setPercentilesHistogram(boolean percentilesHistogram) {
			this.percentilesHistogram = percentilesHistogram;
		}

		public double[] getPercentiles() {
			return this.percentiles;
		}

		public void setPercentiles(double[] percentiles) {
			this.percentiles = percentiles;
		}

		public Duration[] getBuckets() {
			return this.buckets;
		}

		public void setBuckets(Duration[] buckets) {
			this.buckets = buckets;
		}

		public int getMaxModelTags() {
			return this.maxModelTags;
		}

		public void setMaxModelTags(int maxModelTags) {
			this.maxModelTags = maxModelTags;
		}

	}


	/**
	 * Client-side throttling of generations on the API's rate-limit budgets.
	 */
	public static class Throttle {

		/**
		 * Whether calls take their estimated cost from their model's budget before they are sent, and wait for it
		 * when it is short.
		 */
		private boolean enabled;

		/**
		 * Where the budgets are kept: this instance's memory, or Redis to share them across a fleet.
		 */
		private Store store = Store.LOCAL;

		/**
		 * Longest a call waits for its budget; a call whose budget resets later fails at once with a
		 * RateLimitException, without being sent.
		 */
		private Duration maxWait = Duration.ofSeconds(30);

		/**
		 * Completion tokens reserved for a call that sets no max_completion_tokens (or max_tokens).
		 */
		private long defaultCompletionTokens = 1024;

		/**
		 * Budgets known before the API reports any, for every model; the API's rate-limit headers then set them.
		 */
		private final ThrottleLimits limits = new ThrottleLimits();

		/**
		 * The budgets in Redis, with cerebras.throttle.store=redis.
		 */
		private final Redis redis = new Redis();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Store getStore() {
			return this.store;
		}

		public void setStore(Store store) {
			this.store = store;
		}

		public Duration getMaxWait() {
			return this.maxWait;
		}

		public void setMaxWait(Duration maxWait) {
			this.maxWait = maxWait;
		}

		public long getDefaultCompletionTokens() {
			return this.defaultCompletionTokens;
		}

		public void setDefaultCompletionTokens(long defaultCompletionTokens) {
			this.defaultCompletionTokens = defaultCompletionTokens;
		}

		public ThrottleLimits getLimits() {
			return this.limits;
		}

		public Redis getRedis() {
			return this.redis;
		}

		/**
		 * Where the throttle's budgets are kept.
		 */
		public enum Store {

			/** In this instance's memory. */
			LOCAL,

			/** In Redis, shared by every instance that uses the same Redis. */
			REDIS

		}

		/**
		 * The throttle's budgets in Redis, shared by the instances that use the same Redis and key prefix; Spring
		 * Boot's {@code spring.data.redis.*} properties say where Redis is.
		 */
		public static class Redis {

			/**
			 * Prefix of the budgets' keys; instances with the same Redis and prefix share their budgets.
			 */
			private String keyPrefix = "cerebras:throttle:";

			/**
			 * Longest wait for Redis, after which a call's budget is taken from this instance's own budget instead.
			 */
			private Duration timeout = Duration.ofMillis(200);

			/**
			 * How long the budgets are this instance's own after Redis failed, before Redis is asked again.
			 */
			private Duration retryInterval = Duration.ofSeconds(5);

			public String getKeyPrefix() {
				return this.keyPrefix;
			}

			public void setKeyPrefix(String keyPrefix) {
				this.keyPrefix = keyPrefix;
			}

			public Duration getTimeout() {
				return this.timeout;
			}

			public void setTimeout(Duration timeout) {
				this.timeout = timeout;
			}

			public Duration getRetryInterval() {
				return this.retryInterval;
			}

			public void setRetryInterval(Duration retryInterval) {
				this.retryInterval = retryInterval;
			}

		}

	}

	/**
	 * Budgets known before the API reports any; unset ones are learnt from the API's headers.
	 */
	public static class ThrottleLimits {

		/**
		 * Requests allowed per minute.
		 */
		private @Nullable Long requestsPerMinute;

		/**
		 * Requests allowed per hour.
		 */
		private @Nullable Long requestsPerHour;

		/**
		 * Requests allowed per day.
		 */
		private @Nullable Long requestsPerDay;

		/**
		 * Tokens allowed per minute.
		 */
		private @Nullable Long tokensPerMinute;

		/**
		 * Tokens allowed per hour.
		 */
		private @Nullable Long tokensPerHour;

		/**
		 * Tokens allowed per day.
		 */
		private @Nullable Long tokensPerDay;

		public @Nullable Long getRequestsPerMinute() {
			return this.requestsPerMinute;
		}

		public void setRequestsPerMinute(@Nullable Long requestsPerMinute) {
			this.requestsPerMinute = requestsPerMinute;
		}

		public @Nullable Long getRequestsPerHour() {
			return this.requestsPerHour;
		}

		public void setRequestsPerHour(@Nullable Long requestsPerHour) {
			this.requestsPerHour = requestsPerHour;
		}

		public @Nullable Long getRequestsPerDay() {
			return this.requestsPerDay;
		}

		public void setRequestsPerDay(@Nullable Long requestsPerDay) {
			this.requestsPerDay = requestsPerDay;
		}

		public @Nullable Long getTokensPerMinute() {
			return this.tokensPerMinute;
		}

		public void setTokensPerMinute(@Nullable Long tokensPerMinute) {
			this.tokensPerMinute = tokensPerMinute;
		}

		public @Nullable Long getTokensPerHour() {
			return this.tokensPerHour;
		}

		public void setTokensPerHour(@Nullable Long tokensPerHour) {
			this.tokensPerHour = tokensPerHour;
		}

		public @Nullable Long getTokensPerDay() {
			return this.tokensPerDay;
		}

		public void setTokensPerDay(@Nullable Long tokensPerDay) {
			this.tokensPerDay = tokensPerDay;
		}

		/**
		 * Returns the limits that are set, as the client takes them.
		 * @return the limits
		 */
		public BudgetLimits toBudgetLimits() {
			BudgetLimits limits = BudgetLimits.NONE;
			limits = (this.requestsPerMinute != null) ? limits.withRequests(Window.MINUTE, this.requestsPerMinute) : limits;
			limits = (this.requestsPerHour != null) ? limits.withRequests(Window.HOUR, this.requestsPerHour) : limits;
			limits = (this.requestsPerDay != null) ? limits.withRequests(Window.DAY, this.requestsPerDay) : limits;
			limits = (this.tokensPerMinute != null) ? limits.withTokens(Window.MINUTE, this.tokensPerMinute) : limits;
			limits = (this.tokensPerHour != null) ? limits.withTokens(Window.HOUR, this.tokensPerHour) : limits;
			return (this.tokensPerDay != null) ? limits.withTokens(Window.DAY, this.tokensPerDay) : limits;
		}

	}

}
