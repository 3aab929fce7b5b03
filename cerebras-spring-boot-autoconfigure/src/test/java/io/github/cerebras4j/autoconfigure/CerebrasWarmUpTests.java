package io.github.cerebras4j.autoconfigure;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cerebras4j.client.ReactiveCerebrasTemplate;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.cerebras4j.autoconfigure.CerebrasApiStub.API_KEY;
import static io.github.cerebras4j.autoconfigure.CerebrasApiStub.WARMING;
import static io.github.cerebras4j.autoconfigure.CerebrasApiStub.environment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link CerebrasWarmUp}: connections are warmed up with {@code GET /v1/tcp_warming} once the application
 * is ready, in the background, and never at the expense of start-up.
 */
@ExtendWith(OutputCaptureExtension.class)
class CerebrasWarmUpTests {

	@RegisterExtension
	static WireMockExtension server = CerebrasApiStub.server();

	private final WarmUpObservations warmUps = new WarmUpObservations();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CerebrasAutoConfiguration.class, WebClientAutoConfiguration.class))
		.withInitializer(environment(Map.of()))
		.withPropertyValues("cerebras.api-key=" + API_KEY);

	@Test
	void warmsUpTheConfiguredConnectionsOnceTheApplicationIsReady() {
		server.stubFor(get(urlPathEqualTo(WARMING)).willReturn(okJson("{}")));
		onServer().withPropertyValues("cerebras.warm-up.connections=2").run((context) -> {
			publishReady(context);
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> server.verify(2, getRequestedFor(urlPathEqualTo(WARMING))
					.withHeader("Authorization", equalTo("Bearer " + API_KEY))));
		});
	}

	@Test
	void doesNotWarmUpBeforeTheApplicationIsReady() {
		server.stubFor(get(urlPathEqualTo(WARMING)).willReturn(okJson("{}")));
		onServer().withBean(ObservationRegistry.class, this.warmUps::registry).run((context) -> {
			assertThat(context).hasSingleBean(CerebrasWarmUp.class).hasSingleBean(ReactiveCerebrasTemplate.class);
			// the templates are built, and a warm-up starts its observation on the thread that asks for it
			assertThat(this.warmUps.events()).isEmpty();
			assertThat(server.findAll(getRequestedFor(urlPathEqualTo(WARMING)))).isEmpty();

			publishReady(context);
			assertThat(this.warmUps.events()).first().isEqualTo(WarmUpObservations.STARTED);
		});
	}

	@Test
	void doesNotWarmUpWhenDisabled() {
		server.stubFor(get(urlPathEqualTo(WARMING)).willReturn(okJson("{}")));
		onServer().withBean(ObservationRegistry.class, this.warmUps::registry)
			.withPropertyValues("cerebras.warm-up.enabled=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(CerebrasWarmUp.class);
				publishReady(context);
				// neither the templates' build nor the ready event asked for a warm-up
				assertThat(this.warmUps.events()).isEmpty();
				assertThat(server.findAll(getRequestedFor(urlPathEqualTo(WARMING)))).isEmpty();
			});
	}

	@Test
	void slowApiDoesNotDelayTheReadyEvent() {
		// the server keeps the warming request 3 s: the warm-up ends only at its own 1 s timeout
		server.stubFor(get(urlPathEqualTo(WARMING)).willReturn(aResponse().withStatus(200).withFixedDelay(3000)));
		onServer().withBean(ObservationRegistry.class, this.warmUps::registry).run((context) -> {
			publishReady(context);
			this.warmUps.note("ready event handled");
			this.warmUps.awaitEnd();

			// a listener that waited for the warm-up would have returned after it ended
			assertThat(this.warmUps.events()).containsExactly(WarmUpObservations.STARTED, "ready event handled",
					WarmUpObservations.ENDED);
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> server.verify(1, getRequestedFor(urlPathEqualTo(WARMING))));
		});
	}

	@Test
	void warmsUpWhenSpringApplicationHasStarted() {
		server.stubFor(get(urlPathEqualTo(WARMING)).willReturn(okJson("{}")));
		try (ConfigurableApplicationContext context = run("--cerebras.base-url=" + server.baseUrl())) {
			assertThat(context).isNotNull();
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> server.verify(1, getRequestedFor(urlPathEqualTo(WARMING))));
		}
	}

	@Test
	void unreachableApiFailsNeitherStartUpNorTheApplication(CapturedOutput output) throws IOException {
		try (ConfigurableApplicationContext context = run("--cerebras.base-url=http://127.0.0.1:" + freePort(),
				"--logging.level.io.github.cerebras4j.client.ConnectionWarmer=debug")) {
			assertThat(context.isActive()).isTrue();
			await().atMost(Duration.ofSeconds(5)).until(() -> output.toString().contains("Warmed up 0 of 1 connections"));
			assertThat(context.isActive()).isTrue();
		}
	}

	private ApplicationContextRunner onServer() {
		return this.contextRunner.withPropertyValues("cerebras.base-url=" + server.baseUrl());
	}

	private static void publishReady(AssertableApplicationContext context) {
		context.publishEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0],
				context.getSourceApplicationContext(), Duration.ZERO));
	}

	private static ConfigurableApplicationContext run(String... args) {
		SpringApplication application = new SpringApplication(MinimalApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.addInitializers(environment(Map.of()));
		String[] all = new String[args.length + 2];
		all[0] = "--cerebras.api-key=" + API_KEY;
		all[1] = "--spring.main.banner-mode=off";
		System.arraycopy(args, 0, all, 2, args.length);
		return application.run(all);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ CerebrasAutoConfiguration.class, WebClientAutoConfiguration.class })
	static class MinimalApplication {

	}

}
