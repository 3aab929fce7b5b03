package io.github.cerebras4j.client.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.jspecify.annotations.Nullable;
import org.springframework.util.unit.DataSize;

/**
 * The checks of the client's settings, written once for the template builder, the request options, the retry policy
 * and the Spring Boot properties that set them. Each takes the name to report, a builder method's
 * ({@code connectTimeout}) or a property's ({@code cerebras.timeout.connect}), and throws an
 * {@link IllegalArgumentException} whose message is that name, the rule and the rejected value:
 * {@code cerebras.timeout.connect must be positive, was 0s}. Durations and sizes are shown as a property would set
 * them ({@code 500ms}, {@code 4MB}); a URL's user information is never shown.
 */
public final class SettingChecks {

	/** The largest {@link #maxEventSize(String, DataSize) event size} allowed: 1 GB (1024 x 1024 x 1024 bytes). */
	public static final DataSize MAX_EVENT_SIZE_LIMIT = DataSize.ofGigabytes(1);

	private static final String BASE_URL_RULE = "must be an absolute http or https URL without user information, "
			+ "query or fragment, such as https://api.cerebras.ai";

	private SettingChecks() {
	}

	/**
	 * Checks a base URL: an absolute {@code http} or {@code https} URL with a host, without user information
	 * ({@code user:password@}), query or fragment; a path prefix is allowed.
	 * @param name the name to report
	 * @param baseUrl the URL
	 * @return the URL trimmed, without trailing slashes
	 * @throws IllegalArgumentException if the URL is blank or breaks a rule; the message shows the URL with its user
	 * information masked, and has no cause (a {@link URISyntaxException}'s message would repeat the whole URL)
	 */
	public static String baseUrl(String name, @Nullable String baseUrl) {
		if (baseUrl == null || baseUrl.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
		String trimmed = baseUrl.trim();
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		URI uri;
		try {
			uri = new URI(trimmed);
		}
		catch (URISyntaxException ex) {
			throw invalidBaseUrl(name, trimmed, " (not a valid URL: " + ex.getReason() + " at index " + ex.getIndex() + ")");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
			throw invalidBaseUrl(name, trimmed, "");
		}
		if (uri.getRawUserInfo() != null) {
			throw invalidBaseUrl(name, trimmed,
					" (credentials go in the API key or a default header, never in the URL)");
		}
		if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
			throw invalidBaseUrl(name, trimmed, "");
		}
		return trimmed;
	}

	private static IllegalArgumentException invalidBaseUrl(String name, String url, String reason) {
		return new IllegalArgumentException(name + " " + BASE_URL_RULE + ", was '" + withoutUserInfo(url) + "'" + reason);
	}

	/**
	 * Returns a URL, valid or not, as it can go in a message: what stands before the last {@code @} of its authority
	 * (user information, perhaps a password) is replaced by {@code ***}.
	 * @param url the URL
	 * @return the URL without its user information
	 */
	public static String withoutUserInfo(String url) {
		int schemeEnd = url.indexOf("://");
		int authorityStart = (schemeEnd >= 0) ? schemeEnd + 3 : 0;
		int authorityEnd = url.length();
		for (int i = authorityStart; i < url.length(); i++) {
			if ("/?#".indexOf(url.charAt(i)) >= 0) {
				authorityEnd = i;
				break;
			}
		}
		int at = url.lastIndexOf('@', authorityEnd - 1);
		return (at >= authorityStart) ? url.substring(0, authorityStart) + "***" + url.substring(at) : url;
	}

	/**
	 * Checks a duration that must be positive: every timeout, deadline and pool interval.
	 * @param name the name to report
	 * @param value the duration
	 * @return the duration
	 * @throws IllegalArgumentException if it is {@code null}, zero or negative
	 */
	public static Duration positive(String name, @Nullable Duration value) {
		Duration duration = notNull(name, value);
		check(duration.compareTo(Duration.ZERO) > 0, name, "must be positive", duration);
		return duration;
	}

	/**
	 * Checks a duration that may be zero: a retry delay, the longest {@code Retry-After} honoured.
	 * @param name the name to report
	 * @param value the duration
	 * @return the duration
	 * @throws IllegalArgumentException if it is {@code null} or negative
	 */
	public static Duration notNegative(String name, @Nullable Duration value) {
		Duration duration = notNull(name, value);
		check(!duration.isNegative(), name, "must not be negative", duration);
		return duration;
	}

	/**
	 * Checks the longest wait between two retries, before jitter: not shorter than the first.
	 * @param name the name to report
	 * @param maxDelay the longest wait
	 * @param initialDelayName the name of the first wait, for the message
	 * @param initialDelay the first wait
	 * @return the longest wait
	 * @throws IllegalArgumentException if it is {@code null} or shorter than the first wait
	 */
	public static Duration maxDelay(String name, @Nullable Duration maxDelay, String initialDelayName,
			Duration initialDelay) {
		Duration duration = notNull(name, maxDelay);
		check(duration.compareTo(initialDelay) >= 0, name,
				"must not be shorter than " + initialDelayName + " (" + show(initialDelay) + ")", duration);
		return duration;
	}

	/**
	 * Checks the factor between two consecutive retry waits: a finite number of at least 1.
	 * @param name the name to report
	 * @param multiplier the factor
	 * @return the factor
	 * @throws IllegalArgumentException if it is smaller than 1, infinite or not a number
	 */
	public static double multiplier(String name, double multiplier) {
		check(multiplier >= 1 && !Double.isInfinite(multiplier), name, "must be a finite number of at least 1",
				multiplier);
		return multiplier;
	}

	/**
	 * Checks a fraction, such as a retry jitter or a percentile: between 0 and 1.
	 * @param name the name to report
	 * @param fraction the fraction
	 * @return the fraction
	 * @throws IllegalArgumentException if it is outside 0 to 1 or not a number
	 */
	public static double fraction(String name, double fraction) {
		check(fraction >= 0 && fraction <= 1, name, "must be between 0 and 1", fraction);
		return fraction;
	}

	/**
	 * Checks a number of retries: at least 0.
	 * @param name the name to report
	 * @param maxRetries the number
	 * @return the number
	 * @throws IllegalArgumentException if it is negative
	 */
	public static int maxRetries(String name, int maxRetries) {
		return atLeast(name, maxRetries, 0);
	}

	/**
	 * Checks a number of connections, of the pool or of a warm-up: at least 1.
	 * @param name the name to report
	 * @param connections the number
	 * @return the number
	 * @throws IllegalArgumentException if it is smaller than 1
	 */
	public static int connections(String name, int connections) {
		return atLeast(name, connections, 1);
	}

	/**
	 * Checks the most characters of a stream's text kept for its failure: at least 0.
	 * @param name the name to report
	 * @param maxPartialText the number
	 * @return the number
	 * @throws IllegalArgumentException if it is negative
	 */
	public static int maxPartialText(String name, int maxPartialText) {
		return atLeast(name, maxPartialText, 0);
	}

	/**
	 * Checks the longest line or event of a stream: positive and at most {@link #MAX_EVENT_SIZE_LIMIT}.
	 * @param name the name to report
	 * @param maxEventSize the size
	 * @return the size
	 * @throws IllegalArgumentException if it is {@code null}, not positive or larger than the limit
	 */
	public static DataSize maxEventSize(String name, @Nullable DataSize maxEventSize) {
		DataSize size = notNull(name, maxEventSize);
		check(size.toBytes() > 0 && size.toBytes() <= MAX_EVENT_SIZE_LIMIT.toBytes(), name,
				"must be positive and at most " + show(MAX_EVENT_SIZE_LIMIT), size);
		return size;
	}

	/**
	 * Checks a proxy's host: a host name or an IP address, without scheme, port, path or user information.
	 * @param name the name to report
	 * @param host the host
	 * @return the host, trimmed
	 * @throws IllegalArgumentException if it is blank or not a bare host; the message never repeats what stands
	 * before an {@code @} (user information, perhaps a password)
	 */
	public static String proxyHost(String name, @Nullable String host) {
		if (host == null || host.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
		String trimmed = host.trim();
		if (trimmed.indexOf('@') >= 0) {
			throw new IllegalArgumentException(name + " must not hold user information; set the proxy's username and "
					+ "password on their own");
		}
		boolean onePortColon = trimmed.indexOf(':') >= 0 && trimmed.indexOf(':') == trimmed.lastIndexOf(':');
		if (onePortColon || trimmed.indexOf('/') >= 0 || trimmed.chars().anyMatch(Character::isWhitespace)) {
			throw new IllegalArgumentException(name + " must be a host name or an IP address, without scheme or port, "
					+ "such as proxy.example.com, was '" + trimmed + "'");
		}
		return trimmed;
	}

	/**
	 * Checks a TCP port: 1 to 65535.
	 * @param name the name to report
	 * @param port the port
	 * @return the port
	 * @throws IllegalArgumentException if it is outside 1 to 65535
	 */
	public static int port(String name, int port) {
		check(port >= 1 && port <= 65535, name, "must be between 1 and 65535", port);
		return port;
	}

	/**
	 * Checks a proxy's credentials: both or neither, neither of them empty. The password is never shown.
	 * @param usernameName the name of the username to report
	 * @param username the username, or {@code null}
	 * @param passwordName the name of the password to report
	 * @param password the password, or {@code null}
	 * @throws IllegalArgumentException if one is set without the other, or the username is blank or the password
	 * empty
	 */
	public static void proxyCredentials(String usernameName, @Nullable String username, String passwordName,
			@Nullable String password) {
		if (username != null && username.isBlank()) {
			throw new IllegalArgumentException(usernameName + " must not be blank");
		}
		if (password != null && password.isEmpty()) {
			throw new IllegalArgumentException(passwordName + " must not be empty");
		}
		if (username != null && password == null) {
			throw new IllegalArgumentException(usernameName + " is set without " + passwordName + "; set both or neither");
		}
		if (username == null && password != null) {
			throw new IllegalArgumentException(passwordName + " is set without " + usernameName + "; set both or neither");
		}
	}

	/**
	 * Checks the hosts reached without a proxy: a Java regular expression, matched case-insensitively against the
	 * whole host name (as Reactor Netty's {@code ProxyProvider.nonProxyHosts} does).
	 * @param name the name to report
	 * @param nonProxyHosts the regular expression, or {@code null} or blank for none
	 * @return the regular expression, or {@code null} for none
	 * @throws IllegalArgumentException if it is not a valid regular expression
	 */
	public static @Nullable String nonProxyHosts(String name, @Nullable String nonProxyHosts) {
		if (nonProxyHosts == null || nonProxyHosts.isBlank()) {
			return null;
		}
		try {
			Pattern.compile(nonProxyHosts, Pattern.CASE_INSENSITIVE);
		}
		catch (PatternSyntaxException ex) {
			throw new IllegalArgumentException(name + " must be a regular expression such as "
					+ "'localhost|.*\\.internal\\.example\\.com', was '" + nonProxyHosts + "' (" + ex.getDescription()
					+ " near index " + ex.getIndex() + ")");
		}
		return nonProxyHosts;
	}

	/**
	 * Checks an integer against a minimum.
	 * @param name the name to report
	 * @param value the integer
	 * @param minimum the smallest value allowed
	 * @return the integer
	 * @throws IllegalArgumentException if it is smaller than the minimum
	 */
	public static int atLeast(String name, int value, int minimum) {
		check(value >= minimum, name, (minimum == 0) ? "must not be negative" : "must be at least " + minimum, value);
		return value;
	}

	/**
	 * Checks that a count is at least a minimum.
	 * @param name the setting's name, for the message
	 * @param value the value
	 * @param minimum the smallest value allowed
	 * @return the value
	 * @throws IllegalArgumentException if the value is smaller
	 */
	public static long atLeast(String name, long value, long minimum) {
		check(value >= minimum, name, (minimum == 0) ? "must not be negative" : "must be at least " + minimum, value);
		return value;
	}

	/**
	 * Returns a duration as a property would set it, in the largest unit that holds it exactly: {@code 500ms},
	 * {@code 8s}, {@code 10m}, {@code -1s}.
	 * @param duration the duration
	 * @return the duration as text
	 */
	public static String show(Duration duration) {
		if (duration.isZero()) {
			return "0s";
		}
		long nanos;
		try {
			nanos = duration.toNanos();
		}
		catch (ArithmeticException ex) {
			return duration.toString();
		}
		return inLargestUnit(nanos, new long[] { 86_400_000_000_000L, 3_600_000_000_000L, 60_000_000_000L,
				1_000_000_000L, 1_000_000L, 1_000L, 1L }, new String[] { "d", "h", "m", "s", "ms", "us", "ns" });
	}

	/**
	 * Returns a size as a property would set it, in the largest unit that holds it exactly: {@code 4MB},
	 * {@code 1500B}.
	 * @param size the size
	 * @return the size as text
	 */
	public static String show(DataSize size) {
		if (size.toBytes() == 0) {
			return "0B";
		}
		return inLargestUnit(size.toBytes(), new long[] { 1L << 40, 1L << 30, 1L << 20, 1L << 10, 1L },
				new String[] { "TB", "GB", "MB", "KB", "B" });
	}

	private static String inLargestUnit(long amount, long[] units, String[] suffixes) {
		int unit = 0;
		while (amount % units[unit] != 0) {
			unit++;
		}
		return (amount / units[unit]) + suffixes[unit];
	}

	private static <T> T notNull(String name, @Nullable T value) {
		if (value == null) {
			throw new IllegalArgumentException(name + " must not be null");
		}
		return value;
	}

	private static void check(boolean valid, String name, String rule, Object value) {
		if (!valid) {
			String shown = (value instanceof Duration duration) ? show(duration)
					: (value instanceof DataSize size) ? show(size) : value.toString();
			throw new IllegalArgumentException(name + " " + rule + ", was " + shown);
		}
	}

}
