package io.github.cerebras4j.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ImmutableRequest;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.cerebras4j.client.CerebrasStream;
import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.core.CerebrasJson;
import io.github.cerebras4j.client.core.TimeInfo;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scripted time to first token and token rate, read from the plan the simulator gives WireMock: the delay before
 * the body, and the slots it is dribbled in (WireMock splits the body into that many equal parts and writes them
 * {@code totalDuration / numberOfChunks} ms apart). Nothing is timed; that WireMock keeps to the plan is WireMock's
 * business. The end-to-end tests check that a paced stream reaches a client whole and that {@code time_info} tells the
 * scripted pace.
 */
@ExtendWith(CerebrasMockServerExtension.class)
class PacingTests {

	private static final String FOUR_HUNDRED_TOKENS = "tok" + " tok".repeat(399);

	private static final String TEN_WORDS = "one two three four five six seven eight nine ten";

	private static final ChatCompletionRequest REQUEST = ChatCompletionRequest.builder()
		.model("llama3.1-8b")
		.user("Say tok 400 times.")
		.build();

	private final CerebrasMockServer server;

	PacingTests(CerebrasMockServer server) {
		this.server = server;
	}

	@Test
	void streamOf400TokensAt2000TokensPerSecondLeavesInFortySlotsOfFiveMillisecondsOfTenTokens() {
		ResponseDefinition response = answer(true, FOUR_HUNDRED_TOKENS, Duration.ZERO, 2000);

		assertThat(response.getChunkedDribbleDelay().getNumberOfChunks()).isEqualTo(40);
		assertThat(response.getChunkedDribbleDelay().getTotalDuration()).as("a fifth of a second").isEqualTo(200);
		assertThat(response.getFixedDelayMilliseconds()).isZero();
		List<List<String>> slots = tokensBySlot(response);
		assertThat(slots).allSatisfy((slot) -> assertThat(slot).hasSize(10));
		assertThat(slots.stream().mapToInt(List::size).sum()).isEqualTo(400);
		// token 200 leaves in slot 20, 100 ms after the first: the tokens are spread over the stream
		assertThat(slots.subList(0, 20).stream().mapToInt(List::size).sum()).isEqualTo(200);
	}

	@Test
	void slowRateIsFollowedTokenByToken() {
		ResponseDefinition response = answer(true, TEN_WORDS, Duration.ZERO, 50);

		// 50 tokens per second: one token per 20 ms slot
		assertThat(response.getChunkedDribbleDelay().getNumberOfChunks()).isEqualTo(10);
		assertThat(response.getChunkedDribbleDelay().getTotalDuration()).isEqualTo(200);
		assertThat(tokensBySlot(response)).allSatisfy((slot) -> assertThat(slot).hasSize(1));
		assertThat(tokensBySlot(response).stream().map((slot) -> slot.get(0)).reduce("", String::concat))
			.isEqualTo(TEN_WORDS);
	}

	@Test
	void timeToFirstTokenOfAPacedStreamDelaysItsFirstSlot() {
		EventStream events = new EventStream();
		for (int i = 0; i < 400; i++) {
			events.data("{\"token\":" + i + "}", i);
		}

		ResponseDefinition response = events
			.writeTo(ResponseDefinitionBuilder.responseDefinition(), Duration.ofMillis(150), 2000)
			.build();

		// the first slot leaves 5 ms after the delay, so 150 ms after the request
		assertThat(response.getFixedDelayMilliseconds()).isEqualTo(145);
		assertThat(response.getChunkedDribbleDelay().getTotalDuration()).isEqualTo(200);
	}

	@Test
	void timeToFirstTokenAloneDelaysTheFirstTokenOnly() {
		EventStream events = new EventStream();
		for (int i = 0; i < 10; i++) {
			events.data("{\"token\":" + i + "}", i);
		}

		ResponseDefinition unpaced = events
			.writeTo(ResponseDefinitionBuilder.responseDefinition(), Duration.ofMillis(120), 0)
			.build();
		ResponseDefinition scripted = answer(true, TEN_WORDS, Duration.ofMillis(120), 0);

		// the whole body leaves at once after the delay
		assertThat(unpaced.getFixedDelayMilliseconds()).isEqualTo(120);
		assertThat(unpaced.getChunkedDribbleDelay()).isNull();
		assertThat(scripted.getChunkedDribbleDelay()).isNull();
		// less the time the request has already spent in the server
		assertThat(scripted.getFixedDelayMilliseconds()).isPositive().isLessThanOrEqualTo(120);
	}

	@Test
	void answerThatIsNotStreamedArrivesAfterTheTimeItsStreamWouldTake() {
		ResponseDefinition response = answer(false, FOUR_HUNDRED_TOKENS, Duration.ZERO, 2000);

		assertThat(response.getFixedDelayMilliseconds()).as("400 tokens at 2,000 per second").isEqualTo(200);
		assertThat(response.getChunkedDribbleDelay()).isNull();
		JsonNode completion = CerebrasJson.mapper().readTree(new String(response.getByteBody(), StandardCharsets.UTF_8));
		assertThat(completion.at("/choices/0/message/content").asString()).isEqualTo(FOUR_HUNDRED_TOKENS);
	}

	@Test
	void pacedStreamReachesTheClientWhole() {
		this.server.reply(FOUR_HUNDRED_TOKENS).timeToFirstToken(Duration.ofMillis(20)).tokensPerSecond(2000);

		StringBuilder text = new StringBuilder();
		int contentChunks = 0;
		ChatCompletionChunk last = null;
		try (CerebrasTemplate cerebras = template();
				CerebrasStream<ChatCompletionChunk> stream = cerebras.chat().completions().stream(REQUEST)) {
			for (ChatCompletionChunk chunk : stream) {
				if (chunk.hasContent()) {
					contentChunks++;
					text.append(chunk.content());
				}
				last = chunk;
			}
		}

		// the padding of the slots is SSE comments, which the client skips
		assertThat(contentChunks).isEqualTo(400);
		assertThat(text).hasToString(FOUR_HUNDRED_TOKENS);
		assertThat(last.usage().completionTokens()).isEqualTo(400);
	}

	@Test
	void timeInfoDescribesTheScriptedPacing() {
		this.server.reply(FOUR_HUNDRED_TOKENS).timeToFirstToken(Duration.ofMillis(150)).tokensPerSecond(2000);

		TimeInfo timeInfo;
		try (CerebrasTemplate cerebras = template()) {
			timeInfo = cerebras.chat().completions().create(REQUEST).timeInfo();
		}

		assertThat(timeInfo.queueTime() + timeInfo.promptTime()).isCloseTo(0.150, Offset.offset(1e-9));
		assertThat(timeInfo.completionTime()).isCloseTo(0.200, Offset.offset(1e-9));
		assertThat(timeInfo.totalTime()).isCloseTo(0.350, Offset.offset(1e-9));
	}

	private CerebrasTemplate template() {
		return CerebrasTemplate.builder()
			.apiKey(CerebrasMockServer.TEST_API_KEY)
			.baseUrl(this.server.baseUrl())
			.environment((name) -> null)
			.maxRetries(0)
			.warmUp(false)
			.build();
	}

	/** What a simulator with the given script answers to a chat request, without a server. */
	private static ResponseDefinition answer(boolean stream, String reply, Duration timeToFirstToken,
			double tokensPerSecond) {
		CerebrasApiSimulator simulator = new CerebrasApiSimulator();
		simulator.script((script) -> {
			script.reply = reply;
			script.timeToFirstToken = timeToFirstToken;
			script.tokensPerSecond = tokensPerSecond;
		});
		String body = """
				{"model":"llama3.1-8b","messages":[{"role":"user","content":"Say it."}],"stream":%s}""".formatted(stream);
		ImmutableRequest request = ImmutableRequest.create()
			.withAbsoluteUrl("http://127.0.0.1/v1/chat/completions")
			.withMethod(RequestMethod.POST)
			.withHeader("Authorization", "Bearer " + CerebrasMockServer.TEST_API_KEY)
			.withHeader("Content-Type", "application/json")
			.withBody(body.getBytes(StandardCharsets.UTF_8))
			.build();
		return simulator.transform(ServeEvent.of(request));
	}

	/**
	 * Splits a dribbled body into the equal parts WireMock writes one by one, and returns the content tokens of
	 * each part.
	 */
	private static List<List<String>> tokensBySlot(ResponseDefinition response) {
		byte[] body = response.getByteBody();
		int slots = response.getChunkedDribbleDelay().getNumberOfChunks();
		assertThat(body.length % slots).as("slots of one size").isZero();
		int size = body.length / slots;
		List<List<String>> tokens = new ArrayList<>();
		for (int i = 0; i < slots; i++) {
			String slot = new String(Arrays.copyOfRange(body, i * size, (i + 1) * size), StandardCharsets.UTF_8);
			List<String> inSlot = new ArrayList<>();
			for (String line : slot.split("\n")) {
				if (line.startsWith("data: {")) {
					JsonNode content = CerebrasJson.mapper().readTree(line.substring(6)).at("/choices/0/delta/content");
					if (content.isString() && !content.asString().isEmpty()) {
						inSlot.add(content.asString());
					}
				}
			}
			tokens.add(inSlot);
		}
		return tokens;
	}

}
