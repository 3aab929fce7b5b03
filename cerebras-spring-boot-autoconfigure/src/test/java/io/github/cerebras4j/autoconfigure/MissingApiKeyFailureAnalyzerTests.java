package io.github.cerebras4j.autoconfigure;

import java.util.Map;

import io.github.cerebras4j.client.error.MissingApiKeyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static io.github.cerebras4j.autoconfigure.CerebrasApiStub.environment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link MissingApiKeyFailureAnalyzer}.
 */
@ExtendWith(OutputCaptureExtension.class)
class MissingApiKeyFailureAnalyzerTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CerebrasAutoConfiguration.class))
		.withInitializer(environment(Map.of()));

	@Test
	void missingKeyIsExplainedWithWhatToSet() {
		this.contextRunner.run((context) -> {
			FailureAnalysis analysis = new MissingApiKeyFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("No Cerebras API key was configured")
				.contains("cerebras.api-key")
				.contains("CEREBRAS_API_KEY");
			assertThat(analysis.getAction()).contains("cerebras.api-key")
				.contains("api-key: <your API key>")
				.contains("CEREBRAS_API_KEY")
				.contains("CerebrasConnectionDetails");
			assertThat(analysis.getCause()).isInstanceOf(MissingApiKeyException.class);
		});
	}

	@Test
	void blankKeyIsExplainedWithWhatToSet() {
		this.contextRunner.withPropertyValues("cerebras.api-key= ").run((context) -> {
			FailureAnalysis analysis = new MissingApiKeyFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("cerebras.api-key").contains("CEREBRAS_API_KEY");
			assertThat(analysis.getAction()).contains("cerebras.api-key").contains("CEREBRAS_API_KEY");
		});
	}

	@Test
	void otherFailuresAreLeftToOtherAnalyzers() {
		assertThat(new MissingApiKeyFailureAnalyzer().analyze(new BeanCreationException("other"))).isNull();
	}

	@Test
	void startUpFailureReportShowsTheAnalysis(CapturedOutput output) {
		SpringApplication application = new SpringApplication(MinimalApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.addInitializers(environment(Map.of()));
		assertThatException().isThrownBy(() -> application.run("--spring.main.banner-mode=off"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("No Cerebras API key was configured")
			.contains("CEREBRAS_API_KEY environment variable");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(CerebrasAutoConfiguration.class)
	static class MinimalApplication {

	}

}
