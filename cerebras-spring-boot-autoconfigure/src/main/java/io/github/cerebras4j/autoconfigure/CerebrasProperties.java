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

	private final Proxy proxy = new Proxy();

	private final Ssl ssl = new Ssl();

	/**
	 * Creates the properties, each with its default, for Spring Boot to bind {@code cerebras.*} to.
	 */
	public CerebrasProperties() {
	}

	/**
	 * Returns {@code cerebras.enabled}: whether to auto-configure the Cerebras client.
	 * @return {@code false} to back off and create no client
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Sets {@code cerebras.enabled}: whether to auto-configure the Cerebras client.
	 * @param enabled {@code false} to back off and create no client
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * Returns {@code cerebras.api-key}: the API key, sent as a bearer token.
	 * @return the API key, or {@code null} when none is set
	 */
	public @Nullable String getApiKey() {
		return this.apiKey;
	}

	/**
	 * Sets {@code cerebras.api-key}: the API key, sent as a bearer token.
	 * @param apiKey the API key, or {@code null} when none is set
	 */
	public void setApiKey(@Nullable String apiKey) {
		this.apiKey = apiKey;
	}

	/**
	 * Returns {@code cerebras.base-url}: the base URL of the API.
	 * @return the base URL; a path prefix is kept
	 */
	public String getBaseUrl() {
		return this.baseUrl;
	}

	/**
	 * Sets {@code cerebras.base-url}: the base URL of the API.
	 * @param baseUrl the base URL; a path prefix is kept
	 */
	public void setBaseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/**
	 * Returns {@code cerebras.default-headers}: the headers sent on every request, after the client's own.
	 * @return the headers by name, never {@code Authorization}
	 */
	public Map<String, String> getDefaultHeaders() {
		return this.defaultHeaders;
	}

	/**
	 * Sets {@code cerebras.default-headers}: the headers sent on every request, after the client's own.
	 * @param defaultHeaders the headers by name, never {@code Authorization}
	 */
	public void setDefaultHeaders(Map<String, String> defaultHeaders) {
		this.defaultHeaders = defaultHeaders;
	}

	/**
	 * Returns the timeouts, {@code cerebras.timeout.*}.
	 * @return the nested properties
	 */
	public Timeout getTimeout() {
		return this.timeout;
	}

	/**
	 * Returns the retries of failed calls, {@code cerebras.retry.*}.
	 * @return the nested properties
	 */
	public Retry getRetry() {
		return this.retry;
	}

	/**
	 * Returns the connection pool, {@code cerebras.pool.*}.
	 * @return the nested properties
	 */
	public Pool getPool() {
		return this.pool;
	}

	/**
	 * Returns the connection warm-up, {@code cerebras.warm-up.*}.
	 * @return the nested properties
	 */
	public WarmUp getWarmUp() {
		return this.warmUp;
	}

	/**
	 * Returns the actuator health check, {@code cerebras.health.*}.
	 * @return the nested properties
	 */
	public Health getHealth() {
		return this.health;
	}

	/**
	 * Returns the metrics of the client's calls, {@code cerebras.metrics.*}.
	 * @return the nested properties
	 */
	public Metrics getMetrics() {
		return this.metrics;
	}

	/**
	 * Returns the limits on what a server can make the client hold, {@code cerebras.limits.*}.
	 * @return the nested properties
	 */
	public Limits getLimits() {
		return this.limits;
	}

	/**
	 * Returns the {@code cerebras.throttle.*} properties.
	 * @return the properties
	 */
	public Throttle getThrottle() {
		return this.throttle;
	}

	/**
	 * Returns the {@code cerebras.proxy.*} properties.
	 * @return the properties
	 */
	public Proxy getProxy() {
		return this.proxy;
	}

	/**
	 * Returns the {@code cerebras.ssl.*} properties.
	 * @return the properties
	 */
	public Ssl getSsl() {
		return this.ssl;
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
		validateProxy(properties.getProxy(), errors);
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

	private static void validateProxy(Proxy proxy, Errors errors) {
		if (proxy.getHost() == null) {
			if (proxy.getPort() != null || proxy.getUsername() != null || proxy.getPassword() != null
					|| proxy.getNonProxyHosts() != null) {
				errors.rejectValue("proxy.host", "required",
						"cerebras.proxy.host must be set when another cerebras.proxy.* property is");
			}
			return;
		}
		check("proxy.host", (name) -> SettingChecks.proxyHost(name, proxy.getHost()), errors);
		Integer port = proxy.getPort();
		if (port == null) {
			errors.rejectValue("proxy.port", "required", "cerebras.proxy.port must be set when cerebras.proxy.host is");
		}
		else {
			check("proxy.port", (name) -> SettingChecks.port(name, port), errors);
		}
		try {
			SettingChecks.proxyCredentials("cerebras.proxy.username", proxy.getUsername(), "cerebras.proxy.password",
					proxy.getPassword());
		}
		catch (IllegalArgumentException ex) {
			// an error of the object, not of a field: a field error of the password would show it
			errors.reject("invalid", ex.getMessage());
		}
		check("proxy.non-proxy-hosts", (name) -> SettingChecks.nonProxyHosts(name, proxy.getNonProxyHosts()), errors);
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
	 * An HTTP proxy that every connection goes through, as a CONNECT tunnel; none by default.
	 */
	public static class Proxy {

		/**
		 * Creates the proxy settings, each with its default.
		 */
		public Proxy() {
		}

		/**
		 * Host name or IP address of the HTTP proxy to connect through. Connections are direct when not set.
		 */
		private @Nullable String host;

		/**
		 * Port of the HTTP proxy; required with the host.
		 */
		private @Nullable Integer port;

		/**
		 * Username sent to the proxy (Basic authentication); needs the password.
		 */
		private @Nullable String username;

		/**
		 * Password sent to the proxy with the username. Masked in actuator endpoints.
		 */
		private @Nullable String password;

		/**
		 * Hosts reached without the proxy: a Java regular expression matched, ignoring case, against the whole host
		 * name of the base URL, such as 'localhost|.*\.internal\.example\.com'.
		 */
		private @Nullable String nonProxyHosts;

		/**
		 * Returns {@code cerebras.proxy.host}: host name or IP address of the HTTP proxy to connect through.
		 * Connections are direct when not set.
		 * @return the value, {@code null} when not set
		 */
		public @Nullable String getHost() {
			return this.host;
		}

		/**
		 * Sets {@code cerebras.proxy.host}.
		 * @param host the value
		 */
		public void setHost(@Nullable String host) {
			this.host = host;
		}

		/**
		 * Returns {@code cerebras.proxy.port}: port of the HTTP proxy; required with the host.
		 * @return the value, {@code null} when not set
		 */
		public @Nullable Integer getPort() {
			return this.port;
		}

		/**
		 * Sets {@code cerebras.proxy.port}.
		 * @param port the value
		 */
		public void setPort(@Nullable Integer port) {
			this.port = port;
		}

		/**
		 * Returns {@code cerebras.proxy.username}: username sent to the proxy (Basic authentication); needs the
		 * password.
		 * @return the value, {@code null} when not set
		 */
		public @Nullable String getUsername() {
			return this.username;
		}

		/**
		 * Sets {@code cerebras.proxy.username}.
		 * @param username the value
		 */
		public void setUsername(@Nullable String username) {
			this.username = username;
		}

		/**
		 * Returns {@code cerebras.proxy.password}: password sent to the proxy with the username. Masked in actuator
		 * endpoints.
		 * @return the value, {@code null} when not set
		 */
		public @Nullable String getPassword() {
			return this.password;
		}

		/**
		 * Sets {@code cerebras.proxy.password}.
		 * @param password the value
		 */
		public void setPassword(@Nullable String password) {
			this.password = password;
		}

		/**
		 * Returns {@code cerebras.proxy.non-proxy-hosts}: hosts reached without the proxy: a Java regular expression
		 * matched, ignoring case, against the whole host name of the base URL, such as
		 * 'localhost|.*\.internal\.example\.com'.
		 * @return the value, {@code null} when not set
		 */
		public @Nullable String getNonProxyHosts() {
			return this.nonProxyHosts;
		}

		/**
		 * Sets {@code cerebras.proxy.non-proxy-hosts}.
		 * @param nonProxyHosts the value
		 */
		public void setNonProxyHosts(@Nullable String nonProxyHosts) {
			this.nonProxyHosts = nonProxyHosts;
		}

		@Override
		public String toString() {
			return "Proxy[host=" + this.host + ", port=" + this.port + ", username=" + this.username + ", password="
					+ ((this.password != null) ? "[set]" : "[unset]") + ", nonProxyHosts=" + this.nonProxyHosts + "]";
		}

	}

	/**
	 * TLS of the client's connections.
	 */
	public static class Ssl {

		/**
		 * Creates the TLS settings, each with its default.
		 */
		public Ssl() {
		}

		/**
		 * Name of the SSL bundle (spring.ssl.bundle.*) whose trust material, key, protocols and cipher suites the
		 * client's connections use. The JDK's defaults when not set.
		 */
		private @Nullable String bundle;

		/**
		 * Returns {@code cerebras.ssl.bundle}: name of the SSL bundle (spring.ssl.bundle.*) whose trust material, key,
		 * protocols and cipher suites the client's connections use. The JDK's defaults when not set.
		 * @return the value, {@code null} when not set
		 */
		public @Nullable String getBundle() {
			return this.bundle;
		}

		/**
		 * Sets {@code cerebras.ssl.bundle}.
		 * @param bundle the value
		 */
		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
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
		 * Most characters of a stream's text kept to report with the exception of a stream that fails after some
		 * chunks.
		 */
		private int maxPartialText = CerebrasClientBuilder.DEFAULT_MAX_PARTIAL_TEXT;

		/**
		 * Creates the limits with their defaults.
		 */
		public Limits() {
		}

		/**
		 * Returns {@code cerebras.limits.max-event-size}: the longest line, and most data of one event, a stream may
		 * send.
		 * @return the largest event
		 */
		public DataSize getMaxEventSize() {
			return this.maxEventSize;
		}

		/**
		 * Sets {@code cerebras.limits.max-event-size}: the longest line, and most data of one event, a stream may send.
		 * @param maxEventSize the largest event
		 */
		public void setMaxEventSize(DataSize maxEventSize) {
			this.maxEventSize = maxEventSize;
		}

		/**
		 * Returns {@code cerebras.limits.max-partial-text}: the most characters of a stream's text kept for the
		 * exception of a stream that fails after some chunks.
		 * @return the most characters kept, {@code 0} for none
		 */
		public int getMaxPartialText() {
			return this.maxPartialText;
		}

		/**
		 * Sets {@code cerebras.limits.max-partial-text}: the most characters of a stream's text kept for the exception
		 * of a stream that fails after some chunks.
		 * @param maxPartialText the most characters kept, {@code 0} for none
		 */
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

		/**
		 * Creates the timeouts with their defaults.
		 */
		public Timeout() {
		}

		/**
		 * Returns {@code cerebras.timeout.connect}: the longest wait to open a connection.
		 * @return the connect timeout
		 */
		public Duration getConnect() {
			return this.connect;
		}

		/**
		 * Sets {@code cerebras.timeout.connect}: the longest wait to open a connection.
		 * @param connect the connect timeout
		 */
		public void setConnect(Duration connect) {
			this.connect = connect;
		}

		/**
		 * Returns {@code cerebras.timeout.response}: the longest wait for a response without receiving any data.
		 * @return the response timeout
		 */
		public Duration getResponse() {
			return this.response;
		}

		/**
		 * Sets {@code cerebras.timeout.response}: the longest wait for a response without receiving any data.
		 * @param response the response timeout
		 */
		public void setResponse(Duration response) {
			this.response = response;
		}

		/**
		 * Returns {@code cerebras.timeout.stream-idle}: the longest silence inside a stream, before its first data and
		 * between two chunks.
		 * @return the stream idle timeout
		 */
		public Duration getStreamIdle() {
			return this.streamIdle;
		}

		/**
		 * Sets {@code cerebras.timeout.stream-idle}: the longest silence inside a stream, before its first data and
		 * between two chunks.
		 * @param streamIdle the stream idle timeout
		 */
		public void setStreamIdle(Duration streamIdle) {
			this.streamIdle = streamIdle;
		}

		/**
		 * Returns {@code cerebras.timeout.deadline}: the longest a whole call may take, retries and the whole stream
		 * included.
		 * @return the deadline, or {@code null} for none
		 */
		public @Nullable Duration getDeadline() {
			return this.deadline;
		}

		/**
		 * Sets {@code cerebras.timeout.deadline}: the longest a whole call may take, retries and the whole stream
		 * included.
		 * @param deadline the deadline, or {@code null} for none
		 */
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
		/**
		 * Returns {@code cerebras.timeout.overall}: .
		 * @return the value, {@code null} when not set
		 */
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

		/**
		 * Returns {@code cerebras.timeout.non-streaming-deadline}: the longest a whole call that is not a stream may
		 * take, retries included, unless the deadline is set.
		 * @return the deadline of calls that are not streams
		 */
		public Duration getNonStreamingDeadline() {
			return this.nonStreamingDeadline;
		}

		/**
		 * Sets {@code cerebras.timeout.non-streaming-deadline}: the longest a whole call that is not a stream may take,
		 * retries included, unless the deadline is set.
		 * @param nonStreamingDeadline the deadline of calls that are not streams
		 */
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

		/**
		 * Creates the retry settings with their defaults.
		 */
		public Retry() {
		}

		/**
		 * Returns {@code cerebras.retry.max-retries}: the most retries of a failed call.
		 * @return the most retries, {@code 0} for none
		 */
		public int getMaxRetries() {
			return this.maxRetries;
		}

		/**
		 * Sets {@code cerebras.retry.max-retries}: the most retries of a failed call.
		 * @param maxRetries the most retries, {@code 0} for none
		 */
		public void setMaxRetries(int maxRetries) {
			this.maxRetries = maxRetries;
		}

		/**
		 * Returns {@code cerebras.retry.initial-delay}: the wait before the first retry.
		 * @return the first wait
		 */
		public Duration getInitialDelay() {
			return this.initialDelay;
		}

		/**
		 * Sets {@code cerebras.retry.initial-delay}: the wait before the first retry.
		 * @param initialDelay the first wait
		 */
		public void setInitialDelay(Duration initialDelay) {
			this.initialDelay = initialDelay;
		}

		/**
		 * Returns {@code cerebras.retry.max-delay}: the longest wait between two attempts.
		 * @return the longest wait
		 */
		public Duration getMaxDelay() {
			return this.maxDelay;
		}

		/**
		 * Sets {@code cerebras.retry.max-delay}: the longest wait between two attempts.
		 * @param maxDelay the longest wait
		 */
		public void setMaxDelay(Duration maxDelay) {
			this.maxDelay = maxDelay;
		}

		/**
		 * Returns {@code cerebras.retry.multiplier}: the factor between two successive waits.
		 * @return the factor, at least 1
		 */
		public double getMultiplier() {
			return this.multiplier;
		}

		/**
		 * Sets {@code cerebras.retry.multiplier}: the factor between two successive waits.
		 * @param multiplier the factor, at least 1
		 */
		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		/**
		 * Returns {@code cerebras.retry.jitter}: the largest fraction by which a wait is randomly shortened.
		 * @return the fraction, from 0 to 1
		 */
		public double getJitter() {
			return this.jitter;
		}

		/**
		 * Sets {@code cerebras.retry.jitter}: the largest fraction by which a wait is randomly shortened.
		 * @param jitter the fraction, from 0 to 1
		 */
		public void setJitter(double jitter) {
			this.jitter = jitter;
		}

		/**
		 * Returns {@code cerebras.retry.max-retry-after}: the longest server Retry-After hint honoured.
		 * @return the longest hint honoured; a longer one falls back to the backoff
		 */
		public Duration getMaxRetryAfter() {
			return this.maxRetryAfter;
		}

		/**
		 * Sets {@code cerebras.retry.max-retry-after}: the longest server Retry-After hint honoured.
		 * @param maxRetryAfter the longest hint honoured; a longer one falls back to the backoff
		 */
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

		/**
		 * Creates the pool settings with their defaults.
		 */
		public Pool() {
		}

		/**
		 * Returns {@code cerebras.pool.max-connections}: the most pooled connections.
		 * @return the most connections
		 */
		public int getMaxConnections() {
			return this.maxConnections;
		}

		/**
		 * Sets {@code cerebras.pool.max-connections}: the most pooled connections.
		 * @param maxConnections the most connections
		 */
		public void setMaxConnections(int maxConnections) {
			this.maxConnections = maxConnections;
		}

		/**
		 * Returns {@code cerebras.pool.pending-acquire-timeout}: the longest wait for a free connection when all are
		 * busy.
		 * @return the longest wait for a connection
		 */
		public Duration getPendingAcquireTimeout() {
			return this.pendingAcquireTimeout;
		}

		/**
		 * Sets {@code cerebras.pool.pending-acquire-timeout}: the longest wait for a free connection when all are busy.
		 * @param pendingAcquireTimeout the longest wait for a connection
		 */
		public void setPendingAcquireTimeout(Duration pendingAcquireTimeout) {
			this.pendingAcquireTimeout = pendingAcquireTimeout;
		}

		/**
		 * Returns {@code cerebras.pool.max-idle-time}: the idle time after which a pooled connection is closed.
		 * @return the longest idle time
		 */
		public Duration getMaxIdleTime() {
			return this.maxIdleTime;
		}

		/**
		 * Sets {@code cerebras.pool.max-idle-time}: the idle time after which a pooled connection is closed.
		 * @param maxIdleTime the longest idle time
		 */
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

		/**
		 * Creates the warm-up settings with their defaults.
		 */
		public WarmUp() {
		}

		/**
		 * Returns {@code cerebras.warm-up.enabled}: whether to open connections once the application is ready.
		 * @return {@code false} to skip the warm-up
		 */
		public boolean isEnabled() {
			return this.enabled;
		}

		/**
		 * Sets {@code cerebras.warm-up.enabled}: whether to open connections once the application is ready.
		 * @param enabled {@code false} to skip the warm-up
		 */
		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		/**
		 * Returns {@code cerebras.warm-up.connections}: how many connections the warm-up opens.
		 * @return the number of connections
		 */
		public int getConnections() {
			return this.connections;
		}

		/**
		 * Sets {@code cerebras.warm-up.connections}: how many connections the warm-up opens.
		 * @param connections the number of connections
		 */
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
		 * groups that include it (management.endpoint.health.group.{name}.include=cerebras).
		 */
		private boolean includeInRoot = true;

		/**
		 * Creates the health check settings with their defaults.
		 */
		public Health() {
		}

		/**
		 * Returns {@code cerebras.health.enabled}: whether to contribute the {@code cerebras} health indicator.
		 * @return {@code false} to contribute none
		 */
		public boolean isEnabled() {
			return this.enabled;
		}

		/**
		 * Sets {@code cerebras.health.enabled}: whether to contribute the {@code cerebras} health indicator.
		 * @param enabled {@code false} to contribute none
		 */
		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		/**
		 * Returns {@code cerebras.health.cache-ttl}: how long a health result is reused.
		 * @return how long a result is reused, {@code 0} for never
		 */
		public Duration getCacheTtl() {
			return this.cacheTtl;
		}

		/**
		 * Sets {@code cerebras.health.cache-ttl}: how long a health result is reused.
		 * @param cacheTtl how long a result is reused, {@code 0} for never
		 */
		public void setCacheTtl(Duration cacheTtl) {
			this.cacheTtl = cacheTtl;
		}

		/**
		 * Returns {@code cerebras.health.timeout}: the longest wait for the health check's request.
		 * @return the health check's timeout
		 */
		public Duration getTimeout() {
			return this.timeout;
		}

		/**
		 * Sets {@code cerebras.health.timeout}: the longest wait for the health check's request.
		 * @param timeout the health check's timeout
		 */
		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		/**
		 * Returns {@code cerebras.health.include-in-root}: whether the cerebras indicator counts in the root health
		 * status; when false it shows only in the health groups that include it
		 * (management.endpoint.health.group.{name}.include=cerebras).
		 * @return the value
		 */
		public boolean isIncludeInRoot() {
			return this.includeInRoot;
		}

		/**
		 * Sets {@code cerebras.health.include-in-root}.
		 * @param includeInRoot the value
		 */
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

		/**
		 * Creates the metrics settings with their defaults.
		 */
		public Metrics() {
		}

		/**
		 * Returns {@code cerebras.metrics.enabled}: whether to record the client's metrics when Micrometer is present.
		 * @return {@code false} to record none
		 */
		public boolean isEnabled() {
			return this.enabled;
		}

		/**
		 * Sets {@code cerebras.metrics.enabled}: whether to record the client's metrics when Micrometer is present.
		 * @param enabled {@code false} to record none
		 */
		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		/**
		 * Returns {@code cerebras.metrics.percentiles-histogram}: whether to publish percentile histograms of call
		 * duration and time to first token.
		 * @return {@code true} to publish them
		 */
		public boolean isPercentilesHistogram() {
			return this.percentilesHistogram;
		}

		/**
		 * Sets {@code cerebras.metrics.percentiles-histogram}: whether to publish percentile histograms of call
		 * duration and time to first token.
		 * @param percentilesHistogram {@code true} to publish them
		 */
		public void setPercentilesHistogram(boolean percentilesHistogram) {
			this.percentilesHistogram = percentilesHistogram;
		}

		/**
		 * Returns {@code cerebras.metrics.percentiles}: the percentiles of call duration and time to first token
		 * computed in the application.
		 * @return the percentiles, each from 0 to 1; empty for none
		 */
		public double[] getPercentiles() {
			return this.percentiles;
		}

		/**
		 * Sets {@code cerebras.metrics.percentiles}: the percentiles of call duration and time to first token computed
		 * in the application.
		 * @param percentiles the percentiles, each from 0 to 1; empty for none
		 */
		public void setPercentiles(double[] percentiles) {
			this.percentiles = percentiles;
		}

		/**
		 * Returns {@code cerebras.metrics.buckets}: the histogram buckets (service level objectives) of call duration
		 * and time to first token.
		 * @return the bucket boundaries
		 */
		public Duration[] getBuckets() {
			return this.buckets;
		}

		/**
		 * Sets {@code cerebras.metrics.buckets}: the histogram buckets (service level objectives) of call duration and
		 * time to first token.
		 * @param buckets the bucket boundaries
		 */
		public void setBuckets(Duration[] buckets) {
			this.buckets = buckets;
		}

		/**
		 * Returns {@code cerebras.metrics.max-model-tags}: the most distinct values of the {@code gen_ai.request.model}
		 * tag.
		 * @return the most values; further models are tagged {@code other}
		 */
		public int getMaxModelTags() {
			return this.maxModelTags;
		}

		/**
		 * Sets {@code cerebras.metrics.max-model-tags}: the most distinct values of the {@code gen_ai.request.model}
		 * tag.
		 * @param maxModelTags the most values; further models are tagged {@code other}
		 */
		public void setMaxModelTags(int maxModelTags) {
			this.maxModelTags = maxModelTags;
		}

	}


	/**
	 * Client-side throttling of generations on the API's rate-limit budgets.
	 */
	public static class Throttle {

		/**
		 * Creates the throttle settings, each with its default.
		 */
		public Throttle() {
		}

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

		/**
		 * Returns {@code cerebras.throttle.enabled}: whether calls take their estimated cost from their model's budget
		 * before they are sent, and wait for it when it is short.
		 * @return the value
		 */
		public boolean isEnabled() {
			return this.enabled;
		}

		/**
		 * Sets {@code cerebras.throttle.enabled}.
		 * @param enabled the value
		 */
		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		/**
		 * Returns {@code cerebras.throttle.store}: where the budgets are kept: this instance's memory, or Redis to
		 * share them across a fleet.
		 * @return the value
		 */
		public Store getStore() {
			return this.store;
		}

		/**
		 * Sets {@code cerebras.throttle.store}.
		 * @param store the value
		 */
		public void setStore(Store store) {
			this.store = store;
		}

		/**
		 * Returns {@code cerebras.throttle.max-wait}: longest a call waits for its budget; a call whose budget resets
		 * later fails at once with a RateLimitException, without being sent.
		 * @return the value
		 */
		public Duration getMaxWait() {
			return this.maxWait;
		}

		/**
		 * Sets {@code cerebras.throttle.max-wait}.
		 * @param maxWait the value
		 */
		public void setMaxWait(Duration maxWait) {
			this.maxWait = maxWait;
		}

		/**
		 * Returns {@code cerebras.throttle.default-completion-tokens}: completion tokens reserved for a call that sets
		 * no max_completion_tokens (or max_tokens).
		 * @return the value
		 */
		public long getDefaultCompletionTokens() {
			return this.defaultCompletionTokens;
		}

		/**
		 * Sets {@code cerebras.throttle.default-completion-tokens}.
		 * @param defaultCompletionTokens the value
		 */
		public void setDefaultCompletionTokens(long defaultCompletionTokens) {
			this.defaultCompletionTokens = defaultCompletionTokens;
		}

		/**
		 * Returns {@code cerebras.throttle.limits}: budgets known before the API reports any, for every model; the
		 * API's rate-limit headers then set them.
		 * @return the value
		 */
		public ThrottleLimits getLimits() {
			return this.limits;
		}

		/**
		 * Returns {@code cerebras.throttle.redis}: the budgets in Redis, with cerebras.throttle.store=redis.
		 * @return the value
		 */
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
			 * Creates the Redis settings of the throttle, each with its default.
			 */
			public Redis() {
			}

			/**
			 * Prefix of the budgets' keys; instances with the same Redis and prefix share their budgets.
			 */
			private String keyPrefix = "cerebras:throttle:";

			/**
			 * Longest wait for Redis, after which a call's budget is taken from this instance's share of it instead.
			 */
			private Duration timeout = Duration.ofMillis(200);

			/**
			 * How long the budgets are this instance's own after Redis failed, before Redis is asked again.
			 */
			private Duration retryInterval = Duration.ofSeconds(5);

			/**
			 * Returns {@code cerebras.throttle.redis.key-prefix}: prefix of the budgets' keys; instances with the same
			 * Redis and prefix share their budgets.
			 * @return the value
			 */
			public String getKeyPrefix() {
				return this.keyPrefix;
			}

			/**
			 * Sets {@code cerebras.throttle.redis.key-prefix}.
			 * @param keyPrefix the value
			 */
			public void setKeyPrefix(String keyPrefix) {
				this.keyPrefix = keyPrefix;
			}

			/**
			 * Returns {@code cerebras.throttle.redis.timeout}: longest wait for Redis, after which a call's budget is
			 * taken from this instance's share of it instead.
			 * @return the value
			 */
			public Duration getTimeout() {
				return this.timeout;
			}

			/**
			 * Sets {@code cerebras.throttle.redis.timeout}.
			 * @param timeout the value
			 */
			public void setTimeout(Duration timeout) {
				this.timeout = timeout;
			}

			/**
			 * Returns {@code cerebras.throttle.redis.retry-interval}: how long the budgets are this instance's own
			 * after Redis failed, before Redis is asked again.
			 * @return the value
			 */
			public Duration getRetryInterval() {
				return this.retryInterval;
			}

			/**
			 * Sets {@code cerebras.throttle.redis.retry-interval}.
			 * @param retryInterval the value
			 */
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
		 * Creates the budgets known in advance, none set, each with its default.
		 */
		public ThrottleLimits() {
		}

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

		/**
		 * Returns {@code cerebras.throttle.limits.requests-per-minute}: requests allowed per minute.
		 * @return the value, {@code null} when not set
		 */
		public @Nullable Long getRequestsPerMinute() {
			return this.requestsPerMinute;
		}

		/**
		 * Sets {@code cerebras.throttle.limits.requests-per-minute}.
		 * @param requestsPerMinute the value
		 */
		public void setRequestsPerMinute(@Nullable Long requestsPerMinute) {
			this.requestsPerMinute = requestsPerMinute;
		}

		/**
		 * Returns {@code cerebras.throttle.limits.requests-per-hour}: requests allowed per hour.
		 * @return the value, {@code null} when not set
		 */
		public @Nullable Long getRequestsPerHour() {
			return this.requestsPerHour;
		}

		/**
		 * Sets {@code cerebras.throttle.limits.requests-per-hour}.
		 * @param requestsPerHour the value
		 */
		public void setRequestsPerHour(@Nullable Long requestsPerHour) {
			this.requestsPerHour = requestsPerHour;
		}

		/**
		 * Returns {@code cerebras.throttle.limits.requests-per-day}: requests allowed per day.
		 * @return the value, {@code null} when not set
		 */
		public @Nullable Long getRequestsPerDay() {
			return this.requestsPerDay;
		}

		/**
		 * Sets {@code cerebras.throttle.limits.requests-per-day}.
		 * @param requestsPerDay the value
		 */
		public void setRequestsPerDay(@Nullable Long requestsPerDay) {
			this.requestsPerDay = requestsPerDay;
		}

		/**
		 * Returns {@code cerebras.throttle.limits.tokens-per-minute}: tokens allowed per minute.
		 * @return the value, {@code null} when not set
		 */
		public @Nullable Long getTokensPerMinute() {
			return this.tokensPerMinute;
		}

		/**
		 * Sets {@code cerebras.throttle.limits.tokens-per-minute}.
		 * @param tokensPerMinute the value
		 */
		public void setTokensPerMinute(@Nullable Long tokensPerMinute) {
			this.tokensPerMinute = tokensPerMinute;
		}

		/**
		 * Returns {@code cerebras.throttle.limits.tokens-per-hour}: tokens allowed per hour.
		 * @return the value, {@code null} when not set
		 */
		public @Nullable Long getTokensPerHour() {
			return this.tokensPerHour;
		}

		/**
		 * Sets {@code cerebras.throttle.limits.tokens-per-hour}.
		 * @param tokensPerHour the value
		 */
		public void setTokensPerHour(@Nullable Long tokensPerHour) {
			this.tokensPerHour = tokensPerHour;
		}

		/**
		 * Returns {@code cerebras.throttle.limits.tokens-per-day}: tokens allowed per day.
		 * @return the value, {@code null} when not set
		 */
		public @Nullable Long getTokensPerDay() {
			return this.tokensPerDay;
		}

		/**
		 * Sets {@code cerebras.throttle.limits.tokens-per-day}.
		 * @param tokensPerDay the value
		 */
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
