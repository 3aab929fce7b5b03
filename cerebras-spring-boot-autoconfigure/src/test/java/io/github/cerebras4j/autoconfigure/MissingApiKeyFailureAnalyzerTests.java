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
	void unresolvedPlaceholderFailsStartUpAndIsExplainedWithWhatToSet() {
		this.contextRunner.withPropertyValues("cerebras.api-key=${CEREBRAS_API_KEY}").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().isInstanceOf(MissingApiKeyException.class);
			FailureAnalysis analysis = new MissingApiKeyFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("unresolved placeholder")
				.contains("${CEREBRAS_API_KEY}")
				.contains("cerebras.api-key");
			assertThat(analysis.getAction()).contains("CEREBRAS_API_KEY environment variable")
				.contains("cerebras.api-key")
				.contains("CerebrasConnectionDetails");
		});
	}

	@Test
	void unresolvedPlaceholderWithOtherNameIsExplainedByItsName() {
		this.contextRunner.withPropertyValues("cerebras.api-key=${vault.cerebras.key}").run((context) -> {
			FailureAnalysis analysis = new MissingApiKeyFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("${vault.cerebras.key}");
			assertThat(analysis.getAction()).contains("vault.cerebras.key").contains("CEREBRAS_API_KEY");
		});
	}

	@Test
	void keyWrittenInsideAPlaceholderIsNotShown() {
		this.contextRunner.withPropertyValues("cerebras.api-key=${csk-secret-4e8b1d7a}").run((context) -> {
			assertThat(context.getStartupFailure()).rootCause().message().doesNotContain("secret");
			FailureAnalysis analysis = new MissingApiKeyFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("unresolved placeholder ${...}").doesNotContain("secret");
			assertThat(analysis.getAction()).doesNotContain("secret");
		});
	}

	@Test
	void placeholderResolvedByTheEnvironmentVariableStartsTheApplication() {
		this.contextRunner.withInitializer(environment(Map.of("CEREBRAS_API_KEY", "csk-from-environment")))
			.withPropertyValues("cerebras.api-key=${CEREBRAS_API_KEY}", "cerebras.warm-up.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(CerebrasConnectionDetails.class).apiKey()).isEqualTo("csk-from-environment");
			});
	}

	@Test
	void environmentVariableAloneSetsTheKey() {
		this.contextRunner.withInitializer(environment(Map.of("CEREBRAS_API_KEY", "csk-from-environment")))
			.withPropertyValues("cerebras.warm-up.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(CerebrasConnectionDetails.class).apiKey()).isEqualTo("csk-from-environment");
			});
	}

	@Test
	void keyWithWhitespaceInsideFailsStartUpWithoutShowingTheKey() {
		this.contextRunner.withPropertyValues("cerebras.api-key=csk-secret-part1 csk-secret-part2").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(MissingApiKeyException.class)
				.message()
				.doesNotContain("secret-part");
			FailureAnalysis analysis = new MissingApiKeyFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("whitespace or control character")
				.contains("cerebras.api-key")
				.doesNotContain("secret-part");
			assertThat(analysis.getAction()).contains("cerebras.api-key").doesNotContain("secret-part");
		});
	}

	@Test
	void keyWithAControlCharacterInsideFailsStartUp() {
		this.contextRunner.withPropertyValues("cerebras.api-key=csk-secret\u0007tail").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new MissingApiKeyFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("whitespace or control character").doesNotContain("secret");
		});
	}

	@Test
	void surroundingWhitespaceIsTrimmedNotRejected() {
		this.contextRunner.withPropertyValues("cerebras.api-key=csk-valid-key\n", "cerebras.warm-up.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed());
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

	@Test
	void startUpFailureReportExplainsAnUnresolvedPlaceholder(CapturedOutput output) {
		SpringApplication application = new SpringApplication(MinimalApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.addInitializers(environment(Map.of()));
		assertThatException().isThrownBy(
				() -> application.run("--spring.main.banner-mode=off", "--cerebras.api-key=${CEREBRAS_API_KEY}"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("unresolved placeholder ${CEREBRAS_API_KEY}")
			.contains("CEREBRAS_API_KEY environment variable");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(CerebrasAutoConfiguration.class)
	static class MinimalApplication {

	}

}
