package io.github.cerebras4j.autoconfigure.health;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cerebras4j.autoconfigure.CerebrasAutoConfiguration;
import io.github.cerebras4j.autoconfigure.health.HealthWireMock.ReceivedRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static io.github.cerebras4j.autoconfigure.health.HealthWireMock.WARMING;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the {@code cerebras} indicator fits Kubernetes probes, with Boot's own health endpoint and probe groups and the
 * Cerebras API down (the warming endpoint answers 503): never in liveness, in readiness only when the application
 * says so, and out of the root status with {@code cerebras.health.include-in-root=false}.
 */
class CerebrasHealthProbesTests {

	private static final ReceivedRequests received = new ReceivedRequests();

	@RegisterExtension
	static final WireMockExtension server = HealthWireMock.server(received);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CerebrasAutoConfiguration.class,
				CerebrasHealthContributorAutoConfiguration.class, ApplicationAvailabilityAutoConfiguration.class,
				HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
				AvailabilityHealthContributorAutoConfiguration.class, AvailabilityProbesAutoConfiguration.class,
				HealthEndpointAutoConfiguration.class))
		.withPropertyValues("cerebras.api-key=" + HealthWireMock.API_KEY,
				"cerebras.base-url=" + HealthWireMock.baseUrl(server), "cerebras.retry.max-retries=0",
				"cerebras.warm-up.enabled=false", "management.endpoint.health.probes.enabled=true");

	@BeforeEach
	void cerebrasIsDown() {
		received.reset();
		server.stubFor(get(WARMING).willReturn(aResponse().withStatus(503)));
	}

	@Test
	void cerebrasIsInTheRootStatusButInNeitherProbeByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(status(context)).isEqualTo(Status.DOWN);
			assertThat(status(context, "cerebras")).isEqualTo(Status.DOWN);
			assertThat(status(context, "liveness")).isEqualTo(Status.UP);
			assertThat(status(context, "readiness")).isEqualTo(Status.UP);
		});
	}

	@Test
	void readinessIncludesCerebrasWhenTheApplicationCannotServeWithoutIt() {
		this.contextRunner
			.withPropertyValues("management.endpoint.health.group.readiness.include=readinessState,cerebras")
			.run((context) -> {
				assertThat(status(context, "readiness")).isEqualTo(Status.DOWN);
				assertThat(status(context, "liveness")).isEqualTo(Status.UP);
			});
	}

	@Test
	void includeInRootFalseKeepsCerebrasOutOfTheRootStatusButInTheGroupsThatIncludeIt() {
		this.contextRunner
			.withPropertyValues("cerebras.health.include-in-root=false",
					"management.endpoint.health.group.readiness.include=readinessState,cerebras",
					"management.endpoint.health.group.upstream.include=cerebras")
			.run((context) -> {
				assertThat(status(context)).isEqualTo(Status.UP);
				assertThat(context.getBean(HealthEndpoint.class).healthForPath("cerebras")).isNull();
				assertThat(status(context, "readiness")).isEqualTo(Status.DOWN);
				assertThat(status(context, "upstream")).isEqualTo(Status.DOWN);
				assertThat(status(context, "liveness")).isEqualTo(Status.UP);
			});
	}

	@Test
	void includeInRootFalseLeavesTheOtherIndicatorsInTheRootStatus() {
		this.contextRunner.withPropertyValues("cerebras.health.include-in-root=false")
			.run((context) -> assertThat(context.getBean(HealthEndpoint.class).healthForPath("livenessState"))
				.isNotNull());
	}

	private static Status status(AssertableApplicationContext context, String... path) {
		// what SpringApplication announces once the application is ready; a context runner announces nothing
		AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
		AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
		HealthEndpoint endpoint = context.getBean(HealthEndpoint.class);
		return ((path.length == 0) ? endpoint.health() : endpoint.healthForPath(path)).getStatus();
	}

}
