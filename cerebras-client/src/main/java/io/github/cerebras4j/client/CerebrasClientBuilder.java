package io.github.cerebras4j.client;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import io.github.cerebras4j.client.core.ProxySettings;
import io.github.cerebras4j.client.core.RequestOptions;
import io.github.cerebras4j.client.core.TlsSettings;
import io.github.cerebras4j.client.error.MissingApiKeyException;
import io.github.cerebras4j.client.internal.transport.ConnectionPool;
import io.github.cerebras4j.client.internal.transport.Transport;
import io.github.cerebras4j.client.internal.HeaderChecks;
import io.github.cerebras4j.client.internal.SettingChecks;
import io.github.cerebras4j.client.internal.Version;
import io.github.cerebras4j.client.observation.CerebrasObservationConvention;
import io.github.cerebras4j.client.observation.DefaultCerebrasObservationConvention;
import io.github.cerebras4j.client.retry.CerebrasRetryPolicy;
import io.github.cerebras4j.client.throttle.ThrottleSettings;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.core.SpringVersion;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * Builds a {@link CerebrasTemplate} or a {@link ReactiveCerebrasTemplate}; obtained from their {@code builder()}
 * methods. Only an API key is needed, from {@link #apiKey(String)} or the {@code CEREBRAS_API_KEY} environment
 * variable; everything else has the official SDKs' defaults: base URL {@code https://api.cerebras.ai} (or
 * {@code CEREBRAS_BASE_URL}), 5 s to connect, 60 s for a response, 60 s of silence inside a stream.
 *
 * <p>Requests go through Reactor Netty with a connection pool of this client's own (at most 100 connections),
 * plugged into the {@link WebClient.Builder} you give, so its filters, codecs and observation apply. A proxy, TLS
 * material and anything else of the connections are set here ({@link #proxy(ProxySettings)},
 * {@link #tls(TlsSettings)}, {@link #httpClientCustomizer(UnaryOperator)}), not on that builder's connector, which is
 * replaced.
 *
 * <p>The {@code DEFAULT_*} constants are the defaults of the settings, and the only place they are written: the
 * Spring Boot {@code cerebras.*} properties start from them too (the retry settings' are on
 * {@link CerebrasRetryPolicy}).
 *
 * @param <T> the template type built
 */
public final class CerebrasClientBuilder<T> {

	/** The API's address unless told otherwise. */
	public static final String DEFAULT_BASE_URL = "https://api.cerebras.ai";

	/** The environment variable read when no API key is given. */
	public static final String API_KEY_VARIABLE = "CEREBRAS_API_KEY";

	/** The environment variable read when no base URL is given. */
	public static final String BASE_URL_VARIABLE = "CEREBRAS_BASE_URL";

	/** The longest wait to open a connection unless told otherwise: 5 s. */
	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

	/** The longest wait for a response without receiving any data unless told otherwise: 60 s. */
	public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(60);

	/** The longest silence in a stream unless told otherwise: 60 s. */
	public static final Duration DEFAULT_STREAM_IDLE_TIMEOUT = Duration.ofSeconds(60);

	/** The longest a call that is not a stream may take in all unless told otherwise, as in openai-java: 10 min. */
	public static final Duration DEFAULT_NON_STREAMING_DEADLINE = Duration.ofMinutes(10);

	/** The most pooled connections unless told otherwise. */
	public static final int DEFAULT_MAX_CONNECTIONS = 100;

	/** The longest wait for a free connection of the pool unless told otherwise: 45 s. */
	public static final Duration DEFAULT_PENDING_ACQUIRE_TIMEOUT = Duration.ofSeconds(45);

	/** How long a connection may stay idle in the pool unless told otherwise: 30 s. */
	public static final Duration DEFAULT_MAX_IDLE_TIME = Duration.ofSeconds(30);

	/** How often the pool closes idle connections unless told otherwise: 15 s. */
	public static final Duration DEFAULT_EVICTION_INTERVAL = Duration.ofSeconds(15);

	/** How many connections a warm-up opens unless told otherwise. */
	public static final int DEFAULT_WARM_UP_CONNECTIONS = 1;

	/** The longest line or event of a stream unless told otherwise: far above any real chunk. */
	public static final DataSize DEFAULT_MAX_EVENT_SIZE = DataSize.ofMegabytes(4);

	/** The most characters of a stream's text kept for its failure unless told otherwise. */
	public static final int DEFAULT_MAX_PARTIAL_TEXT = 1024 * 1024;

	private final Function<ReactiveCerebrasTemplate, T> factory;

	private @Nullable String apiKey;

	private @Nullable String baseUrl;

	private Function<String, @Nullable String> environment = System::getenv;

	private WebClient.@Nullable Builder webClientBuilder;

	private @Nullable ConnectionPool connectionPool;

	private final HttpHeaders defaultHeaders = new HttpHeaders();

	private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

	private Duration responseTimeout = DEFAULT_RESPONSE_TIMEOUT;

	private Duration streamIdleTimeout = DEFAULT_STREAM_IDLE_TIMEOUT;

	private Duration nonStreamingDeadline = DEFAULT_NON_STREAMING_DEADLINE;

	private DataSize maxEventSize = DEFAULT_MAX_EVENT_SIZE;

	private int maxPartialText = DEFAULT_MAX_PARTIAL_TEXT;

	private @Nullable ThrottleSettings throttle;

	private @Nullable RetryPolicy retryPolicy;

	private @Nullable Integer maxRetries;

	private @Nullable RetryListener retryListener;

	private int maxConnections = DEFAULT_MAX_CONNECTIONS;

	private Duration pendingAcquireTimeout = DEFAULT_PENDING_ACQUIRE_TIMEOUT;

	private Duration maxIdleTime = DEFAULT_MAX_IDLE_TIME;

	private Duration evictionInterval = DEFAULT_EVICTION_INTERVAL;

	private @Nullable ProxySettings proxy;

	private @Nullable TlsSettings tls;

	private UnaryOperator<HttpClient> httpClientCustomizer = UnaryOperator.identity();

	private boolean warmUp = true;

	private int warmUpConnections = DEFAULT_WARM_UP_CONNECTIONS;

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private RequestOptions defaultOptions = RequestOptions.NONE;

	private @Nullable CerebrasObservationConvention observationConvention;

	CerebrasClientBuilder(Function<ReactiveCerebrasTemplate, T> factory) {
		this.factory = factory;
	}

	/**
	 * Sets the API key, sent as a bearer token. Without it, {@code CEREBRAS_API_KEY} is read.
	 * @param apiKey the key
	 * @return this builder
	 */
	public CerebrasClientBuilder<T> apiKey(String apiKey) {
		Assert.hasText(apiKey, "'apiKey' must not be blank");
		this.apiKey = apiKey.trim();
		return this;
	}

	/**
	 * Sets the API's base URL; a path prefix is kept ({@code http://host/custom/path} then sends to
	 * {@code http://host/custom/path/v1/...}) and a trailing slash ignored. Without it, {@code CEREBRAS_BASE_URL}
	 * is read when set and not blank, else {@value #DEFAULT_BASE_URL} is used.
	 * @param baseUrl an absolute http or https URL, without user information ({@code user:password@}), query or
	 * fragment
	 * @return this builder
	 * @throws IllegalArgumentException if the URL is not such a URL; the message never repeats user information
	 */
	public CerebrasClientBuilder<T> baseUrl(String baseUrl) {
		this.baseUrl = SettingChecks.baseUrl("base URL", baseUrl);
		return this;
	}

	/**
	 * Sets where {@code CEREBRAS_API_KEY} and {@code CEREBRAS_BASE_URL} are looked up; {@code System::getenv} by
	 * default. Useful to read them from Spring's {@code Environment}, or in tests.
	 * @param environment a lookup by variable name that returns {@code null} for an unset variable
	 * @return this builder
	 */
	public CerebrasClientBuilder<T> environment(Function<String, @Nullable String> environment) {
		Assert.notNull(environment, "'environment' must not be null");
		this.environment = environment;
		return this;
	}

	/**
	 * Sets the builder the client's {@link WebClient} is made from, for example Spring Boot's auto-configured one
	 * so that its customizers, codecs, filters and observation apply. It is cloned, never changed; its connector is
	 * replaced by this client's own, so a proxy or TLS set on that connector does not apply: set them with
	 * {@link #proxy(ProxySettings)}, {@link #tls(TlsSettings)} and {@link #httpClientCustomizer(UnaryOperator)}.
	 * @param webClientBuilder the builder
	 * @return this builder
	 */
	public CerebrasClientBuilder<T> webClientBuilder(WebClient.Builder webClientBuilder) {
		Assert.notNull(webClientBuilder, "'webClientBuilder' must not be null");
		this.webClientBuilder = webClientBuilder;
		return this;
	}

	/**
	 * Sets the connection pool to use instead of creating one, for tests that watch the pool; the template does not
	 * dispose of a pool it did not create.
	 * @param connectionPool the pool
	 * @return this builder
	 */
	CerebrasClientBuilder<T> connectionPool(ConnectionPool connectionPool) {
		Assert.notNull(connectionPool, "'connectionPool' must not be null");
		this.connectionPool = connectionPool;
		return this;
	}

	/**
	 * Adds a header sent on every request, after the client's own, so it can replace them (for example
	 * {@code User-Agent}); {@code Authorization} cannot be replaced.
	 * @param name the header name, an RFC 9110 token
	 * @param values the header values, without CR, LF or NUL
	 * @return this builder
	 * @throws IllegalArgumentException if the name is blank, not a token or {@code Authorization}, or a value is
	 * {@code null} or holds CR, LF or NUL
	 */
	public CerebrasClientBuilder<T> defaultHeader(String name, String... values) {
		List<String> checkedValues = HeaderChecks.header(name, values);
		Assert.isTrue(!HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name), "Set the API key with apiKey(..), not as a header");
		this.defaultHeaders.put(name, checkedValues);
		return this;
	}

	/**
	 * Sets the longest wait to open a connection; 5 s ({@link #DEFAULT_CONNECT_TIMEOUT}) by default. The
	 * {@code cerebras.timeout.connect} property.
	 * @param connectTimeout a positive duration
	 * @return this builder
	 */
	public CerebrasClientBuilder<T> connectTimeout(Duration connectTimeout) {
		this.connectTimeout = SettingChecks.positive("connectTimeout", connectTimeout);
		return this;
	}

	/**
	 * Sets the longest wait for a response, counted from sending the request, without receiving any data;
	 * 60 s ({@link #DEFAULT_RESPONSE_TIMEOUT}) by default. A call's options may set another
	 * ({@link RequestOptions.Builder#responseTimeout(Duration)}). The {@code cerebras.timeout.response} property.
	 * @param responseTimeout a positive duration
	 * @return this builder
	 */
	public CerebrasClientBuilder<T> responseTimeout(Duration responseTimeout) {
		this.responseTimeout = SettingChecks.positive("responseTimeout", responseTimeout);
		return this;
	}

	/**
	 * Sets the longest silence in a stream (before its first data and between two chunks); 60 s
	 * ({@link #DEFAULT_STREAM_IDLE_TIMEOUT}) by default. A call's options may set another
	 * ({@link RequestOptions.Builder#streamIdleTimeout(Duration)}). The {@code cerebras.timeout.stream-idle}
	 * property.
	 * @param streamIdleTimeout a positive duration
	 * @return this builder
	 */
	public CerebrasClientBuilder<T> streamIdleTimeout(Duration streamIdleTimeout) {
		this.streamIdleTimeout = SettingChecks.positive("streamIdleTimeout", streamIdleTimeout);
		return this;
	}

	/**
	 * Sets the longest a call that is not a stream may take in all, retries included, unless its options set a
	 * {@linkplain RequestOptions#deadline() deadline}; 10 minutes ({@link #DEFAULT_NON_STREAMING_DEADLINE}) by
	 * default, so that a server that sends a byte now and then cannot hold a thread forever. Streams have no default
	 * deadline: they end when the server stops sending for longer than the
	 * {@link #streamIdleTimeout(Duration) idle timeout}. The {@code cerebras.timeout.non-streaming-deadline}
	 * property.
	 * @param nonStreamingDeadline a positive duration
	 * @return this builder
	 */
	public CerebrasClientBuilder<T> nonStreamingDeadline(Duration nonStreamingDeadline) {
		this.nonStreamingDeadline = SettingChecks.positive("nonStreamingDeadline", nonStreamingDeadline);
		return this;
	}

	/**
	 * Sets the longest line, and the most data of one event, a stream may send; 4MB (4 x 1024 x 1024 bytes,
	 * {@link #DEFAULT_MAX_EVENT_SIZE}) by default, thousands of times a real chunk. A stream that sends more fails
	 * with a {@code CerebrasMalformedResponseException} and its connection is closed, so a server cannot make the
	 * client hold more. The {@code cerebras.limits.max-event-size} property.
	 * @param maxEventSize a positive size of at most 1GB (1024 x 1024 x 1024 bytes)
	 * @return this builder
	 */
	public CerebrasClientBuilder<T> maxEventSize(DataSize maxEventSize) {
		this.maxEventSize = SettingChecks.maxEventSize("maxEventSize", maxEventSize);
		return this;
	}

	/**
	 * Sets the most characters of a stream's generated text the client keeps, to report with the exception of a
	 * stream that fails after some chunks ({@code partialText()}); {@value #DEFAULT_MAX_PARTIAL_TEXT} by default. A
	 * longer text keeps its start. 0 keeps none. The {@code cerebras.limits.max-partial-text} property.
	 * @param maxPartialText at least 0
	 * @return this builder
	 */
	public CerebrasClientBuilder<T> maxPartialText(int maxPartialText) {
		this.maxPartialText = SettingChecks.maxPartialText("maxPartialText", maxPartialText);
		return this;
	}

	/**
	 * Throttles generations (chat and text completions, streamed or not) on the API's rate-limit budgets: before each
	 * attempt is sent, its cost (one request and its estimated tokens) is taken from its model's budget in the
	 * settings' store, and a call whose budget is short waits until it resets, without a thread, up to the settings'
	 * longest wait, else fails at once with a {@code RateLimitException} whose {@code isThrottled()} is true and which
	 * was not sent. Every response's {@code x-ratelimit-*} headers set the budget; its usage gives back what was
	 * reserved and not used. Off by default. The {@code cerebras.throttle.*} properties.
	 * @param throttle the settings, for example {@link ThrottleSettings#local()}
	 * @return this builder
	 */
	public CerebrasClientBuilder<T> throttle(ThrottleSettings throttle) {
		Assert.notNull(throttle, "'throttle' must not be null");
		this.throttle = throttle;
		return this;
	}

	/**
	 * Sets the most retries of a failed call under the default policy
	 * ({@value CerebrasRetryPolicy#DEFAULT_MAX_RETRIES} by default); ignored when a
	 * {@link #retryPolicy(RetryPolicy) policy} is set. A call's options may set another
	 * ({@link RequestOptions.Builder#maxRetries(int)}). The {@code cerebras.retry.max-retries} property.
	 * @param maxRetries at least 0; 0 turns retries off
	 * @return this builder
	 */
	public CerebrasClientBuilder<T> maxRetries(int maxRetries) {
		this.maxRetries = SettingChecks.maxRetries("maxRetries", maxRetries);
		return this;
	}

	/**
	 * Sets what is retried and with which backoff; {@link CerebrasRetryPolicy#defaults()} unless set, which retries
	 * connection failures, timeouts, 408, 409, 429 and 5xx twice with exponential backoff. A policy of another kind
	 * is used as it is, with a server's {@code Retry-After} honoured up to 60 s.
	 * @param retryPolicy the policy
	 * @return this builder
	 */
	public CerebrasClientBuilder<T> retryPolicy(RetryPolicy retryPolicy) {
		Assert.notNull(retryPolicy, "'retryPolicy' must not be null");
		this.retryPolicy = retryPolicy;
		return this;
	}

	/**
	 * Sets a listener told of every retry, every success after retries and every exhaustion, for example to count
	 * retries.
	 * @param retryListener the listener
	 * @return this builder
	 */
	public CerebrasClientBuilder<T> retryListener(RetryListener retryListener) {
		Assert.notNull(retryListener, "'retryListener' must not be null");
		this.retryListener = retryListener;
		return this;
	}

	/**
	 * Sets the most connections of the pool this builder creates; {@value #DEFAULT_MAX_CONNECTIONS} by default.
	 * The {@code cerebras.pool.max-connections} property.
	 * @param maxConnections at least 1
	 * @return this builder
	 */
	public CerebrasClientBuilder<T> maxConnections(int maxConnections) {
		this.maxConnections = SettingChecks.connections("maxConnections", maxConnections);
		return this;
	}

	/**
	 * Sets the longest wait for a free connection when all are busy; 45 s
	 * ({@link #DEFAULT_PENDING_ACQUIRE_TIMEOUT}) by default. The {@code cerebras.pool.pending-acquire-timeout}
	 * property.
	 * @param pendingAcquireTimeout a positive duration
	 * @return this builder
	 */
	public CerebrasClientBuilder<T> pendingAcquireTimeout(Duration pendingAcquireTimeout) {
		this.pendingAcquireTimeout = SettingChecks.positive("pendingAcquireTimeout", pendingAcquireTimeout);
		return this;
	}

	/**
	 * Sets how long a connection may stay idle in the pool before it is closed; 30 s
	 * ({@link #DEFAULT_MAX_IDLE_TIME}) by default. The {@code cerebras.pool.max-idle-time} property.
	 * @param maxIdleTime a positive duration
	 * @return this builder
	 */
	public CerebrasClientBuilder<T> maxIdleTime(Duration maxIdleTime) {
		this.maxIdleTime = SettingChecks.positive("maxIdleTime", maxIdleTime);
		return this;
	}

	/**
	 * Sets how often the pool closes idle connections in the background; 15 s
	 * ({@link #DEFAULT_EVICTION_INTERVAL}) by default.
	 * @param evictionInterval a positive duration
	 * @return this builder
	 */
	public CerebrasClientBuilder<T> evictionInterval(Duration evictionInterval) {
		this.evictionInterval = SettingChecks.positive("evictionInterval", evictionInterval);
		return this;
	}

	/**
	 * Sets the HTTP proxy that every connection goes through, as a {@code CONNECT} tunnel (for an {@code https} base
	 * URL, TLS to the API runs inside it), unless the base URL's host matches the proxy's
	 * {@linkplain ProxySettings#nonProxyHosts() non-proxy hosts}. Direct connections by default. The
	 * {@code cerebras.proxy.*} properties.
	 * @param proxy the proxy
	 * @return this builder
	 */
	public CerebrasClientBuilder<T> proxy(ProxySettings proxy) {
		Assert.notNull(proxy, "'proxy' must not be null");
		this.proxy = proxy;
		return this;
	}

	/**
	 * Sets the TLS material of the connections: the certificates trusted, the key presented for mutual TLS, the
	 * protocols and cipher suites offered. The JDK's defaults otherwise. The {@code cerebras.ssl.bundle} property
	 * (a Spring Boot SSL bundle).
	 * @param tls the TLS settings
	 * @return this builder
	 */
	public CerebrasClientBuilder<T> tls(TlsSettings tls) {
		Assert.notNull(tls, "'tls' must not be null");
		this.tls = tls;
		return this;
	}

	/**
	 * Adds a customizer of the Reactor Netty {@link HttpClient} under the client, for what the builder has no
	 * setting for (wire logging, a resolver, socket options, metrics of Reactor Netty's own). Customizers run in the
	 * order added, after the client has applied its own settings (pool, connect timeout, proxy, TLS), so they see
	 * and may replace them; they apply to every exchange, warm-ups and health checks included. With Spring Boot,
	 * every {@code CerebrasHttpClientCustomizer} bean is added. A customizer that changes what the client relies on
	 * (its connection pool, the HTTP protocol) does so at its own risk.
	 * <p>This is the one place where the builder shows a Reactor Netty type: the client runs on Reactor Netty, and
	 * this is how to reach it.
	 * @param customizer returns the client to use, given the client's own; never {@code null}
	 * @return this builder
	 */
	public CerebrasClientBuilder<T> httpClientCustomizer(UnaryOperator<HttpClient> customizer) {
		Assert.notNull(customizer, "'customizer' must not be null");
		UnaryOperator<HttpClient> previous = this.httpClientCustomizer;
		this.httpClientCustomizer = (httpClient) -> customizer.apply(previous.apply(httpClient));
		return this;
	}

	/**
	 * Sets whether {@link #build()} warms up connections in the background with {@code GET /v1/tcp_warming}, so the
	 * first call does not pay for the TCP and TLS handshakes; on by default.
	 * @param warmUp whether to warm up at build time
	 * @return this builder
	 */
	public CerebrasClientBuilder<T> warmUp(boolean warmUp) {
		this.warmUp = warmUp;
		return this;
	}

	/**
	 * Sets how many connections a warm-up opens; {@value #DEFAULT_WARM_UP_CONNECTIONS} by default. The
	 * {@code cerebras.warm-up.connections} property.
	 * @param warmUpConnections at least 1
	 * @return this builder
	 */
	public CerebrasClientBuilder<T> warmUpConnections(int warmUpConnections) {
		this.warmUpConnections = SettingChecks.connections("warmUpConnections", warmUpConnections);
		return this;
	}

	/**
	 * Sets where calls are observed: with Micrometer's meter handler they become timers
	 * ({@code gen_ai.client.operation.duration}), with tracing they become spans. Not observed by default.
	 * @param observationRegistry the registry
	 * @return this builder
	 */
	public CerebrasClientBuilder<T> observationRegistry(ObservationRegistry observationRegistry) {
		Assert.notNull(observationRegistry, "'observationRegistry' must not be null");
		this.observationRegistry = observationRegistry;
		return this;
	}

	/**
	 * Sets the names and tags of the observations, instead of {@link DefaultCerebrasObservationConvention}.
	 * @param observationConvention the convention
	 * @return this builder
	 */
	public CerebrasClientBuilder<T> observationConvention(CerebrasObservationConvention observationConvention) {
		Assert.notNull(observationConvention, "'observationConvention' must not be null");
		this.observationConvention = observationConvention;
		return this;
	}

	/**
	 * Sets options every call of the template uses, as {@code withOptions(..)} would, but on the template itself: for
	 * example a deadline for every call (the {@code cerebras.timeout.deadline} property). Calling it again adds to the
	 * options set before.
	 * @param options sets the options, for example {@code o -> o.deadline(Duration.ofMinutes(2))}
	 * @return this builder
	 */
	public CerebrasClientBuilder<T> defaultOptions(Consumer<RequestOptions.Builder> options) {
		Assert.notNull(options, "'options' must not be null");
		RequestOptions.Builder builder = RequestOptions.builder();
		options.accept(builder);
		this.defaultOptions = this.defaultOptions.merge(builder.build());
		return this;
	}

	/**
	 * Builds the template.
	 * @return the template
	 * @throws MissingApiKeyException if no API key was given and {@code CEREBRAS_API_KEY} is not set
	 * @throws IllegalArgumentException if {@code CEREBRAS_BASE_URL} is not an absolute http or https URL without user
	 * information, query or fragment, or the {@linkplain #tls(TlsSettings) TLS settings} cannot make a TLS context
	 * (an unknown protocol, say)
	 * @throws IllegalStateException if an {@linkplain #httpClientCustomizer(UnaryOperator) HttpClient customizer}
	 * returns {@code null}
	 */
	public T build() {
		String key = resolveApiKey();
		String url = resolveBaseUrl();
		ConnectionPool pool = (this.connectionPool != null) ? this.connectionPool : ConnectionPool
			.create(this.maxConnections, this.pendingAcquireTimeout, this.maxIdleTime, this.evictionInterval);
		WebClient.Builder builder = (this.webClientBuilder != null) ? this.webClientBuilder.clone() : WebClient.builder();
		ClientHttpConnector connector;
		try {
			connector = pool.connector(this.connectTimeout, this.proxy, this.tls, this.httpClientCustomizer);
		}
		catch (RuntimeException ex) {
			pool.dispose();
			throw ex;
		}
		WebClient webClient = builder.clientConnector(connector).build();
		Transport transport = new Transport(webClient, key,
				new Transport.Settings(url, defaultHeaders(), this.responseTimeout, this.streamIdleTimeout,
						retryPolicy(), this.retryListener, this.observationRegistry, this.observationConvention,
						this.nonStreamingDeadline, Math.toIntExact(this.maxEventSize.toBytes()), this.maxPartialText,
						this.throttle))
			.withOptions(this.defaultOptions);
		ReactiveCerebrasTemplate reactive = new ReactiveCerebrasTemplate(transport,
				new ConnectionWarmer(this.warmUpConnections, this.observationRegistry), pool::dispose);
		if (this.warmUp) {
			reactive.warmUp();
		}
		return this.factory.apply(reactive);
	}

	private RetryPolicy retryPolicy() {
		if (this.retryPolicy != null) {
			return this.retryPolicy;
		}
		return (this.maxRetries != null) ? CerebrasRetryPolicy.builder().maxRetries(this.maxRetries).build()
				: CerebrasRetryPolicy.defaults();
	}

	private HttpHeaders defaultHeaders() {
		HttpHeaders headers = new HttpHeaders();
		headers.setAccept(List.of(MediaType.APPLICATION_JSON));
		headers.set(HttpHeaders.USER_AGENT, userAgent());
		headers.set("X-Cerebras-3rd-Party-Integration", "cerebras4j");
		headers.putAll(this.defaultHeaders);
		return headers;
	}

	private String resolveApiKey() {
		if (this.apiKey != null) {
			return this.apiKey;
		}
		String fromEnvironment = this.environment.apply(API_KEY_VARIABLE);
		if (fromEnvironment == null || fromEnvironment.isBlank()) {
			throw new MissingApiKeyException();
		}
		return fromEnvironment.trim();
	}

	private String resolveBaseUrl() {
		if (this.baseUrl != null) {
			return this.baseUrl;
		}
		String fromEnvironment = this.environment.apply(BASE_URL_VARIABLE);
		return (fromEnvironment == null || fromEnvironment.isBlank()) ? DEFAULT_BASE_URL
				: SettingChecks.baseUrl(BASE_URL_VARIABLE, fromEnvironment);
	}

	static String userAgent() {
		return "cerebras4j/" + Version.current() + " Java/" + System.getProperty("java.version") + " Spring/"
				+ SpringVersion.getVersion();
	}

	@Override
	public String toString() {
		return "CerebrasClientBuilder[baseUrl=" + this.baseUrl + ", apiKey=" + ((this.apiKey != null) ? "[set]" : "[unset]") + "]";
	}

}
