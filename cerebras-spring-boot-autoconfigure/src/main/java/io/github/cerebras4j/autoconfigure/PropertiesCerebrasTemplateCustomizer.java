package io.github.cerebras4j.autoconfigure;

import java.time.Duration;

import io.github.cerebras4j.client.CerebrasClientBuilder;
import io.github.cerebras4j.client.core.ProxySettings;

/**
 * Applies the {@code cerebras.*} timeouts ({@code cerebras.timeout.deadline} as the deadline of the default request
 * options), limits, pool settings, default headers, warm-up size and proxy to the builder, each through the builder
 * method of the same name. The builder itself never warms up: {@link CerebrasWarmUp} does once the application is
 * ready.
 */
final class PropertiesCerebrasTemplateCustomizer implements CerebrasTemplateCustomizer {

	private final CerebrasProperties properties;

	PropertiesCerebrasTemplateCustomizer(CerebrasProperties properties) {
		this.properties = properties;
	}

	@Override
	public void customize(CerebrasClientBuilder<?> builder) {
		CerebrasProperties.Timeout timeout = this.properties.getTimeout();
		CerebrasProperties.Pool pool = this.properties.getPool();
		builder.connectTimeout(timeout.getConnect())
			.responseTimeout(timeout.getResponse())
			.streamIdleTimeout(timeout.getStreamIdle())
			.nonStreamingDeadline(timeout.getNonStreamingDeadline())
			.maxEventSize(this.properties.getLimits().getMaxEventSize())
			.maxPartialText(this.properties.getLimits().getMaxPartialText())
			.maxConnections(pool.getMaxConnections())
			.pendingAcquireTimeout(pool.getPendingAcquireTimeout())
			.maxIdleTime(pool.getMaxIdleTime())
			.warmUp(false)
			.warmUpConnections(this.properties.getWarmUp().getConnections());
		this.properties.getDefaultHeaders().forEach(builder::defaultHeader);
		CerebrasProperties.Proxy proxy = this.properties.getProxy();
		String host = proxy.getHost();
		Integer port = proxy.getPort();
		if (host != null && port != null) {
			builder.proxy(ProxySettings.builder()
				.host(host)
				.port(port)
				.username(proxy.getUsername())
				.password(proxy.getPassword())
				.nonProxyHosts(proxy.getNonProxyHosts())
				.build());
		}
		Duration deadline = timeout.getDeadline();
		if (deadline != null) {
			builder.defaultOptions((options) -> options.deadline(deadline));
		}
	}

}
