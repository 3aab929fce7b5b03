package io.github.cerebras4j.autoconfigure;

import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cerebras4j.autoconfigure.health.CerebrasHealthContributorAutoConfiguration;
import io.github.cerebras4j.autoconfigure.health.CerebrasHealthIndicator;
import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.client.ReactiveCerebrasTemplate;
import io.github.cerebras4j.client.error.CerebrasConnectionException;
import io.github.cerebras4j.client.fixtures.ForwardingProxy;
import io.github.cerebras4j.client.fixtures.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.cerebras4j.autoconfigure.CerebrasApiStub.API_KEY;
import static io.github.cerebras4j.autoconfigure.CerebrasApiStub.MODELS;
import static io.github.cerebras4j.autoconfigure.CerebrasApiStub.WARMING;
import static io.github.cerebras4j.autoconfigure.CerebrasApiStub.environment;
import static io.github.cerebras4j.autoconfigure.CerebrasApiStub.modelList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The auto-configured client on corporate networks: {@code cerebras.proxy.*} sends calls, warm-ups and health checks
 * through a proxy ({@link ForwardingProxy}, on 127.0.0.1) except to the non-proxy hosts; {@code cerebras.ssl.bundle}
 * makes the client trust what a Spring Boot SSL bundle trusts, and an unknown name fails start-up naming the
 * property; every {@link CerebrasHttpClientCustomizer} bean is applied, in order.
 */
class NetworkAutoConfigurationTests {

	private static final TestCertificates.Certificate LOCALHOST = TestCertificates.localhost();

	@RegisterExtension
	static WireMockExtension server = CerebrasApiStub.server();

	@RegisterExtension
	static WireMockExtension httpsServer = WireMockExtension.newInstance()
		.options(WireMockConfiguration.wireMockConfig()
			.bindAddress("127.0.0.1")
			.httpDisabled(true)
			.dynamicHttpsPort()
			.keystoreType("PKCS12")
			.keystorePath(LOCALHOST.keyStore().toString())
			.keystorePassword(TestCertificates.PASSWORD)
			.keyManagerPassword(TestCertificates.PASSWORD))
		.build();

	private static final String PROXY_PASSWORD = "proxy-s3cret-4d2a";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CerebrasAutoConfiguration.class, SslAutoConfiguration.class,
				CerebrasHealthContributorAutoConfiguration.class))
		.withInitializer(environment(Map.of()))
		.withPropertyValues("cerebras.api-key=" + API_KEY, "cerebras.retry.max-retries=0");

	@Test
	void callsWarmUpsAndHealthChecksGoThroughTheProxyOfTheProperties() throws Exception {
		// Connection: close, so that each exchange opens a tunnel of its own, which the proxy counts
		server.stubFor(get(urlPathEqualTo(MODELS)).willReturn(okJson(modelList()).withHeader("Connection", "close")));
		server.stubFor(get(WARMING).willReturn(okJson("{}").withHeader("Connection", "close")));
		try (ForwardingProxy proxy = ForwardingProxy.withCredentials("alice", PROXY_PASSWORD)) {
			this.contextRunner
				.withPropertyValues("cerebras.base-url=http://127.0.0.1:" + server.getPort(),
						"cerebras.proxy.host=127.0.0.1", "cerebras.proxy.port=" + proxy.port(),
						"cerebras.proxy.username=alice", "cerebras.proxy.password=" + PROXY_PASSWORD)
				.run((context) -> {
					assertThat(context.getBean(CerebrasTemplate.class).models().list().data()).hasSize(1);
					assertThat(context.getBean(ReactiveCerebrasTemplate.class).warmUp().join().isComplete()).isTrue();
					Health health = context.getBean(CerebrasHealthIndicator.class).health().block(Duration.ofSeconds(10));
					assertThat(health.getStatus()).isEqualTo(Status.UP);
				});
			assertThat(proxy.tunnels()).isEqualTo(3);
			assertThat(proxy.requestLines()).containsOnly("CONNECT 127.0.0.1:" + server.getPort() + " HTTP/1.1");
		}
	}

	@Test
	void refusedProxyCredentialsAreAProxyErrorAndTheHealthCheckIsDownWithoutThePassword() throws Exception {
		try (ForwardingProxy proxy = ForwardingProxy.withCredentials("alice", "the-right-one")) {
			this.contextRunner
				.withPropertyValues("cerebras.base-url=http://127.0.0.1:" + server.getPort(),
						"cerebras.proxy.host=127.0.0.1", "cerebras.proxy.port=" + proxy.port(),
						"cerebras.proxy.username=alice", "cerebras.proxy.password=" + PROXY_PASSWORD)
				.run((context) -> {
					assertThatExceptionOfType(CerebrasConnectionException.class)
						.isThrownBy(() -> context.getBean(CerebrasTemplate.class).models().list())
						.withMessageStartingWith("Proxy error: ")
						.withMessageNotContaining(PROXY_PASSWORD);
					Health health = context.getBean(CerebrasHealthIndicator.class).health().block(Duration.ofSeconds(10));
					assertThat(health.getStatus()).isEqualTo(Status.DOWN);
					assertThat(health.toString()).doesNotContain(PROXY_PASSWORD);
				});
			assertThat(proxy.refusals()).isEqualTo(2);
		}
		server.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void nonProxyHostsAreReachedDirectly() throws Exception {
		server.stubFor(get(urlPathEqualTo(MODELS)).willReturn(okJson(modelList())));
		try (ForwardingProxy proxy = ForwardingProxy.open()) {
			ApplicationContextRunner proxied = this.contextRunner.withPropertyValues(
					"cerebras.base-url=http://localhost:" + server.getPort(), "cerebras.proxy.host=127.0.0.1",
					"cerebras.proxy.port=" + proxy.port());
			proxied.withPropertyValues("cerebras.proxy.non-proxy-hosts=localhost|.*\\.internal")
				.run((context) -> context.getBean(CerebrasTemplate.class).models().list());
			assertThat(proxy.tunnels()).isZero();

			proxied.run((context) -> context.getBean(CerebrasTemplate.class).models().list());
			assertThat(proxy.tunnels()).isEqualTo(1);
		}
		server.verify(2, getRequestedFor(urlPathEqualTo(MODELS)));
	}

	@Test
	void sslBundleMakesTheClientTrustTheServer() {
		httpsServer.stubFor(get(urlPathEqualTo(MODELS)).willReturn(okJson(modelList())));
		httpsServer.stubFor(get(WARMING).willReturn(okJson("{}")));
		ApplicationContextRunner onHttps = this.contextRunner
			.withPropertyValues("cerebras.base-url=https://127.0.0.1:" + httpsServer.getHttpsPort());
		onHttps.run((context) -> assertThatExceptionOfType(CerebrasConnectionException.class)
			.isThrownBy(() -> context.getBean(CerebrasTemplate.class).models().list())
			.withMessageStartingWith("TLS error: "));
		onHttps
			.withPropertyValues("spring.ssl.bundle.jks.corporate.truststore.location=file:" + LOCALHOST.trustStore().toAbsolutePath(),
					"spring.ssl.bundle.jks.corporate.truststore.password=" + TestCertificates.PASSWORD,
					"spring.ssl.bundle.jks.corporate.truststore.type=PKCS12", "cerebras.ssl.bundle=corporate")
			.run((context) -> {
				assertThat(context.getBean(CerebrasTemplate.class).models().list().data()).hasSize(1);
				assertThat(context.getBean(ReactiveCerebrasTemplate.class).warmUp().join().isComplete()).isTrue();
				Health health = context.getBean(CerebrasHealthIndicator.class).health().block(Duration.ofSeconds(10));
				assertThat(health.getStatus()).isEqualTo(Status.UP);
			});
	}

	@Test
	void unknownSslBundleFailsStartUpNamingTheProperty() {
		this.contextRunner.withPropertyValues("cerebras.ssl.bundle=corporate")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessage("Property cerebras.ssl.bundle with value 'corporate' is invalid: No SSL bundle is named "
						+ "'corporate': configure it under spring.ssl.bundle.jks.corporate or "
						+ "spring.ssl.bundle.pem.corporate, or set cerebras.ssl.bundle to the name of a configured "
						+ "bundle"));
	}

	@Test
	void httpClientCustomizersAreAppliedInOrder() {
		server.stubFor(get(urlPathEqualTo(MODELS)).willReturn(okJson(modelList())));
		this.contextRunner.withPropertyValues("cerebras.base-url=" + server.baseUrl())
			.withUserConfiguration(HttpClientCustomizerConfiguration.class)
			.run((context) -> context.getBean(CerebrasTemplate.class).models().list());
		server.verify(getRequestedFor(urlPathEqualTo(MODELS)).withHeader("X-Order", equalTo("second"))
			.withHeader("X-First", equalTo("yes")));
	}

	@Configuration(proxyBeanMethods = false)
	static class HttpClientCustomizerConfiguration {

		@Bean
		@Order(2)
		CerebrasHttpClientCustomizer second() {
			return (httpClient) -> httpClient.headers((headers) -> headers.set("X-Order", "second"));
		}

		@Bean
		@Order(1)
		CerebrasHttpClientCustomizer first() {
			return (httpClient) -> httpClient.headers((headers) -> headers.set("X-Order", "first").set("X-First", "yes"));
		}

	}

}
