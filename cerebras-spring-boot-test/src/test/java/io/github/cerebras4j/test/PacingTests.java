package io.github.cerebras4j.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.cerebras4j.client.CerebrasStream;
import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.client.ReactiveCerebrasTemplate;
import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.core.TimeInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scripted time to first token and token rate, measured on the client side of the wire. Bounds are tolerant
 * above (a busy machine is slow) and strict below (the server must really wait).
 */
@ExtendWith(CerebrasMockServerExtension.class)
class PacingTests {

	private static final String FOUR_HUNDRED_TOKENS = "tok" + " tok".repeat(399);

	private static final ChatCompletionRequest REQUEST = ChatCompletionRequest.builder()
		.model("llama3.1-8b")
		.user("Say tok 400 times.")
		.build();

	private final CerebrasMockServer server;

	private ReactiveCerebrasTemplate reactive;

	private CerebrasTemplate cerebras;

	PacingTests(CerebrasMockServer server) {
		this.server = server;
	}

	@BeforeEach
	void connectAndWarmUp() {
		this.reactive = ReactiveCerebrasTemplate.builder()
			.apiKey(CerebrasMockServer.TEST_API_KEY)
			.baseUrl(this.server.baseUrl())
			.environment((name) -> null)
			.maxRetries(0)
			.warmUp(false)
			.build();
		this.cerebras = new CerebrasTemplate(this.reactive);
		this.cerebras.chat().completions().stream(REQUEST).forEach((chunk) -> {
		});
	}

	@AfterEach
	void disconnect() {
		this.reactive.close();
	}

	@Test
	void streamOf400TokensAt2000TokensPerSecondTakesAboutAFifthOfASecondAfterTheFirstToken() {
		this.server.reply(FOUR_HUNDRED_TOKENS).timeToFirstToken(Duration.ofMillis(150)).tokensPerSecond(2000);

		List<Long> arrivals = new ArrayList<>();
		long start = System.nanoTime();
		int tokens;
		try (CerebrasStream<ChatCompletionChunk> stream = this.cerebras.chat().completions().stream(REQUEST)) {
			ChatCompletionChunk last = null;
			for (ChatCompletionChunk chunk : stream) {
				if (chunk.hasContent()) {
					arrivals.add(System.nanoTime() - start);
				}
				last = chunk;
			}
			tokens = last.usage().completionTokens();
		}

		assertThat(tokens).isEqualTo(400);
		assertThat(arrivals).hasSize(400);
		Duration firstToken = Duration.ofNanos(arrivals.get(0));
		Duration generation = Duration.ofNanos(arrivals.get(399) - arrivals.get(0));
		Duration halfway = Duration.ofNanos(arrivals.get(200) - arrivals.get(0));
		assertThat(firstToken).isBetween(Duration.ofMillis(150), Duration.ofMillis(150 + 150));
		assertThat(generation).isBetween(Duration.ofMillis(180), Duration.ofMillis(200 + 200));
		assertThat(halfway).as("tokens arrive spread over the stream").isBetween(Duration.ofMillis(85),
				Duration.ofMillis(100 + 100));
	}

	@Test
	void slowRateIsFollowedTokenByToken() {
		this.server.reply("one two three four five six seven eight nine ten").tokensPerSecond(50);

		List<Long> arrivals = Flux.defer(() -> {
			long start = System.nanoTime();
			return this.reactive.chat().completions().stream(REQUEST)
				.filter(ChatCompletionChunk::hasContent)
				.map((chunk) -> System.nanoTime() - start);
		}).collectList().block();

		assertThat(arrivals).hasSize(10);
		for (int i = 1; i < arrivals.size(); i++) {
			assertThat(Duration.ofNanos(arrivals.get(i) - arrivals.get(0))).as("token %d after the first", i)
				.isBetween(Duration.ofMillis(i * 20L - 5), Duration.ofMillis(i * 20L + 150));
		}
	}

	@Test
	void timeToFirstTokenAloneDelaysTheFirstTokenOnly() {
		this.server.reply("one two three four five six seven eight nine ten").timeToFirstToken(Duration.ofMillis(120));

		List<Long> arrivals = new ArrayList<>();
		long start = System.nanoTime();
		this.cerebras.chat().completions().stream(REQUEST).forEach((chunk) -> {
			if (chunk.hasContent()) {
				arrivals.add(System.nanoTime() - start);
			}
		});

		assertThat(arrivals).hasSize(10);
		assertThat(Duration.ofNanos(arrivals.get(0))).isBetween(Duration.ofMillis(120), Duration.ofMillis(120 + 150));
		assertThat(Duration.ofNanos(arrivals.get(9) - arrivals.get(0))).isLessThan(Duration.ofMillis(60));
	}

	@Test
	void answerThatIsNotStreamedArrivesAfterTheTimeItsStreamWouldTake() {
		this.server.reply(FOUR_HUNDRED_TOKENS).timeToFirstToken(Duration.ofMillis(100)).tokensPerSecond(2000);

		long start = System.nanoTime();
		String content = this.cerebras.chat().completions().create(REQUEST).content();

		assertThat(content).isEqualTo(FOUR_HUNDRED_TOKENS);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(300),
				Duration.ofMillis(300 + 200));
	}

	@Test
	void timeInfoDescribesTheScriptedPacing() {
		this.server.reply(FOUR_HUNDRED_TOKENS).timeToFirstToken(Duration.ofMillis(150)).tokensPerSecond(2000);

		var timeInfo = this.cerebras.chat().completions().create(REQUEST).timeInfo();

		assertThat(timeInfo.queueTime() + timeInfo.promptTime()).isCloseTo(0.150, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(timeInfo.completionTime()).isCloseTo(0.200, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(timeInfo.totalTime()).isCloseTo(0.350, org.assertj.core.data.Offset.offset(1e-9));
	}

}
