package io.github.cerebras4j.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.completions.CompletionRequest;
import io.github.cerebras4j.client.models.ModelFormat;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Named.named;

/**
 * The blocking API on a thread that must not block (a Reactor non-blocking thread such as a Netty event loop): every
 * blocking call fails with an {@link IllegalStateException} that points to {@link ReactiveCerebrasTemplate} before
 * anything is sent, and a {@link CerebrasStream} refuses to park such a thread.
 */
class NonBlockingThreadTests {

	@RegisterExtension
	static WireMockExtension server = CerebrasWireMock.server();

	private static final ChatCompletionRequest CHAT = ChatCompletionRequest.builder()
		.model("llama3.1-8b")
		.user("Count.")
		.build();

	private static final CompletionRequest TEXT = CompletionRequest.builder().model("llama3.1-8b").prompt("It was a").build();

	private static final String MODEL = """
			{"id":"llama3.1-8b","object":"model","created":1721692800,"owned_by":"Meta"}""";

	private static final String MODEL_LIST = "{\"object\":\"list\",\"data\":[" + MODEL + "]}";

	private static final String MARKER = "/v1/models/marker";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static Scheduler nonBlocking;

	@BeforeAll
	static void createNonBlockingThread() {
		// the threads of a parallel scheduler are Reactor NonBlocking threads, as Netty's event loops are
		nonBlocking = Schedulers.newParallel("non-blocking-test", 1);
	}

	@AfterAll
	static void disposeNonBlockingThread() {
		nonBlocking.dispose();
	}

	static Stream<Arguments> blockingCalls() {
		return Stream.of(
				call("chat().completions().create", cerebras -> cerebras.chat().completions().create(CHAT)),
				call("chat().completions().stream", cerebras -> cerebras.chat().completions().stream(CHAT).close()),
				call("chat().completions().withRawResponse().create",
						cerebras -> cerebras.chat().completions().withRawResponse().create(CHAT)),
				call("chat().completions().withRawResponse().stream",
						cerebras -> cerebras.chat().completions().withRawResponse().stream(CHAT).close()),
				call("completions().create", cerebras -> cerebras.completions().create(TEXT)),
				call("completions().stream", cerebras -> cerebras.completions().stream(TEXT).close()),
				call("completions().withRawResponse().create",
						cerebras -> cerebras.completions().withRawResponse().create(TEXT)),
				call("completions().withRawResponse().stream",
						cerebras -> cerebras.completions().withRawResponse().stream(TEXT).close()),
				call("models().list()", cerebras -> cerebras.models().list()),
				call("models().list(format)", cerebras -> cerebras.models().list(ModelFormat.OPENROUTER)),
				call("models().retrieve(id)", cerebras -> cerebras.models().retrieve("llama3.1-8b")),
				call("models().retrieve(id, format)",
						cerebras -> cerebras.models().retrieve("llama3.1-8b", ModelFormat.OPENROUTER)),
				call("models().withRawResponse().list()", cerebras -> cerebras.models().withRawResponse().list()),
				call("models().withRawResponse().list(format)",
						cerebras -> cerebras.models().withRawResponse().list(ModelFormat.OPENROUTER)),
				call("models().withRawResponse().retrieve(id)",
						cerebras -> cerebras.models().withRawResponse().retrieve("llama3.1-8b")),
				call("models().withRawResponse().retrieve(id, format)",
						cerebras -> cerebras.models().withRawResponse().retrieve("llama3.1-8b", ModelFormat.OPENROUTER)));
	}

	private static Arguments call(String name, Consumer<CerebrasTemplate> call) {
		return Arguments.of(named(name, call));
	}

	@ParameterizedTest
	@MethodSource("blockingCalls")
	void blockingCallOnANonBlockingThreadFailsBeforeSendingAnything(Consumer<CerebrasTemplate> call) {
		stubEveryEndpoint();

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).maxConnections(1).build()) {
			Throwable thrown = thrownOnNonBlockingThread(() -> call.accept(cerebras));

			assertThat(thrown).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("non-blocking-test")
				.hasMessageContaining("nothing was sent")
				.hasMessageContaining("ReactiveCerebrasTemplate");
			assertNothingButTheMarkerWasSent(cerebras);
		}
	}

	@Test
	void blockingCallInsideAReactivePipelineOnTheEventLoopFailsBeforeSendingAnything() {
		stubEveryEndpoint();

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).maxConnections(1).build()) {
			// what a WebFlux handler calling the blocking template does: the blocking call runs on a Netty event loop
			ThreadAndThrown nested = cerebras.reactive()
				.models()
				.list()
				.map(list -> new ThreadAndThrown(Schedulers.isInNonBlockingThread(), Thread.currentThread().getName(),
						catchThrowable(() -> cerebras.chat().completions().create(CHAT))))
				.block(TIMEOUT);

			assertThat(nested.nonBlocking()).as("the pipeline ran on a non-blocking thread").isTrue();
			assertThat(nested.thrown()).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining(nested.thread())
				.hasMessageContaining("nothing was sent")
				.hasMessageContaining("ReactiveCerebrasTemplate");
			assertNothingButTheMarkerWasSent(cerebras, "GET /v1/models");
		}
	}

	@Test
	void streamRefusesToParkANonBlockingThreadAndStaysUsable() {
		stubEveryEndpoint();

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).build();
				CerebrasStream<ChatCompletionChunk> stream = cerebras.chat().completions().withRawResponse().stream(CHAT)) {
			Iterator<ChatCompletionChunk> chunks = stream.iterator();

			assertThat(thrownOnNonBlockingThread(chunks::hasNext)).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("CerebrasStream")
				.hasMessageContaining("ReactiveCerebrasTemplate");
			assertThat(thrownOnNonBlockingThread(chunks::next)).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("ReactiveCerebrasTemplate");
			assertThat(thrownOnNonBlockingThread(stream::response)).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("CerebrasStream")
				.hasMessageContaining("ReactiveCerebrasTemplate");

			// on a thread that may block, the same stream reads as usual
			assertThat(stream.response().status()).isEqualTo(HttpStatus.OK);
			StringBuilder text = new StringBuilder();
			chunks.forEachRemaining(chunk -> text.append(chunk.content()));
			assertThat(text).hasToString("w0 w1 w2 ");
		}
	}

	private static void stubEveryEndpoint() {
		String chatStream = CerebrasWireMock.chatStream(CerebrasWireMock.words(3));
		server.stubFor(post("/v1/chat/completions").withRequestBody(containing("\"stream\":true"))
			.atPriority(1)
			.willReturn(eventStream(chatStream)));
		server.stubFor(post("/v1/chat/completions").atPriority(2).willReturn(okJson(CerebrasWireMock.chatCompletion())));
		server.stubFor(post("/v1/completions").willReturn(okJson("""
				{"id":"cmpl-1","object":"text_completion","created":1769729480,"model":"llama3.1-8b",
				 "choices":[{"index":0,"text":" dark and stormy night.","finish_reason":"stop"}]}""")));
		server.stubFor(get(urlPathEqualTo("/v1/models")).willReturn(okJson(MODEL_LIST)));
		server.stubFor(get(urlPathEqualTo("/v1/models/llama3.1-8b")).willReturn(okJson(MODEL)));
		server.stubFor(get(MARKER).willReturn(okJson(MODEL.replace("llama3.1-8b", "marker"))));
	}

	private static ResponseDefinitionBuilder eventStream(String body) {
		return aResponse().withHeader("Content-Type", "text/event-stream").withBody(body);
	}

	/**
	 * Sends a marker request from the test thread and checks that the server received the expected requests, the
	 * marker and nothing else. With one connection in the pool, a request sent by mistake before the marker would
	 * have been received before it.
	 */
	private static void assertNothingButTheMarkerWasSent(CerebrasTemplate cerebras, String... expectedBefore) {
		assertThat(cerebras.models().retrieve("marker").id()).isEqualTo("marker");
		List<String> received = server.getAllServeEvents()
			.stream()
			.map(ServeEvent::getRequest)
			.map(request -> request.getMethod() + " " + request.getUrl())
			.collect(Collectors.toCollection(ArrayList::new));
		Collections.reverse(received); // WireMock lists the newest first
		List<String> expected = new ArrayList<>(List.of(expectedBefore));
		expected.add("GET " + MARKER);
		assertThat(received).containsExactlyElementsOf(expected);
	}

	private static @Nullable Throwable thrownOnNonBlockingThread(ThrowingCallable call) {
		CompletableFuture<@Nullable Throwable> thrown = new CompletableFuture<>();
		nonBlocking.schedule(() -> {
			if (!Schedulers.isInNonBlockingThread()) {
				thrown.complete(new AssertionError("not a non-blocking thread: " + Thread.currentThread().getName()));
				return;
			}
			thrown.complete(catchThrowable(call));
		});
		return Mono.fromFuture(thrown).block(TIMEOUT);
	}

	private record ThreadAndThrown(boolean nonBlocking, String thread, @Nullable Throwable thrown) {
	}

}
