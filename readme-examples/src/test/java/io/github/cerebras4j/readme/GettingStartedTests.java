package io.github.cerebras4j.readme;

import io.github.cerebras4j.autoconfigure.CerebrasConnectionDetails;
import io.github.cerebras4j.test.CerebrasMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's getting started: an application with the starter and the {@link Assistant} needs nothing but the
 * {@code CEREBRAS_API_KEY} environment variable (this module's build sets it, and {@code CEREBRAS_BASE_URL} to the
 * mock server), or the key as {@code cerebras.api-key}.
 */
@ExtendWith(EnvironmentMockServer.class)
class GettingStartedTests {

	@Test
	void environmentVariableIsAllTheConfigurationNeeded(CerebrasMockServer server) {
		server.reply("Paris.");
		try (ConfigurableApplicationContext context = application().run()) {
			assertThat(context.getBean(CerebrasConnectionDetails.class).apiKey())
				.isEqualTo(CerebrasMockServer.TEST_API_KEY);
			assertThat(context.getBean(Assistant.class).answer("Capital of France?")).isEqualTo("Paris.");
		}
	}

	@Test
	void orTheKeyInTheApplicationsConfiguration(CerebrasMockServer server) {
		server.reply("Paris.");
		// environment variables outrank application.yml: leave them out, as on a machine without CEREBRAS_API_KEY
		StandardEnvironment withoutVariables = new StandardEnvironment() {

			@Override
			protected void customizePropertySources(MutablePropertySources propertySources) {
			}

		};
		try (ConfigurableApplicationContext context = application().environment(withoutVariables)
			.properties("cerebras.api-key=csk-from-application-yml", "cerebras.base-url=" + server.baseUrl())
			.run()) {
			assertThat(context.getBean(CerebrasConnectionDetails.class).apiKey())
				.isEqualTo("csk-from-application-yml");
			assertThat(context.getBean(Assistant.class).answer("Capital of France?")).isEqualTo("Paris.");
		}
	}

	private static SpringApplicationBuilder application() {
		return new SpringApplicationBuilder(ReadmeApplication.class).web(WebApplicationType.NONE);
	}

}
