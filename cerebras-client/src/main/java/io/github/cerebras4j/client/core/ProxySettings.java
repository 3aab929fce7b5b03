package io.github.cerebras4j.client.core;

import java.util.Objects;

import io.github.cerebras4j.client.internal.SettingChecks;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP proxy that the client connects through: its host and port, an optional username and password (sent as
 * {@code Proxy-Authorization: Basic}), and the hosts reached without it. Every connection, to an {@code https} or an
 * {@code http} base URL alike, is a tunnel opened with {@code CONNECT}; TLS to the API runs inside it, end to end.
 * Given to the template builder's {@code proxy(..)}; the {@code cerebras.proxy.*} properties make one.
 *
 * <pre class="code">
 * ProxySettings proxy = ProxySettings.builder()
 *         .host("proxy.example.com").port(3128)
 *         .username("alice").password(secret)
 *         .nonProxyHosts("localhost|.*\\.internal\\.example\\.com")
 *         .build();
 * </pre>
 *
 * <p>The password is never shown: {@link #toString()} masks it, and no check's message repeats it.
 */
public final class ProxySettings {

	private static final String REDACTED = "[REDACTED]";

	private final String host;

	private final int port;

	private final @Nullable String username;

	private final @Nullable String password;

	private final @Nullable String nonProxyHosts;

	private ProxySettings(Builder builder) {
		this.host = SettingChecks.proxyHost("proxy host", builder.host);
		this.port = SettingChecks.port("proxy port", builder.port);
		SettingChecks.proxyCredentials("proxy username", builder.username, "proxy password", builder.password);
		this.username = (builder.username != null) ? builder.username.trim() : null;
		this.password = builder.password;
		this.nonProxyHosts = SettingChecks.nonProxyHosts("proxy nonProxyHosts", builder.nonProxyHosts);
	}

	/**
	 * Returns a proxy without credentials that every host is reached through.
	 * @param host the proxy's host name or IP address
	 * @param port the proxy's port
	 * @return the settings
	 * @throws IllegalArgumentException if the host is blank or not a bare host, or the port is outside 1 to 65535
	 */
	public static ProxySettings of(String host, int port) {
		return builder().host(host).port(port).build();
	}

	/**
	 * Starts building settings.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Returns the proxy's host name or IP address.
	 * @return the host
	 */
	public String host() {
		return this.host;
	}

	/**
	 * Returns the proxy's port.
	 * @return the port, 1 to 65535
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Returns the username sent to the proxy.
	 * @return the username, or {@code null} when the proxy is not authenticated
	 */
	public @Nullable String username() {
		return this.username;
	}

	/**
	 * Returns the password sent to the proxy with the {@linkplain #username() username}.
	 * @return the password, or {@code null} when the proxy is not authenticated
	 */
	public @Nullable String password() {
		return this.password;
	}

	/**
	 * Returns the hosts reached directly, without the proxy: a Java regular expression matched, ignoring case,
	 * against the whole host name of the base URL, as written there (no name is looked up).
	 * @return the regular expression, or {@code null} when every host goes through the proxy
	 */
	public @Nullable String nonProxyHosts() {
		return this.nonProxyHosts;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return this == other || (other instanceof ProxySettings that && this.host.equals(that.host)
				&& this.port == that.port && Objects.equals(this.username, that.username)
				&& Objects.equals(this.password, that.password) && Objects.equals(this.nonProxyHosts, that.nonProxyHosts));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.host, this.port, this.username, this.password, this.nonProxyHosts);
	}

	@Override
	public String toString() {
		return "ProxySettings[host=" + this.host + ", port=" + this.port + ", username=" + this.username + ", password="
				+ ((this.password != null) ? REDACTED : null) + ", nonProxyHosts=" + this.nonProxyHosts + "]";
	}

	/**
	 * Builds {@link ProxySettings}; {@link #build()} checks them.
	 */
	public static final class Builder {

		private @Nullable String host;

		private int port;

		private @Nullable String username;

		private @Nullable String password;

		private @Nullable String nonProxyHosts;

		private Builder() {
		}

		/**
		 * Sets the proxy's host; required.
		 * @param host a host name or an IP address, without scheme, port or user information
		 * @return this builder
		 */
		public Builder host(String host) {
			this.host = host;
			return this;
		}

		/**
		 * Sets the proxy's port; required.
		 * @param port 1 to 65535
		 * @return this builder
		 */
		public Builder port(int port) {
			this.port = port;
			return this;
		}

		/**
		 * Sets the username sent to the proxy; needs a {@link #password(String) password}.
		 * @param username the username, not blank
		 * @return this builder
		 */
		public Builder username(@Nullable String username) {
			this.username = username;
			return this;
		}

		/**
		 * Sets the password sent to the proxy; needs a {@link #username(String) username}.
		 * @param password the password, not empty
		 * @return this builder
		 */
		public Builder password(@Nullable String password) {
			this.password = password;
			return this;
		}

		/**
		 * Sets the hosts reached directly, without the proxy: a Java regular expression matched, ignoring case,
		 * against the whole host name of the base URL, as Reactor Netty's {@code ProxyProvider.nonProxyHosts} does.
		 * Unlike Java's {@code http.nonProxyHosts}, {@code *.example.com} is not a pattern: write
		 * {@code .*\.example\.com}, and {@code |} between alternatives.
		 * @param nonProxyHosts the regular expression, or {@code null} or blank for none
		 * @return this builder
		 */
		public Builder nonProxyHosts(@Nullable String nonProxyHosts) {
			this.nonProxyHosts = nonProxyHosts;
			return this;
		}

		/**
		 * Builds the settings.
		 * @return the settings
		 * @throws IllegalArgumentException if the host is missing, blank or not a bare host, the port is outside 1
		 * to 65535, a username is set without a password (or the reverse), or the non-proxy hosts are not a valid
		 * regular expression; the message never shows the password
		 */
		public ProxySettings build() {
			return new ProxySettings(this);
		}

	}

}
