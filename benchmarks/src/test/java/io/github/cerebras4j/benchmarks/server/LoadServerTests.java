package io.github.cerebras4j.benchmarks.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import io.github.cerebras4j.client.CerebrasJson;
import io.github.cerebras4j.client.chat.ChatCompletion;
import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link LoadServer}: what it sends is Cerebras' wire format, whatever the workload's pacing.
 */
class LoadServerTests {

	private final LoadServer server = LoadServer.start(0);

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void streamsTheWorkloadsChunksThenAFinalChunkThenDone() throws Exception {
		Workload workload = Workload.chunks(30);

		List<String> events = events(post(workload, true));

		assertThat(events).hasSize(33).last().isEqualTo("[DONE]");
		List<ChatCompletionChunk> chunks = events.subList(0, 32)
			.stream()
			.map((data) -> CerebrasJson.fromJson(data, ChatCompletionChunk.class))
			.toList();
		assertThat(chunks.get(0).choices().get(0).delta().role()).isEqualTo("assistant");
		assertThat(chunks.stream().mapToLong((chunk) -> chunk.content().length()).sum())
			.isEqualTo(workload.textLength());
		assertThat(chunks.get(31).finishReason()).isEqualTo("stop");
		assertThat(chunks.get(31).usage().completionTokens()).isEqualTo(30);
		assertThat(chunks.get(31).timeInfo().created()).isNotNull();
	}

	@Test
	void aDelayedAndPacedStreamSendsTheSameBytes() throws Exception {
		Workload paced = new Workload(5, Duration.ofMillis(5), Duration.ofNanos(200_000));

		assertThat(post(paced, true)).isEqualTo(post(Workload.chunks(5), true));
	}

	@Test
	void answersAChatCompletionWhenNotAskedToStream() throws Exception {
		ChatCompletion completion = CerebrasJson.fromJson(post(Workload.chunks(0), false), ChatCompletion.class);

		assertThat(completion.content()).isEqualTo(Workload.completionText());
	}

	@Test
	void workloadsRoundTripThroughTheirModelName() {
		Workload workload = new Workload(20_000, Duration.ofMillis(50), Duration.ofNanos(3_000));

		assertThat(Workload.of(workload.model())).isEqualTo(workload);
		assertThatIllegalArgumentException().isThrownBy(() -> Workload.of("llama3.1-8b"))
			.withMessageContaining("bench-<chunks>-<delayMs>-<paceMicros>");
	}

	private String post(Workload workload, boolean stream) throws Exception {
		String body = "{\"model\":\"" + workload.model() + "\",\"stream\":" + stream
				+ ",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.server.port() + "/v1/chat/completions"))
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValue(stream ? "text/event-stream" : "application/json");
		return response.body();
	}

	private static List<String> events(String body) {
		assertThat(body).endsWith("\n\n");
		return List.of(body.split("\n\n")).stream().map((event) -> {
			assertThat(event).startsWith("data: ");
			return event.substring("data: ".length());
		}).toList();
	}

}
