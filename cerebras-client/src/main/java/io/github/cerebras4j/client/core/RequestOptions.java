package io.github.cerebras4j.client.core;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.cerebras4j.client.internal.HeaderChecks;
import io.github.cerebras4j.client.internal.SettingChecks;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.util.Assert;

/**
 * Options that change how calls are made without changing the requests: retries, timeouts, extra headers (among
 * them the API's header parameters {@code CF-RAY}, {@code X-Amz-Cf-Id} and {@code X-delay-time}), query parameters
 * and body fields. Given to {@code withOptions(..)} on a template, they apply to every call of the view
 * it returns; the view shares the template's connection pool. Unset options keep the template's own. The options
 * that a template has too are named as on its builder ({@code maxRetries}, {@code responseTimeout},
 * {@code streamIdleTimeout}); {@code deadline} is the {@code cerebras.timeout.deadline} property.
 *
 * <pre class="code">
 * cerebras.withOptions(o -&gt; o.maxRetries(5).responseTimeout(Duration.ofSeconds(5)).header("X-Trace", id))
 *         .chat().completions().create(request);
 * </pre>
 */
public final class RequestOptions {

	private static final String CF_RAY = "CF-RAY";

	private static final String AMZ_CF_ID = "X-Amz-Cf-Id";

	private static final String DELAY_TIME = "X-delay-time";

	/** No options: every setting is the template's own. */
	public static final RequestOptions NONE = new Builder().build();

	private final @Nullable Integer maxRetries;

	private final @Nullable Duration responseTimeout;

	private final @Nullable Duration streamIdleTimeout;

	private final @Nullable Duration deadline;

	private final HttpHeaders headers;

	private final Set<String> removedHeaders;

	private final Map<String, String> query;

	private final Map<String, @Nullable Object> extraBody;

	private RequestOptions(Builder builder) {
		this.maxRetries = builder.maxRetries;
		this.responseTimeout = builder.responseTimeout;
		this.streamIdleTimeout = builder.streamIdleTimeout;
		this.deadline = builder.deadline;
		// a copy: changing the builder after build() must not change these options
		this.headers = HttpHeaders.readOnlyHttpHeaders(HttpHeaders.copyOf(builder.headers));
		this.removedHeaders = Collections.unmodifiableSet(new LinkedHashSet<>(builder.removedHeaders));
		this.query = Collections.unmodifiableMap(new LinkedHashMap<>(builder.query));
		this.extraBody = Collections.unmodifiableMap(new LinkedHashMap<>(builder.extraBody));
	}

	/**
	 * Starts building options.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Returns these options with another set applied on top: what the other sets wins, what it leaves unset is kept.
	 * @param later the options to apply on top
	 * @return the merged options
	 */
	public RequestOptions merge(RequestOptions later) {
		Builder merged = new Builder();
		merged.maxRetries = (later.maxRetries != null) ? later.maxRetries : this.maxRetries;
		merged.responseTimeout = (later.responseTimeout != null) ? later.responseTimeout : this.responseTimeout;
		merged.streamIdleTimeout = (later.streamIdleTimeout != null) ? later.streamIdleTimeout : this.streamIdleTimeout;
		merged.deadline = (later.deadline != null) ? later.deadline : this.deadline;
		this.headers.forEach((name, values) -> {
			if (!later.removedHeaders.contains(name.toLowerCase(Locale.ROOT))) {
				merged.headers.put(name, values);
			}
		});
		merged.removedHeaders.addAll(this.removedHeaders);
		later.headers.forEach((name, values) -> {
			merged.headers.put(name, values);
			merged.removedHeaders.remove(name.toLowerCase(Locale.ROOT));
		});
		merged.removedHeaders.addAll(later.removedHeaders);
		merged.query.putAll(this.query);
		merged.query.putAll(later.query);
		merged.extraBody.putAll(this.extraBody);
		merged.extraBody.putAll(later.extraBody);
		return merged.build();
	}

	/**
	 * Returns the most retries, or {@code null} to keep the retry policy's.
	 * @return the most retries
	 */
	public @Nullable Integer maxRetries() {
		return this.maxRetries;
	}

	/**
	 * Returns the longest wait for a response without receiving any data, or {@code null} to keep the template's.
	 * @return the response timeout
	 */
	public @Nullable Duration responseTimeout() {
		return this.responseTimeout;
	}

	/**
	 * Returns the longest silence in a stream, or {@code null} to keep the template's.
	 * @return the stream idle timeout
	 */
	public @Nullable Duration streamIdleTimeout() {
		return this.streamIdleTimeout;
	}

	/**
	 * Returns the longest a whole call may take, retries and the whole stream included, or {@code null} for none.
	 * @return the deadline
	 */
	public @Nullable Duration deadline() {
		return this.deadline;
	}

	/**
	 * Returns the headers added to every request, replacing any of the same name.
	 * @return the headers
	 */
	public HttpHeaders headers() {
		return this.headers;
	}

	/**
	 * Returns the names (lower case) of the headers not to send, for example a default header.
	 * @return the removed header names
	 */
	public Set<String> removedHeaders() {
		return this.removedHeaders;
	}

	/**
	 * Returns the query parameters added to every request.
	 * @return the query parameters
	 */
	public Map<String, String> query() {
		return this.query;
	}

	/**
	 * Returns the fields merged into every JSON body last; they win on a clash, and {@code null} is sent as JSON
	 * {@code null}.
	 * @return the extra body fields
	 */
	public Map<String, @Nullable Object> extraBody() {
		return this.extraBody;
	}

	@Override
	public String toString() {
		return "RequestOptions[maxRetries=" + this.maxRetries + ", responseTimeout=" + this.responseTimeout
				+ ", streamIdleTimeout=" + this.streamIdleTimeout + ", deadline=" + this.deadline + ", headers="
				+ this.headers.headerNames() + ", removedHeaders=" + this.removedHeaders + ", query="
				+ this.query.keySet() + ", extraBody=" + this.extraBody.keySet() + "]";
	}

	/**
	 * Builds {@link RequestOptions}; every setting is optional.
	 */
	public static final class Builder {

		private @Nullable Integer maxRetries;

		private @Nullable Duration responseTimeout;

		private @Nullable Duration streamIdleTimeout;

		private @Nullable Duration deadline;

		private final HttpHeaders headers = new HttpHeaders();

		private final Set<String> removedHeaders = new LinkedHashSet<>();

		private final Map<String, String> query = new LinkedHashMap<>();

		private final Map<String, @Nullable Object> extraBody = new LinkedHashMap<>();

		private Builder() {
		}

		/**
		 * Sets the most retries of a failed call (0 for none).
		 * @param maxRetries at least 0
		 * @return this builder
		 */
		public Builder maxRetries(int maxRetries) {
			this.maxRetries = SettingChecks.maxRetries("maxRetries", maxRetries);
			return this;
		}

		/**
		 * Sets the longest wait for a response, from sending the request, without receiving any data.
		 * @param responseTimeout a positive duration
		 * @return this builder
		 */
		public Builder responseTimeout(Duration responseTimeout) {
			this.responseTimeout = SettingChecks.positive("responseTimeout", responseTimeout);
			return this;
		}

		/**
		 * Sets the longest silence in a stream, before its first data and between two chunks.
		 * @param streamIdleTimeout a positive duration
		 * @return this builder
		 */
		public Builder streamIdleTimeout(Duration streamIdleTimeout) {
			this.streamIdleTimeout = SettingChecks.positive("streamIdleTimeout", streamIdleTimeout);
			return this;
		}

		/**
		 * Sets the longest a whole call may take, retries and the whole stream included; past it the call fails
		 * with a {@code CerebrasTimeoutException}.
		 * @param deadline a positive duration
		 * @return this builder
		 */
		public Builder deadline(Duration deadline) {
			this.deadline = SettingChecks.positive("deadline", deadline);
			return this;
		}

		/**
		 * Sets a header on every request, replacing a default header of the same name.
		 * @param name the header name, an RFC 9110 token; not {@code Authorization}, which the API key sets
		 * @param values the values, without CR, LF or NUL
		 * @return this builder
		 * @throws IllegalArgumentException if the name is blank, not a token or {@code Authorization}, or a value is
		 * {@code null} or holds CR, LF or NUL
		 */
		public Builder header(String name, String... values) {
			List<String> checkedValues = HeaderChecks.header(name, values);
			checkNotAuthorization(name);
			this.headers.put(name, checkedValues);
			this.removedHeaders.remove(name.toLowerCase(Locale.ROOT));
			return this;
		}

		/**
		 * Sets the {@code CF-RAY} header, one of the header parameters every endpoint accepts; like
		 * {@link #header(String, String...)} it replaces a default header of the same name.
		 * @param cfRay the value, without CR, LF or NUL
		 * @return this builder
		 * @throws IllegalArgumentException if the value is {@code null} or holds CR, LF or NUL
		 */
		public Builder cfRay(String cfRay) {
			return header(CF_RAY, cfRay);
		}

		/**
		 * Sets the {@code X-Amz-Cf-Id} header, one of the header parameters every endpoint accepts; like
		 * {@link #header(String, String...)} it replaces a default header of the same name.
		 * @param amzCfId the value, without CR, LF or NUL
		 * @return this builder
		 * @throws IllegalArgumentException if the value is {@code null} or holds CR, LF or NUL
		 */
		public Builder amzCfId(String amzCfId) {
			return header(AMZ_CF_ID, amzCfId);
		}

		/**
		 * Sets the {@code X-delay-time} header, a header parameter of the chat and text completion endpoints, sent
		 * in the decimal form of {@link Double#toString(double)} (so {@code 1} is sent as {@code 1.0}); like
		 * {@link #header(String, String...)} it replaces a default header of the same name.
		 * @param delayTime a finite number
		 * @return this builder
		 * @throws IllegalArgumentException if the number is not finite
		 */
		public Builder delayTime(double delayTime) {
			Assert.isTrue(Double.isFinite(delayTime), () -> DELAY_TIME + " must be a finite number, was " + delayTime);
			return header(DELAY_TIME, Double.toString(delayTime));
		}

		/**
		 * Removes a header from every request, for example one of the template's default headers.
		 * @param name the header name, an RFC 9110 token; not {@code Authorization}
		 * @return this builder
		 * @throws IllegalArgumentException if the name is blank, not a token or {@code Authorization}
		 */
		public Builder removeHeader(String name) {
			HeaderChecks.name(name);
			checkNotAuthorization(name);
			this.headers.remove(name);
			this.removedHeaders.add(name.toLowerCase(Locale.ROOT));
			return this;
		}

		/**
		 * Adds a query parameter to every request, replacing one of the same name.
		 * @param name the parameter name
		 * @param value the value
		 * @return this builder
		 */
		public Builder query(String name, String value) {
			Assert.hasText(name, "query parameter name must not be blank");
			Assert.notNull(value, "query parameter value must not be null");
			this.query.put(name, value);
			return this;
		}

		/**
		 * Adds a field to every JSON body, merged last.
		 * @param name the field name
		 * @param value the value, {@code null} to send JSON {@code null}
		 * @return this builder
		 */
		public Builder extraBody(String name, @Nullable Object value) {
			Assert.hasText(name, "extra body field name must not be blank");
			this.extraBody.put(name, value);
			return this;
		}

		/**
		 * Builds the options.
		 * @return the options
		 */
		public RequestOptions build() {
			return new RequestOptions(this);
		}

		private static void checkNotAuthorization(String name) {
			Assert.isTrue(!HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name),
					"The Authorization header carries the API key; set the key with apiKey(..) on the builder");
		}

	}

}
