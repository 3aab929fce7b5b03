package io.github.cerebras4j.autoconfigure;

import java.time.Duration;

import io.github.cerebras4j.client.CerebrasClientBuilder;

/**
 * Applies the {@code cerebras.*} timeouts ({@code cerebras.timeout.deadline} as the deadline of the default request
 * options), limits, pool settings, default headers and warm-up size to the builder, each through the builder method
 * of the same name. The builder itself never warms up: {@link CerebrasWarmUp} does once the application is ready.
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
		Duration deadline = timeout.getDeadline();
		if (deadline != null) {
			builder.defaultOptions((options) -> options.deadline(deadline));
		}
	}

}
