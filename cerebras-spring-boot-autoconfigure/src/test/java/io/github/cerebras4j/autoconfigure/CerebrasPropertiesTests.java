package io.github.cerebras4j.autoconfigure;

import java.time.Duration;
import java.util.Map;

import io.github.cerebras4j.client.CerebrasTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.github.cerebras4j.autoconfigure.CerebrasApiStub.API_KEY;
import static io.github.cerebras4j.autoconfigure.CerebrasApiStub.environment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CerebrasProperties}: how {@code cerebras.*} binds, and the checks that fail start-up on a wrong
 * value with a message naming the property.
 */
class CerebrasPropertiesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CerebrasAutoConfiguration.class))
		.withInitializer(environment(Map.of()))
		.withPropertyValues("cerebras.api-key=" + API_KEY);

	@Test
	void defaultsAreValid() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(CerebrasTemplate.class));
	}

	@Test
	void durationsBindInEveryFormat() {
		this.contextRunner
			.withPropertyValues("cerebras.timeout.connect=500ms", "cerebras.timeout.response=PT2S",
					"cerebras.timeout.stream-idle=2s", "cerebras.timeout.deadline=1m")
			.run((context) -> {
				CerebrasProperties.Timeout timeout = context.getBean(CerebrasProperties.class).getTimeout();
				assertThat(timeout.getConnect()).isEqualTo(Duration.ofMillis(500));
				assertThat(timeout.getResponse()).isEqualTo(Duration.ofSeconds(2));
				assertThat(timeout.getStreamIdle()).isEqualTo(Duration.ofSeconds(2));
				assertThat(timeout.getDeadline()).isEqualTo(Duration.ofMinutes(1));
			});
	}

	@Test
	@SuppressWarnings("removal")
	void deprecatedOverallStillSetsTheDeadline() {
		this.contextRunner.withPropertyValues("cerebras.timeout.overall=90s").run((context) -> {
			CerebrasProperties.Timeout timeout = context.getBean(CerebrasProperties.class).getTimeout();
			assertThat(timeout.getDeadline()).isEqualTo(Duration.ofSeconds(90));
			assertThat(timeout.getOverall()).isEqualTo(Duration.ofSeconds(90));
		});
	}

	@Test
	void deprecatedOverallStillSetsTheDeadlineFromTheEnvironment() {
		this.contextRunner.withInitializer(environment(Map.of("CEREBRAS_TIMEOUT_OVERALL", "90s")))
			.run((context) -> assertThat(context.getBean(CerebrasProperties.class).getTimeout().getDeadline())
				.isEqualTo(Duration.ofSeconds(90)));
	}

	@Test
	void deadlineWinsOverItsDeprecatedAlias() {
		this.contextRunner.withPropertyValues("cerebras.timeout.overall=90s", "cerebras.timeout.deadline=30s")
			.run((context) -> assertThat(context.getBean(CerebrasProperties.class).getTimeout().getDeadline())
				.isEqualTo(Duration.ofSeconds(30)));
	}

	@Test
	void defaultHeadersBindAsAMapKeepingTheHeaderNames() {
		this.contextRunner.withPropertyValues("cerebras.default-headers.X-Team=a", "cerebras.default-headers.X-Env=prod")
			.run((context) -> assertThat(context.getBean(CerebrasProperties.class).getDefaultHeaders())
				.containsExactlyInAnyOrderEntriesOf(Map.of("X-Team", "a", "X-Env", "prod")));
	}

	@Test
	void kebabCaseAndCamelCaseNamesBind() {
		this.contextRunner
			.withPropertyValues("cerebras.retry.max-retries=4", "cerebras.retry.initialDelay=250ms",
					"cerebras.pool.max_connections=8", "cerebras.warm-up.connections=3")
			.run((context) -> {
				CerebrasProperties properties = context.getBean(CerebrasProperties.class);
				assertThat(properties.getRetry().getMaxRetries()).isEqualTo(4);
				assertThat(properties.getRetry().getInitialDelay()).isEqualTo(Duration.ofMillis(250));
				assertThat(properties.getPool().getMaxConnections()).isEqualTo(8);
				assertThat(properties.getWarmUp().getConnections()).isEqualTo(3);
			});
	}

	@Test
	void environmentVariablesBind() {
		this.contextRunner
			.withInitializer(environment(Map.of("CEREBRAS_BASE_URL", "https://proxy.example.com/cerebras",
					"CEREBRAS_RETRY_MAXRETRIES", "5", "CEREBRAS_TIMEOUT_STREAMIDLE", "15s",
					"CEREBRAS_WARMUP_ENABLED", "false")))
			.run((context) -> {
				CerebrasProperties properties = context.getBean(CerebrasProperties.class);
				assertThat(properties.getBaseUrl()).isEqualTo("https://proxy.example.com/cerebras");
				assertThat(properties.getRetry().getMaxRetries()).isEqualTo(5);
				assertThat(properties.getTimeout().getStreamIdle()).isEqualTo(Duration.ofSeconds(15));
				assertThat(properties.getWarmUp().isEnabled()).isFalse();
			});
	}

	@Test
	void baseUrlWithUserInformationFailsStartUpWithoutShowingIt() {
		this.contextRunner.withPropertyValues("cerebras.base-url=https://user:hunter2@api.cerebras.ai").run((context) -> {
			assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(BindValidationException.class)
				.hasMessageContaining("cerebras.base-url must be an absolute http or https URL without user information")
				.hasMessageContaining("https://***@api.cerebras.ai")
				.hasMessageNotContaining("hunter2");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "ftp://user:hunter2@api.cerebras.ai", "http://user:hunter2@host name",
			"https://user:hunter2@api.cerebras.ai/v1?x=1", "user:hunter2@api.cerebras.ai" })
	void otherwiseInvalidBaseUrlWithUserInformationIsNotShownEither(String baseUrl) {
		this.contextRunner.withPropertyValues("cerebras.base-url=" + baseUrl)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(BindValidationException.class)
				.hasMessageContaining("cerebras.base-url must be an absolute http or https URL")
				.hasMessageNotContaining("hunter2"));
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', textBlock = """
			base-url                     | api.cerebras.ai
			base-url                     | ftp://api.cerebras.ai
			base-url                     | https://api.cerebras.ai?x=1
			base-url                     | ''
			timeout.connect              | 0s
			timeout.response             | -1s
			timeout.stream-idle          | 0ms
			timeout.deadline             | 0s
			timeout.overall              | 0s
			timeout.non-streaming-deadline | 0s
			limits.max-event-size        | 0B
			limits.max-event-size        | 2GB
			limits.max-partial-text      | -1
			retry.max-retries            | -1
			retry.initial-delay          | -10ms
			retry.max-delay              | 100ms
			retry.multiplier             | 0.5
			retry.jitter                 | 1.5
			retry.jitter                 | -0.1
			retry.max-retry-after        | -1s
			pool.max-connections         | 0
			pool.pending-acquire-timeout | 0s
			pool.max-idle-time           | -5s
			warm-up.connections          | 0
			health.timeout               | 0s
			health.cache-ttl             | -1s
			metrics.percentiles          | 1.5
			metrics.buckets              | 0ms
			metrics.max-model-tags       | -1
			""")
	void wrongValueFailsStartUpNamingTheProperty(String property, String value) {
		this.contextRunner.withPropertyValues("cerebras." + property + "=" + value).run((context) -> {
			assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(BindValidationException.class)
				.hasMessageContaining("cerebras." + property + " must");
			assertThat(context.getStartupFailure().getCause().getMessage()).doesNotContain(API_KEY);
		});
	}

	@Test
	void authorizationCannotBeADefaultHeader() {
		this.contextRunner.withPropertyValues("cerebras.default-headers.Authorization=Bearer x")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(BindValidationException.class)
				.hasMessageContaining("cerebras.default-headers must not set Authorization"));
	}

	@Test
	void aWrongDeadlineIsReportedUnderTheNameItWasSetBy() {
		this.contextRunner.withPropertyValues("cerebras.timeout.overall=-1s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("cerebras.timeout.overall must be positive, was -1s")
				.hasMessageNotContaining("cerebras.timeout.deadline must"));
		this.contextRunner.withPropertyValues("cerebras.timeout.deadline=-1s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("cerebras.timeout.deadline must be positive, was -1s")
				.hasMessageNotContaining("cerebras.timeout.overall must"));
	}

	@Test
	void messagesAreTheClientsOwnUnderThePropertyNames() {
		this.contextRunner
			.withPropertyValues("cerebras.retry.initial-delay=500ms", "cerebras.retry.max-delay=100ms",
					"cerebras.limits.max-event-size=2GB", "cerebras.timeout.response=0s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("cerebras.retry.max-delay must not be shorter than cerebras.retry.initial-delay "
						+ "(500ms), was 100ms")
				.hasMessageContaining("cerebras.limits.max-event-size must be positive and at most 1GB, was 2GB")
				.hasMessageContaining("cerebras.timeout.response must be positive, was 0s"));
	}

	@Test
	void everyWrongValueIsReportedAtOnce() {
		this.contextRunner.withPropertyValues("cerebras.retry.jitter=2", "cerebras.pool.max-connections=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("cerebras.retry.jitter must be between 0 and 1, was 2.0")
				.hasMessageContaining("cerebras.pool.max-connections must be at least 1, was 0"));
	}


	@Test
	void proxyBindsFromPropertiesAndEnvironmentVariables() {
		this.contextRunner
			.withInitializer(environment(Map.of("CEREBRAS_PROXY_HOST", "proxy.example.com", "CEREBRAS_PROXY_PORT", "3128",
					"CEREBRAS_PROXY_USERNAME", "alice", "CEREBRAS_PROXY_PASSWORD", "hunter2")))
			.withPropertyValues("cerebras.proxy.non-proxy-hosts=localhost|.*\\.internal")
			.run((context) -> {
				CerebrasProperties properties = context.getBean(CerebrasProperties.class);
				assertThat(properties.getProxy().getHost()).isEqualTo("proxy.example.com");
				assertThat(properties.getProxy().getPort()).isEqualTo(3128);
				assertThat(properties.getProxy().getUsername()).isEqualTo("alice");
				assertThat(properties.getProxy().getPassword()).isEqualTo("hunter2");
				assertThat(properties.getProxy().getNonProxyHosts()).isEqualTo("localhost|.*\\.internal");
				assertThat(properties.getProxy()).hasToString("Proxy[host=proxy.example.com, port=3128, username=alice, "
						+ "password=[set], nonProxyHosts=localhost|.*\\.internal]");
			});
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			cerebras.proxy.port=3128                                   | cerebras.proxy.host must be set when another cerebras.proxy.* property is
			cerebras.proxy.host=proxy,cerebras.proxy.port=0             | cerebras.proxy.port must be between 1 and 65535, was 0
			cerebras.proxy.host=proxy                                  | cerebras.proxy.port must be set when cerebras.proxy.host is
			cerebras.proxy.host=http://proxy,cerebras.proxy.port=3128   | cerebras.proxy.host must be a host name or an IP address, without scheme or port
			cerebras.proxy.host=proxy,cerebras.proxy.port=3128,cerebras.proxy.username=alice | cerebras.proxy.username is set without cerebras.proxy.password; set both or neither
			cerebras.proxy.host=proxy,cerebras.proxy.port=3128,cerebras.proxy.password=hunter2 | cerebras.proxy.password is set without cerebras.proxy.username; set both or neither
			cerebras.proxy.host=proxy,cerebras.proxy.port=3128,cerebras.proxy.non-proxy-hosts=*.internal | cerebras.proxy.non-proxy-hosts must be a regular expression
			""")
	void wrongProxyFailsStartUpNamingThePropertyAndNeverThePassword(String properties, String message) {
		this.contextRunner.withPropertyValues(properties.split(",")).run((context) -> {
			assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(BindValidationException.class)
				.hasMessageContaining(message);
			assertThat(context.getStartupFailure().getCause().getMessage()).doesNotContain("hunter2");
		});
	}

}
