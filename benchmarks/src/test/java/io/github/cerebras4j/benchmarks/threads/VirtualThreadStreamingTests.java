package io.github.cerebras4j.benchmarks.threads;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.github.cerebras4j.client.CerebrasStream;
import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.test.AutoConfigureCerebrasMockServer;
import io.github.cerebras4j.test.CerebrasMockServer;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blocking template in a Spring MVC application with {@code spring.threads.virtual.enabled=true}, as the README's
 * "Virtual threads" section describes it: a controller iterates a {@link CerebrasStream} of the starter's
 * {@link CerebrasTemplate} on the request's thread, which is a virtual thread, and 50 such streams at once, paced by
 * the test kit's {@link CerebrasMockServer}, pin no carrier ({@code jdk.VirtualThreadPinned} at threshold zero, so
 * any pin counts) and never fail to be scheduled. Java 21 or newer; skipped before.
 */
@SpringBootTest(classes = VirtualThreadStreamingTests.StreamingApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.threads.virtual.enabled=true", "cerebras.retry.max-retries=0" })
@AutoConfigureCerebrasMockServer
@EnabledForJreRange(min = JRE.JAVA_21)
class VirtualThreadStreamingTests {

	// within the default pool of 100 connections, so every stream has one at once
	private static final int STREAMS = 50;

	private static final String REPLY = "A virtual thread waiting for the next token leaves its carrier to others.";

	@LocalServerPort
	private int port;

	@Autowired
	private CerebrasMockServer cerebras;

	@Autowired
	private AnswerController controller;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void concurrentStreamsAreReadOnVirtualThreadsThatPinNoCarrier() {
		// paced, so that the readers wait for chunks: about 20 tokens in 5 ms slots
		this.cerebras.reply(REPLY).tokensPerSecond(500);
		// one stream first, alone: it initializes the classes on the way, and a class being initialized by one virtual
		// thread pins the others that need it (on every Java version); the application's first request is not what
		// this test is about
		this.controller.expect(1);
		assertThat(answer().join().body()).isEqualTo(REPLY);
		this.controller.expect(STREAMS);

		List<HttpResponse<String>> responses;
		VirtualThreadEvents.Counts counts;
		try (VirtualThreadEvents events = VirtualThreadEvents.start()) {
			List<CompletableFuture<HttpResponse<String>>> pending = IntStream.range(0, STREAMS)
				.mapToObj((i) -> answer())
				.toList();
			responses = pending.stream().map(CompletableFuture::join).toList();
			counts = events.stop();
		}

		assertThat(responses).allSatisfy((response) -> {
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).isEqualTo(REPLY);
		});
		assertThat(this.controller.readers()).hasSize(STREAMS).allMatch(VirtualThreads::isVirtual);
		assertThat(counts.pinned()).as(counts.describe()).isZero();
		assertThat(counts.submitFailed()).as(counts.describe()).isZero();
	}

	private CompletableFuture<HttpResponse<String>> answer() {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/answer")).build();
		return this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(AnswerController.class)
	static class StreamingApplication {

	}

	/**
	 * Streams the model's answer to the client as it arrives, iterating the template's stream on the request's thread,
	 * and remembers the threads that did.
	 */
	@RestController
	static class AnswerController {

		private final CerebrasTemplate cerebras;

		private final Set<Thread> readers = ConcurrentHashMap.newKeySet();

		private volatile CountDownLatch together = new CountDownLatch(0);

		AnswerController(CerebrasTemplate cerebras) {
			this.cerebras = cerebras;
		}

		/**
		 * Makes the next {@code streams} requests wait for each other before they stream, so that they all stream at
		 * once, and forgets the threads of earlier requests.
		 */
		void expect(int streams) {
			this.readers.clear();
			this.together = new CountDownLatch(streams);
		}

		Set<Thread> readers() {
			return this.readers;
		}

		@GetMapping("/answer")
		void answer(HttpServletResponse response) throws IOException, InterruptedException {
			CountDownLatch together = this.together;
			together.countDown();
			if (!together.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException(together.getCount() + " requests did not arrive in time");
			}
			response.setContentType("text/plain;charset=UTF-8");
			PrintWriter out = response.getWriter();
			try (CerebrasStream<ChatCompletionChunk> stream = this.cerebras.chat()
				.completions()
				.stream(ChatCompletionRequest.builder().model("llama3.1-8b").user("Why virtual threads?").build())) {
				for (ChatCompletionChunk chunk : stream) {
					out.write(chunk.content());
					out.flush();
				}
			}
			this.readers.add(Thread.currentThread());
		}

	}

}
