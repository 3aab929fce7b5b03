package io.github.cerebras4j.benchmarks.loopback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

import io.github.cerebras4j.benchmarks.clients.CerebrasBlocking;
import io.github.cerebras4j.benchmarks.clients.CerebrasReactive;
import io.github.cerebras4j.benchmarks.clients.Contender;
import io.github.cerebras4j.benchmarks.clients.JdkHttpBaseline;
import io.github.cerebras4j.benchmarks.clients.LangChain4jOpenAi;
import io.github.cerebras4j.benchmarks.clients.SpringAiChatClient;
import io.github.cerebras4j.benchmarks.clients.SpringAiOpenAi;
import io.github.cerebras4j.benchmarks.server.LoadServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Runs the loopback benchmark with tiny workloads so that the harness, the load server (one event per write, paced,
 * delayed and bulk streams, short and long answers) and every contender keep working between benchmark runs. Nothing
 * here measures or asserts a timing.
 */
class LoopbackBenchmarkTests {

	private static final LoopbackBenchmark.Settings TINY = new LoopbackBenchmark.Settings(0, 1, Duration.ZERO, 200, 50,
			20_000, Duration.ofMillis(20), 2, 20, 8, 500, 4);

	private LoadServer server;

	private String origin;

	@BeforeEach
	void startServer() {
		this.server = LoadServer.start(0);
		this.origin = "http://127.0.0.1:" + this.server.port();
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void everyContenderReceivesEverythingTheServerSendsAndGetsARowInEveryTable() {
		List<Contender> contenders = List.of(new JdkHttpBaseline(this.origin, "key"),
				new CerebrasReactive(this.origin, "key", 4), new CerebrasBlocking(this.origin, "key", 4),
				new SpringAiOpenAi(this.origin, "key"), new LangChain4jOpenAi(this.origin, "key"));
		List<Contender> chatClients = List.of(SpringAiChatClient.onOpenAiChatModel(this.origin, "key"),
				SpringAiChatClient.onCerebrasChatModel(this.origin, "key", 4));
		try {
			String tables = new LoopbackBenchmark(TINY, contenders, chatClients).run();

			for (Contender contender : contenders) {
				assertThat(tables.lines().filter((line) -> line.startsWith("| " + contender.name() + " |")))
					.hasSize(7);
			}
			for (Contender chatClient : chatClients) {
				assertThat(tables.lines().filter((line) -> line.startsWith("| " + chatClient.name() + " |")))
					.hasSize(2);
			}
			assertThat(tables).contains("| baseline (java.net.http) | ").contains("| 1.00x |").contains("No call failed.");
			assertThat(tables).contains("#### Spring AI ChatClient, stream().content(): one stream of 200 chunks")
				.contains("#### Spring AI ChatClient, stream().content(): 4 concurrent streams of 50 chunks")
				.contains("ratios to Spring AI 2.0.1 ChatClient on OpenAiChatModel")
				.contains("| vs first row |");
		}
		finally {
			contenders.forEach(Contender::close);
			chatClients.forEach(Contender::close);
		}
	}

	@Test
	void aContenderThatLosesTextFails() {
		try (JdkHttpBaseline baseline = new JdkHttpBaseline(this.origin, "key")) {
			Contender lossy = new Contender() {

				@Override
				public String name() {
					return "lossy";
				}

				@Override
				public Received stream(String model) {
					Received received = baseline.stream(model);
					return new Received(received.textLength() - 1, received.startNanos(), received.firstContentNanos());
				}

				@Override
				public String create(String model) {
					return baseline.create(model);
				}

				@Override
				public void close() {
				}

			};

			assertThatIllegalStateException().isThrownBy(() -> new LoopbackBenchmark(TINY, List.of(lossy)).run())
				.withMessageContaining("lossy received");
		}
	}

	@Test
	void aChatClientContenderThatLosesTextFails() {
		try (SpringAiChatClient chatClient = SpringAiChatClient.onCerebrasChatModel(this.origin, "key", 4)) {
			Contender lossy = new Contender() {

				@Override
				public String name() {
					return "lossy ChatClient";
				}

				@Override
				public Received stream(String model) {
					Received received = chatClient.stream(model);
					return new Received(received.textLength() - 1, received.startNanos(), received.firstContentNanos());
				}

				@Override
				public String create(String model) {
					return chatClient.create(model);
				}

				@Override
				public void close() {
				}

			};

			assertThatIllegalStateException()
				.isThrownBy(() -> new LoopbackBenchmark(TINY, List.of(), List.of(lossy)).run())
				.withMessageContaining("lossy ChatClient received");
		}
	}

	@Test
	void aCallThatFailsIsReportedWithoutStoppingTheRun() {
		try (JdkHttpBaseline baseline = new JdkHttpBaseline(this.origin, "key")) {
			Contender failsToCreate = new Contender() {

				@Override
				public String name() {
					return "flaky";
				}

				@Override
				public Received stream(String model) {
					return baseline.stream(model);
				}

				@Override
				public String create(String model) {
					throw new UncheckedIOException(new IOException("connection closed locally"));
				}

				@Override
				public void close() {
				}

			};

			String tables = new LoopbackBenchmark(TINY, List.of(failsToCreate)).run();

			assertThat(tables.lines().filter((line) -> line.startsWith("| flaky |"))).hasSize(7);
			assertThat(tables).contains("Calls that failed").contains("flaky, round 1: java.io.UncheckedIOException")
				.contains("connection closed locally");
		}
	}

}
