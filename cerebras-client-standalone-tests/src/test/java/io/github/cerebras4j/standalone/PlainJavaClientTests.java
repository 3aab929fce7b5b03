package io.github.cerebras4j.standalone;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.github.cerebras4j.client.CerebrasClientBuilder;
import io.github.cerebras4j.client.CerebrasStream;
import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.client.ReactiveCerebrasTemplate;
import io.github.cerebras4j.client.chat.ChatCompletion;
import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.core.WarmUpResult;
import io.github.cerebras4j.client.models.Model;
import io.github.cerebras4j.client.models.ModelList;
import io.github.cerebras4j.client.observation.DefaultCerebrasObservationConvention;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.github.cerebras4j.test.CerebrasMockServer;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cerebras-client} used as a plain Java program uses it, against the test kit's {@link CerebrasMockServer} on
 * 127.0.0.1, started by hand. Besides the client's own dependencies the class path has only JUnit, AssertJ and
 * {@code cerebras-spring-boot-test} with its shaded WireMock, none of which carries Spring Boot classes: no Spring Boot
 * and no spring-boot-starter-test lends the client what its pom forgot to declare.
 */
class PlainJavaClientTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final ChatCompletionRequest REQUEST = ChatCompletionRequest.builder()
		.model("llama3.1-8b")
		.user("Why is fast inference important?")
		.build();

	private static CerebrasMockServer server;

	@BeforeAll
	static void startServer() {
		server = CerebrasMockServer.start();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@BeforeEach
	void script() {
		server.reset();
		server.reply("Fast inference matters.");
	}

	@Test
	void chatCompletion() {
		try (CerebrasTemplate cerebras = configure(CerebrasTemplate.builder()).build()) {
			ChatCompletion completion = cerebras.chat().completions().create(REQUEST);

			assertThat(completion.content()).isEqualTo("Fast inference matters.");
			assertThat(completion.usage().totalTokens())
				.isEqualTo(completion.usage().promptTokens() + completion.usage().completionTokens())
				.isPositive();
		}
		// the server answers 401 to a request without a bearer key
		assertThat(server.lastChatRequest().model()).isEqualTo("llama3.1-8b");
		assertThat(server.lastChatRequest().messages()).hasSize(1);
	}

	@Test
	void blockingChatStream() {
		try (CerebrasTemplate cerebras = configure(CerebrasTemplate.builder()).build();
				CerebrasStream<ChatCompletionChunk> stream = cerebras.chat().completions().stream(REQUEST)) {
			StringBuilder text = new StringBuilder();
			stream.forEach((chunk) -> text.append(chunk.content()));

			assertThat(text).hasToString("Fast inference matters.");
			assertThat(stream.response().status().value()).isEqualTo(200);
		}
	}

	@Test
	void reactiveChatStream() {
		try (ReactiveCerebrasTemplate cerebras = configure(ReactiveCerebrasTemplate.builder()).build()) {
			List<ChatCompletionChunk> chunks = cerebras.chat().completions().stream(REQUEST).collectList().block(TIMEOUT);

			assertThat(chunks.get(0).content()).as("the role chunk").isEmpty();
			assertThat(chunks.stream().map(ChatCompletionChunk::content).collect(Collectors.joining()))
				.isEqualTo("Fast inference matters.");
			assertThat(chunks.get(chunks.size() - 1).finishReason()).isEqualTo("stop");
		}
	}

	@Test
	void modelsListAndRetrieve() {
		server.models("llama3.1-8b", "qwen-3-32b");
		try (CerebrasTemplate cerebras = configure(CerebrasTemplate.builder()).build()) {
			ModelList models = cerebras.models().list();
			Model model = cerebras.models().retrieve("llama3.1-8b");

			assertThat(models.data()).extracting(Model::id).containsExactly("llama3.1-8b", "qwen-3-32b");
			assertThat(model.id()).isEqualTo("llama3.1-8b");
			assertThat(model.ownedBy()).isEqualTo("Cerebras");
		}
	}

	@Test
	void observedWithMicrometersObservationRegistry() {
		List<String> stopped = new CopyOnWriteArrayList<>();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

			@Override
			public void onStop(Observation.Context context) {
				stopped.add(context.getName());
			}

		});
		try (CerebrasTemplate cerebras = configure(CerebrasTemplate.builder()).observationRegistry(registry).build()) {
			cerebras.chat().completions().create(REQUEST);
		}
		assertThat(stopped).containsExactly(DefaultCerebrasObservationConvention.NAME);
	}

	@Test
	void connectionWarmUp() throws Exception {
		try (CerebrasTemplate cerebras = configure(CerebrasTemplate.builder()).build()) {
			WarmUpResult result = cerebras.warmUp().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

			// complete: GET /v1/tcp_warming was answered with a success
			assertThat(result.isComplete()).isTrue();
			assertThat(result.attempted()).isEqualTo(1);
		}
	}

	private static <T> CerebrasClientBuilder<T> configure(CerebrasClientBuilder<T> builder) {
		return builder.apiKey(CerebrasMockServer.TEST_API_KEY)
			.baseUrl(server.baseUrl())
			.environment((name) -> null)
			.maxRetries(0)
			.warmUp(false);
	}

}
