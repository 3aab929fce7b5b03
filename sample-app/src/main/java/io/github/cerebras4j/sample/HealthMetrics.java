package io.github.cerebras4j.sample;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The actuator's health as a metric, which Spring Boot does not export: the gauge {@value #NAME} is 1 while a
 * component is {@code UP} and 0 otherwise, tagged {@code component} ({@code all} for the whole application,
 * {@code cerebras} for the Cerebras health check). Read at each scrape; the Cerebras check reuses its result for
 * {@code cerebras.health.cache-ttl}, so scrapes never hammer the API. The dashboard's Health panel shows it; copy this
 * class into an application to have it there too.
 */
@Configuration(proxyBeanMethods = false)
class HealthMetrics {

	static final String NAME = "application.health";

	@Bean
	MeterBinder healthGauges(HealthEndpoint health) {
		return (registry) -> {
			Gauge.builder(NAME, health, (endpoint) -> up(endpoint.health()))
				.description("1 while the application's health is UP, 0 otherwise")
				.tag("component", "all")
				.register(registry);
			Gauge.builder(NAME, health, (endpoint) -> up(endpoint.healthForPath("cerebras")))
				.description("1 while the component's health is UP, 0 otherwise")
				.tag("component", "cerebras")
				.register(registry);
		};
	}

	private static double up(HealthDescriptor health) {
		if (health == null) {
			return Double.NaN;
		}
		return Status.UP.equals(health.getStatus()) ? 1 : 0;
	}

}
