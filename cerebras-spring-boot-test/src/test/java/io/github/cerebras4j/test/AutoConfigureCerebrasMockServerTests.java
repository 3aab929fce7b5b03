package io.github.cerebras4j.test;

import java.time.Duration;

import io.github.cerebras4j.client.CerebrasStream;
import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.client.chat.ChatCompletion;
import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.core.RateLimits;
import io.github.cerebras4j.client.core.RawResponse;
import io.github.cerebras4j.client.error.RateLimitException;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A Spring Boot test with {@link AutoConfigureCerebrasMockServer}: the auto-configured {@link CerebrasTemplate}
 * talks to the injected server, which is reset before each test (its script and its rate-limit budget), although
 * {@code application.properties} points at the real API.
 */
@SpringBootTest(classes = AutoConfigureCerebrasMockServerTests.Application.class)
@AutoConfigureCerebrasMockServer
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AutoConfigureCerebrasMockServerTests {

	private static final ChatCompletionRequest QUESTION = ChatCompletionRequest.builder()
		.model("llama3.1-8b")
		.system("Be brief.")
		.user("Capital of France?")
		.build();

	@Autowired
	private CerebrasMockServer server;

	@Autowired
	private CerebrasTemplate cerebras;

	@Autowired
	private Environment environment;

	@Test
	@Order(1)
	void injectedTemplateTalksToTheInjectedServer() {
		this.server.reply("Paris.");

		StringBuilder streamed = new StringBuilder();
		try (CerebrasStream<ChatCompletionChunk> stream = this.cerebras.chat().completions().stream(QUESTION)) {
			stream.forEach((chunk) -> streamed.append(chunk.content()));
		}

		assertThat(this.cerebras.chat().completions().create(QUESTION).content()).isEqualTo("Paris.");
		assertThat(streamed).hasToString("Paris.");
		assertThat(this.server.chatRequests()).hasSize(2);
		assertThat(this.server.lastChatRequest().messages()).hasSize(2);
	}

	@Test
	@Order(2)
	void serverIsResetBeforeEachTest() {
		assertThat(this.server.chatRequests()).isEmpty();
		assertThat(this.cerebras.chat().completions().create(QUESTION).content())
			.contains("\u201cCapital of France?\u201d");
	}

	@Test
	@Order(3)
	void budgetIsSharedByTheAutoConfiguredTemplate() {
		this.server.rateLimit(1, 100_000, Duration.ofMinutes(1));

		RawResponse<ChatCompletion> admitted = this.cerebras.chat().completions().withRawResponse().create(QUESTION);

		assertThat(admitted.rateLimits().requests(RateLimits.Window.DAY).remaining()).isZero();
		CerebrasTemplate withoutRetries = this.cerebras.withOptions((options) -> options.maxRetries(0));
		assertThatExceptionOfType(RateLimitException.class)
			.isThrownBy(() -> withoutRetries.chat().completions().create(QUESTION));
		assertThat(this.server.rateLimitStats().requestsRejected()).isEqualTo(1);
	}

	@Test
	@Order(4)
	void budgetIsDroppedBeforeEachTest() {
		assertThat(this.server.rateLimitStats()).isEqualTo(RateLimitStats.NONE);
		assertThat(this.cerebras.chat().completions().withRawResponse().create(QUESTION).rateLimits()
			.requests(RateLimits.Window.DAY).limit()).isEqualTo(RateLimit.FREE_TIER_REQUESTS_PER_DAY);
	}

	@Test
	void propertiesPointAtTheServerWithTheTestKeyInsteadOfTheApplicationsConfiguration() {
		assertThat(this.environment.getProperty("cerebras.base-url")).isEqualTo(this.server.baseUrl());
		assertThat(this.environment.getProperty("cerebras.api-key")).isEqualTo(CerebrasMockServer.TEST_API_KEY);
		assertThat(this.cerebras.reactive().baseUrl()).isEqualTo(this.server.baseUrl());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
