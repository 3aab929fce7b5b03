package io.github.cerebras4j.springai;

import java.util.List;
import java.util.Map;

import io.github.cerebras4j.autoconfigure.CerebrasAutoConfiguration;
import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.client.chat.ReasoningEffort;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/**
 * {@link CerebrasSpringAiAutoConfiguration}: when the model is there, with which options and tool-calling manager,
 * and when it backs off.
 */
class CerebrasSpringAiAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(CerebrasAutoConfiguration.class, CerebrasSpringAiAutoConfiguration.class))
		.withPropertyValues("cerebras.api-key=csk-autoconfiguration-test", "cerebras.base-url=http://127.0.0.1:9",
				"cerebras.warm-up.enabled=false");

	@Test
	void aChatModelWithTheDefaultOptionsOfTheProperties() {
		this.runner
			.withPropertyValues("cerebras.spring-ai.chat.options.model=llama3.1-8b",
					"cerebras.spring-ai.chat.options.temperature=0.3",
					"cerebras.spring-ai.chat.options.max-tokens=200",
					"cerebras.spring-ai.chat.options.stop-sequences=END,STOP",
					"cerebras.spring-ai.chat.options.seed=7",
					"cerebras.spring-ai.chat.options.reasoning-effort=low",
					"cerebras.spring-ai.chat.options.extra-body.clear_thinking=true")
			.run((context) -> {
				assertThat(context).hasSingleBean(CerebrasChatModel.class).hasSingleBean(ChatModel.class);
				CerebrasChatOptions options = context.getBean(CerebrasChatModel.class).getOptions();
				assertThat(options.getModel()).isEqualTo("llama3.1-8b");
				assertThat(options.getTemperature()).isEqualTo(0.3);
				assertThat(options.getMaxTokens()).isEqualTo(200);
				assertThat(options.getStopSequences()).containsExactly("END", "STOP");
				assertThat(options.getSeed()).isEqualTo(7L);
				assertThat(options.getReasoningEffort()).isEqualTo(ReasoningEffort.LOW);
				assertThat(options.getExtraBody()).isEqualTo(Map.of("clear_thinking", "true"));
				assertThat(options.getTopP()).isNull();
			});
	}

	@Test
	void noChatModelWithoutSpringAi() {
		this.runner.withClassLoader(new FilteredClassLoader(ChatModel.class))
			.run((context) -> assertThat(context).hasSingleBean(CerebrasTemplate.class)
				.doesNotHaveBean(CerebrasChatModel.class));
	}

	@Test
	void noChatModelWithoutACerebrasTemplate() {
		this.runner.withPropertyValues("cerebras.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CerebrasTemplate.class)
				.doesNotHaveBean(CerebrasChatModel.class));
	}

	@Test
	void noChatModelWhenTurnedOff() {
		this.runner.withPropertyValues("cerebras.spring-ai.chat.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CerebrasChatModel.class));
	}

	@Test
	void theUsersChatModelWins() {
		this.runner
			.withBean("myModel", CerebrasChatModel.class,
					() -> CerebrasChatModel.builder()
						.cerebrasTemplate(CerebrasTemplate.builder()
							.apiKey("csk-mine")
							.baseUrl("http://127.0.0.1:9")
							.warmUp(false)
							.build())
						.build())
			.run((context) -> assertThat(context).hasSingleBean(CerebrasChatModel.class).hasBean("myModel"));
	}

	@Test
	void usesTheToolCallingManagerBean() {
		ToolCallingManager manager = mock(ToolCallingManager.class);
		given(manager.resolveToolDefinitions(any())).willReturn(List.<ToolDefinition>of());
		this.runner.withBean(ToolCallingManager.class, () -> manager)
			.withPropertyValues("cerebras.spring-ai.chat.options.model=llama3.1-8b")
			.run((context) -> {
				context.getBean(CerebrasChatModel.class).createRequest(new Prompt("Hi"));
				verify(manager).resolveToolDefinitions(any());
			});
	}

}
