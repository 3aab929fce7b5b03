package io.github.cerebras4j.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.HttpHeaders;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration of the Cerebras client, under {@code cerebras.*}. Only {@code cerebras.api-key} is required (the
 * {@code CEREBRAS_API_KEY} environment variable sets it through relaxed binding); every other property has the
 * official SDKs' default. The values are checked when bound, so that a wrong one fails start-up with a message naming
 * the property.
 */
@ConfigurationProperties("cerebras")
public class CerebrasProperties implements Validator {

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
	private String baseUrl = "https://api.cerebras.ai";

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
		validateBaseUrl(properties.getBaseUrl(), errors);
		if (properties.getDefaultHeaders().keySet().stream().anyMatch(HttpHeaders.AUTHORIZATION::equalsIgnoreCase)) {
			errors.rejectValue("default-headers", "invalid",
					"cerebras.default-headers must not set Authorization; set cerebras.api-key instead");
		}
		Timeout timeout = properties.getTimeout();
		positive("timeout.connect", timeout.getConnect(), errors);
		positive("timeout.response", timeout.getResponse(), errors);
		positive("timeout.stream-idle", timeout.getStreamIdle(), errors);
		if (timeout.getOverall() != null) {
			positive("timeout.overall", timeout.getOverall(), errors);
		}
		positive("timeout.non-streaming-deadline", timeout.getNonStreamingDeadline(), errors);
		Limits limits = properties.getLimits();
		DataSize maxEventSize = limits.getMaxEventSize();
		check(maxEventSize != null && maxEventSize.toBytes() > 0 && maxEventSize.toBytes() <= DataSize.ofGigabytes(1).toBytes(),
				"limits.max-event-size", "must be positive and at most 1GB", maxEventSize, errors);
		check(limits.getMaxPartialText() >= 0, "limits.max-partial-text", "must be at least 0",
				limits.getMaxPartialText(), errors);
		Retry retry = properties.getRetry();
		check(retry.getMaxRetries() >= 0, "retry.max-retries", "must be at least 0", retry.getMaxRetries(), errors);
		notNegative("retry.initial-delay", retry.getInitialDelay(), errors);
		notNegative("retry.max-delay", retry.getMaxDelay(), errors);
		if (retry.getInitialDelay() != null && retry.getMaxDelay() != null) {
			check(retry.getMaxDelay().compareTo(retry.getInitialDelay()) >= 0, "retry.max-delay",
					"must not be shorter than cerebras.retry.initial-delay ("
							+ DurationStyle.SIMPLE.print(retry.getInitialDelay()) + ")",
					retry.getMaxDelay(), errors);
		}
		check(retry.getMultiplier() >= 1 && Double.isFinite(retry.getMultiplier()), "retry.multiplier",
				"must be a finite number of at least 1", retry.getMultiplier(), errors);
		check(retry.getJitter() >= 0 && retry.getJitter() <= 1, "retry.jitter", "must be between 0 and 1",
				retry.getJitter(), errors);
		notNegative("retry.max-retry-after", retry.getMaxRetryAfter(), errors);
		Pool pool = properties.getPool();
		check(pool.getMaxConnections() >= 1, "pool.max-connections", "must be at least 1", pool.getMaxConnections(),
				errors);
		positive("pool.pending-acquire-timeout", pool.getPendingAcquireTimeout(), errors);
		positive("pool.max-idle-time", pool.getMaxIdleTime(), errors);
		check(properties.getWarmUp().getConnections() >= 1, "warm-up.connections", "must be at least 1",
				properties.getWarmUp().getConnections(), errors);
		positive("health.timeout", properties.getHealth().getTimeout(), errors);
		notNegative("health.cache-ttl", properties.getHealth().getCacheTtl(), errors);
		for (double percentile : properties.getMetrics().getPercentiles()) {
			check(percentile >= 0 && percentile <= 1, "metrics.percentiles", "must be between 0 and 1", percentile,
					errors);
		}
		for (Duration bucket : properties.getMetrics().getBuckets()) {
			positive("metrics.buckets", bucket, errors);
		}
		check(properties.getMetrics().getMaxModelTags() >= 0, "metrics.max-model-tags", "must be at least 0",
				properties.getMetrics().getMaxModelTags(), errors);
	}

	private static void validateBaseUrl(@Nullable String baseUrl, Errors errors) {
		URI uri = null;
		try {
			uri = (baseUrl != null) ? URI.create(baseUrl.trim()) : null;
		}
		catch (IllegalArgumentException ex) {
			// rejected below
		}
		String scheme = (uri != null && uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		boolean valid = uri != null && (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
				&& uri.getRawUserInfo() == null && uri.getQuery() == null && uri.getFragment() == null;
		String rule = "must be an absolute http or https URL without user information, query or fragment, such as "
				+ "https://api.cerebras.ai";
		if (uri != null && uri.getRawUserInfo() != null) {
			// an error on the object, not the field: a field error would show the rejected value, password included
			errors.reject("invalid", "cerebras.base-url " + rule + ", was " + withoutUserInfo(baseUrl));
			return;
		}
		check(valid, "base-url", rule, withoutUserInfo(baseUrl), errors);
	}

	/** The URL as it may be shown: a user name and password before '@' are masked. */
	private static @Nullable String withoutUserInfo(@Nullable String url) {
		if (url == null) {
			return null;
		}
		int authority = url.indexOf("//");
		int at = url.lastIndexOf('@');
		return (authority >= 0 && at > authority) ? url.substring(0, authority + 2) + "***" + url.substring(at) : url;
	}

	private static void positive(String property, @Nullable Duration value, Errors errors) {
		check(value != null && !value.isNegative() && !value.isZero(), property, "must be a positive duration", value,
				errors);
	}

	private static void notNegative(String property, @Nullable Duration value, Errors errors) {
		check(value != null && !value.isNegative(), property, "must be a duration of at least 0", value, errors);
	}

	private static void check(boolean valid, String property, String rule, @Nullable Object value, Errors errors) {
		if (!valid) {
			Object shown = (value instanceof Duration duration) ? DurationStyle.SIMPLE.print(duration) : value;
			errors.rejectValue(property, "invalid", "cerebras." + property + " " + rule + ", was " + shown);
		}
	}

	/**
	 * Limits on what a server can make the client hold.
	 */
	public static class Limits {

		/**
		 * Longest line, and most data of one event, a stream may send; more fails the stream and closes its connection.
		 */
		private DataSize maxEventSize = DataSize.ofMegabytes(4);

		/**
		 * Most characters of a stream's text kept to report with the exception of a stream that fails after some chunks.
		 */
		private int maxPartialText = 1048576;

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
		private Duration connect = Duration.ofSeconds(5);

		/**
		 * Longest wait for a response, from sending the request, without receiving any data.
		 */
		private Duration response = Duration.ofSeconds(60);

		/**
		 * Longest silence inside a stream: before its first data and between two chunks.
		 */
		private Duration streamIdle = Duration.ofSeconds(60);

		/**
		 * Longest a whole call may take, retries and the whole stream included. None by default.
		 */
		private @Nullable Duration overall;

		/**
		 * Longest a whole call that is not a stream may take, retries included, unless 'overall' is set.
		 */
		private Duration nonStreamingDeadline = Duration.ofMinutes(10);

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

		public @Nullable Duration getOverall() {
			return this.overall;
		}

		public void setOverall(@Nullable Duration overall) {
			this.overall = overall;
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
		private int maxRetries = 2;

		/**
		 * Wait before the first retry; each next wait is multiplied by the multiplier.
		 */
		private Duration initialDelay = Duration.ofMillis(500);

		/**
		 * Longest wait between two attempts.
		 */
		private Duration maxDelay = Duration.ofSeconds(8);

		/**
		 * Factor between two successive waits.
		 */
		private double multiplier = 2.0;

		/**
		 * Largest fraction (0 to 1) by which a wait is randomly shortened.
		 */
		private double jitter = 0.25;

		/**
		 * Longest server Retry-After hint honoured; a longer one falls back to the backoff.
		 */
		private Duration maxRetryAfter = Duration.ofSeconds(60);

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
		private int maxConnections = 100;

		/**
		 * Longest wait for a free connection when all are busy.
		 */
		private Duration pendingAcquireTimeout = Duration.ofSeconds(45);

		/**
		 * Idle time after which a pooled connection is closed.
		 */
		private Duration maxIdleTime = Duration.ofSeconds(30);

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
		private int connections = 1;

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

}
