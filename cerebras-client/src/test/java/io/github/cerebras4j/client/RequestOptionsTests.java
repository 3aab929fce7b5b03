package io.github.cerebras4j.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.cerebras4j.client.chat.ChatCompletion;
import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.completions.CompletionChunk;
import io.github.cerebras4j.client.completions.CompletionRequest;
import io.github.cerebras4j.client.core.CerebrasJson;
import io.github.cerebras4j.client.error.CerebrasTimeoutException;
import io.github.cerebras4j.client.error.InternalServerException;
import io.github.cerebras4j.client.models.ModelFormat;
import io.github.cerebras4j.client.models.ModelList;
import io.github.cerebras4j.client.retry.CerebrasRetryPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * {@code withOptions(..)}: a view whose calls carry other headers, query parameters, body fields, retries and
 * timeouts than the template's, without changing the template, and sharing its connection pool.
 */
class RequestOptionsTests {

	@RegisterExtension
	static WireMockExtension server = CerebrasWireMock.server();

	private static final ChatCompletionRequest REQUEST = ChatCompletionRequest.builder()
		.model("llama3.1-8b")
		.user("Hi")
		.build();

	private static final String CHAT = "/v1/chat/completions";

	@Test
	void optionsApplyToTheViewAndDoNotLeakIntoTheTemplate() {
		server.stubFor(post(urlPathEqualTo(CHAT)).willReturn(okJson(CerebrasWireMock.chatCompletion())));

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).defaultHeader("X-Team", "a").build()) {
			CerebrasTemplate view = cerebras
				.withOptions(o -> o.header("X-Team", "b").header("X-Trace", "t1").query("q", "1").extraBody("seed", 7));

			view.chat().completions().create(REQUEST);
			LoggedRequest viaView = lastRequest();
			cerebras.chat().completions().create(REQUEST);
			LoggedRequest viaTemplate = lastRequest();

			assertThat(viaView.getHeaders().getHeader("X-Team").values()).containsExactly("b");
			assertThat(viaView.getHeader("X-Trace")).isEqualTo("t1");
			assertThat(viaView.getUrl()).isEqualTo(CHAT + "?q=1");
			assertThat(json(viaView).path("seed").intValue()).isEqualTo(7);

			assertThat(viaTemplate.getHeaders().getHeader("X-Team").values()).containsExactly("a");
			assertThat(viaTemplate.containsHeader("X-Trace")).isFalse();
			assertThat(viaTemplate.getUrl()).isEqualTo(CHAT);
			assertThat(json(viaTemplate).has("seed")).isFalse();
		}
	}

	@Test
	void optionsApplyToEveryResourceOfAReactiveView() {
		server.stubFor(post(urlPathEqualTo("/v1/completions")).willReturn(okJson("""
				{"id":"cmpl-1","object":"text_completion","created":1769729480,"model":"llama3.1-8b",
				 "choices":[{"index":0,"text":" night.","finish_reason":"stop"}]}""")));
		server.stubFor(get(urlPathEqualTo("/v1/models")).willReturn(okJson("{\"object\":\"list\",\"data\":[]}")));

		try (ReactiveCerebrasTemplate cerebras = CerebrasWireMock.reactive(server).build()) {
			ReactiveCerebrasTemplate view = cerebras
				.withOptions(o -> o.header("X-Trace", "t1").query("q", "1").extraBody("seed", 7));
			view.completions().create(CompletionRequest.builder().model("llama3.1-8b").prompt("It was a").build())
				.block(Duration.ofSeconds(5));
			ModelList models = view.models().list(ModelFormat.OPENROUTER).block(Duration.ofSeconds(5));

			assertThat(models.data()).isEmpty();
		}

		LoggedRequest completion = server.findAll(postRequestedFor(urlPathEqualTo("/v1/completions"))).get(0);
		assertThat(completion.getHeader("X-Trace")).isEqualTo("t1");
		assertThat(completion.queryParameter("q").firstValue()).isEqualTo("1");
		assertThat(json(completion).path("seed").intValue()).isEqualTo(7);
		LoggedRequest list = server.findAll(getRequestedFor(urlPathEqualTo("/v1/models"))).get(0);
		assertThat(list.getHeader("X-Trace")).isEqualTo("t1");
		assertThat(list.queryParameter("q").firstValue()).isEqualTo("1");
		assertThat(list.queryParameter("format").firstValue()).isEqualTo("openrouter");
	}

	@Test
	void queryParametersOfTheOptionsAreEncoded() {
		server.stubFor(post(urlPathEqualTo(CHAT)).willReturn(okJson(CerebrasWireMock.chatCompletion())));

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).build()) {
			cerebras.withOptions(o -> o.query("filter", "a b&c=d/é?").query("x y", "1")).chat().completions().create(REQUEST);
		}

		LoggedRequest request = lastRequest();
		assertThat(request.queryParameter("filter").values()).containsExactly("a b&c=d/é?");
		assertThat(request.queryParameter("x y").values()).containsExactly("1");
	}

	@Test
	void plusInAQueryParameterArrivesAsAPlus() {
		server.stubFor(post(urlPathEqualTo(CHAT)).willReturn(okJson(CerebrasWireMock.chatCompletion())));

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).build()) {
			cerebras.withOptions(o -> o.query("tag", "1+1")).chat().completions().create(REQUEST);
		}

		assertThat(lastRequest().queryParameter("tag").values()).containsExactly("1+1");
	}

	@Test
	void extraBodyOfTheOptionsWinsOverTheRequestsOwnFields() {
		server.stubFor(post(urlPathEqualTo(CHAT)).willReturn(okJson(CerebrasWireMock.chatCompletion())));
		ChatCompletionRequest request = REQUEST.toBuilder()
			.seed(1L)
			.temperature(0.5)
			.extraBody("custom", "from-request")
			.extraBody("top_k", 3)
			.build();

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).build()) {
			cerebras.withOptions(o -> o.extraBody("seed", 7).extraBody("custom", "from-options").extraBody("temperature", null))
				.chat()
				.completions()
				.create(request);
		}

		JsonNode body = json(lastRequest());
		assertThat(body.path("seed").intValue()).isEqualTo(7);
		assertThat(body.path("custom").stringValue()).isEqualTo("from-options");
		assertThat(body.get("temperature").isNull()).isTrue();
		assertThat(body.path("top_k").intValue()).isEqualTo(3);
		assertThat(body.path("model").stringValue()).isEqualTo("llama3.1-8b");
	}

	@Test
	void extraBodyOfTheOptionsIsSentOnAStreamToo() {
		server.stubFor(post(urlPathEqualTo(CHAT)).willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
			.withBody(CerebrasWireMock.chatStream(List.of("a")))));

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).build();
				CerebrasStream<ChatCompletionChunk> stream = cerebras.withOptions(o -> o.extraBody("seed", 7))
					.chat()
					.completions()
					.stream(REQUEST)) {
			stream.forEach(chunk -> { });
		}

		JsonNode body = json(lastRequest());
		assertThat(body.path("seed").intValue()).isEqualTo(7);
		assertThat(body.path("stream").booleanValue()).isTrue();
	}

	@Test
	void stackedViewsMergeWithTheLaterWinning() {
		server.stubFor(post(urlPathEqualTo(CHAT)).willReturn(okJson(CerebrasWireMock.chatCompletion())));

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).defaultHeader("X-Team", "a").build()) {
			CerebrasTemplate first = cerebras.withOptions(o -> o.header("X-Team", "b")
				.header("X-First", "1")
				.removeHeader("X-Cerebras-3rd-Party-Integration")
				.query("q", "1")
				.query("keep", "k")
				.extraBody("seed", 7)
				.extraBody("top_k", 5));
			CerebrasTemplate second = first.withOptions(o -> o.header("x-team", "c").query("q", "2").extraBody("seed", 8));

			second.chat().completions().create(REQUEST);
			LoggedRequest viaSecond = lastRequest();
			first.chat().completions().create(REQUEST);
			LoggedRequest viaFirst = lastRequest();

			assertThat(viaSecond.getHeaders().getHeader("X-Team").values()).containsExactly("c");
			assertThat(viaSecond.getHeader("X-First")).isEqualTo("1");
			assertThat(viaSecond.containsHeader("X-Cerebras-3rd-Party-Integration")).isFalse();
			assertThat(viaSecond.queryParameter("q").values()).containsExactly("2");
			assertThat(viaSecond.queryParameter("keep").firstValue()).isEqualTo("k");
			assertThat(json(viaSecond).path("seed").intValue()).isEqualTo(8);
			assertThat(json(viaSecond).path("top_k").intValue()).isEqualTo(5);

			assertThat(viaFirst.getHeaders().getHeader("X-Team").values()).containsExactly("b");
			assertThat(viaFirst.queryParameter("q").values()).containsExactly("1");
			assertThat(json(viaFirst).path("seed").intValue()).isEqualTo(7);
		}
	}

	@Test
	void aLaterViewCanSendAHeaderAnEarlierOneRemoved() {
		server.stubFor(post(urlPathEqualTo(CHAT)).willReturn(okJson(CerebrasWireMock.chatCompletion())));

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).defaultHeader("X-Team", "a").build()) {
			cerebras.withOptions(o -> o.removeHeader("X-Team"))
				.withOptions(o -> o.header("X-Team", "b"))
				.chat()
				.completions()
				.create(REQUEST);
		}

		assertThat(lastRequest().getHeaders().getHeader("X-Team").values()).containsExactly("b");
	}

	@Test
	void removingADefaultHeaderLeavesItOut() {
		server.stubFor(post(urlPathEqualTo(CHAT)).willReturn(okJson(CerebrasWireMock.chatCompletion())));

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).defaultHeader("X-Team", "a").build()) {
			cerebras.withOptions(o -> o.removeHeader("x-team")).chat().completions().create(REQUEST);
			LoggedRequest withoutTeam = lastRequest();
			cerebras.withOptions(o -> o.removeHeader("X-Cerebras-3rd-Party-Integration")).chat().completions().create(REQUEST);
			LoggedRequest withoutIntegration = lastRequest();
			cerebras.chat().completions().create(REQUEST);
			LoggedRequest viaTemplate = lastRequest();

			assertThat(withoutTeam.containsHeader("X-Team")).isFalse();
			assertThat(withoutTeam.getHeader("X-Cerebras-3rd-Party-Integration")).isEqualTo("cerebras4j");
			assertThat(withoutIntegration.containsHeader("X-Cerebras-3rd-Party-Integration")).isFalse();
			assertThat(withoutIntegration.getHeader("X-Team")).isEqualTo("a");
			assertThat(viaTemplate.getHeader("X-Team")).isEqualTo("a");
			assertThat(viaTemplate.getHeader("X-Cerebras-3rd-Party-Integration")).isEqualTo("cerebras4j");
			for (LoggedRequest request : List.of(withoutTeam, withoutIntegration, viaTemplate)) {
				assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + CerebrasWireMock.API_KEY);
			}
		}
	}

	@Test
	void theApiKeyIsSentWhateverTheOptions() {
		server.stubFor(post(urlPathEqualTo(CHAT)).willReturn(okJson(CerebrasWireMock.chatCompletion())));

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).build()) {
			cerebras.withOptions(o -> o.removeHeader("Accept").removeHeader("User-Agent").header("X-Trace", "t1"))
				.withOptions(o -> o.maxRetries(1).responseTimeout(Duration.ofSeconds(5)).query("q", "1").extraBody("seed", 7))
				.chat()
				.completions()
				.create(REQUEST);
		}

		assertThat(lastRequest().getHeaders().getHeader("Authorization").values())
			.containsExactly("Bearer " + CerebrasWireMock.API_KEY);
	}

	@Test
	void theAuthorizationHeaderCanNeitherBeRemovedNorReplaced() {
		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).build()) {
			assertThatIllegalArgumentException().isThrownBy(() -> cerebras.withOptions(o -> o.removeHeader("Authorization")));
			assertThatIllegalArgumentException()
				.isThrownBy(() -> cerebras.withOptions(o -> o.header("authorization", "Bearer csk-other")));
			assertThatIllegalArgumentException()
				.isThrownBy(() -> cerebras.reactive().withOptions(o -> o.header("AUTHORIZATION", "Bearer csk-other")));
		}
	}

	@Test
	void maxRetriesOfTheOptionsReplaceTheTemplatesAndDoNotLeak() {
		server.stubFor(post(urlPathEqualTo(CHAT)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503)).willSetStateTo("second"));
		server.stubFor(post(urlPathEqualTo(CHAT)).inScenario("flaky").whenScenarioStateIs("second")
			.willReturn(aResponse().withStatus(503)).willSetStateTo("third"));
		server.stubFor(post(urlPathEqualTo(CHAT)).inScenario("flaky").whenScenarioStateIs("third")
			.willReturn(okJson(CerebrasWireMock.chatCompletion())).willSetStateTo(Scenario.STARTED));
		CerebrasRetryPolicy noRetries = CerebrasRetryPolicy.builder()
			.maxRetries(0)
			.initialDelay(Duration.ofMillis(50))
			.build();

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).retryPolicy(noRetries).build()) {
			ChatCompletion completion = cerebras.withOptions(o -> o.maxRetries(2)).chat().completions().create(REQUEST);
			assertThat(completion.content()).isNotBlank();
			assertThat(server.findAll(postRequestedFor(urlPathEqualTo(CHAT)))).hasSize(3);

			server.resetRequests();
			assertThatExceptionOfType(InternalServerException.class)
				.isThrownBy(() -> cerebras.chat().completions().create(REQUEST));
			assertThat(server.findAll(postRequestedFor(urlPathEqualTo(CHAT)))).hasSize(1);
		}
	}

	@Test
	void timeoutOfTheOptionsReplacesTheTemplatesAndDoesNotLeak() {
		// the server answers after 1 s: in time for the template's 5 s, too late for the view's 200 ms
		server.stubFor(post(urlPathEqualTo(CHAT)).willReturn(okJson(CerebrasWireMock.chatCompletion()).withFixedDelay(1000)));

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).responseTimeout(Duration.ofSeconds(5)).build()) {
			CerebrasTemplate impatient = cerebras.withOptions(o -> o.responseTimeout(Duration.ofMillis(200)));
			assertThatExceptionOfType(CerebrasTimeoutException.class)
				.isThrownBy(() -> impatient.chat().completions().create(REQUEST))
				.withMessageContaining("Request timed out");

			assertThat(cerebras.chat().completions().create(REQUEST).content()).isNotBlank();
		}
		assertThat(server.findAll(postRequestedFor(urlPathEqualTo(CHAT)))).hasSize(2);
	}

	@Test
	void streamIdleTimeoutOfTheOptionsReplacesTheTemplatesAndDoesNotLeak() {
		// WireMock waits 1 s before each of the 2 parts of the body: silences the template's 5 s allows, the view's
		// 300 ms does not
		server.stubFor(post(urlPathEqualTo(CHAT)).willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
			.withBody(CerebrasWireMock.chatStream(CerebrasWireMock.words(4)))
			.withChunkedDribbleDelay(2, 2000)));

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).streamIdleTimeout(Duration.ofSeconds(5)).build()) {
			try (CerebrasStream<ChatCompletionChunk> stream = cerebras
				.withOptions(o -> o.streamIdleTimeout(Duration.ofMillis(300)))
				.chat()
				.completions()
				.stream(REQUEST)) {
				assertThatExceptionOfType(CerebrasTimeoutException.class).isThrownBy(() -> stream.forEach(chunk -> { }))
					.satisfies(ex -> assertThat(ex.chunksReceived()).as("timed out in the first silence").isZero());
			}

			StringBuilder text = new StringBuilder();
			try (CerebrasStream<ChatCompletionChunk> stream = cerebras.chat().completions().stream(REQUEST)) {
				stream.forEach(chunk -> text.append(chunk.content()));
			}
			assertThat(text.toString()).isEqualTo("w0 w1 w2 w3 ");
		}
	}

	@Test
	void deadlineEndsAStreamThatIsStillRunning() {
		// 20 chunks over 3 s: the stream is still running when its first chunk arrives and the clock is moved on
		server.stubFor(post(urlPathEqualTo(CHAT)).willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
			.withBody(CerebrasWireMock.chatStream(CerebrasWireMock.words(20)))
			.withChunkedDribbleDelay(20, 3000)));

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).build();
				VirtualClock clock = VirtualClock.install();
				CerebrasStream<ChatCompletionChunk> stream = cerebras.withOptions(o -> o.deadline(Duration.ofMillis(500)))
					.chat()
					.completions()
					.stream(REQUEST)) {
			List<Duration> timersAtFirstContent = new ArrayList<>();
			// chunks had reached the caller: the deadline ends the stream as a timeout that says what was received
			assertThatExceptionOfType(CerebrasTimeoutException.class).isThrownBy(() -> stream.forEach(chunk -> {
				if (chunk.hasContent() && timersAtFirstContent.isEmpty()) {
					timersAtFirstContent.addAll(clock.timers());
					clock.advanceTimeBy(Duration.ofMillis(500));
				}
			}))
				.withMessageContaining("timed out after")
				.withMessageContaining("Deadline of 500 ms")
				.withCauseInstanceOf(CerebrasTimeoutException.class)
				.satisfies(ex -> assertThat(ex.chunksReceived()).isPositive())
				.satisfies(ex -> assertThat(ex.partialText()).startsWith("w0 "));
			assertThat(timersAtFirstContent).as("the deadline's timer, the stream's only one")
				.containsExactly(Duration.ofMillis(500));
		}
	}

	@Test
	void deadlineCoversTheRetriesOfACall() throws Exception {
		server.stubFor(post(urlPathEqualTo(CHAT)).willReturn(aResponse().withStatus(503)));
		CerebrasRetryPolicy slowRetries = CerebrasRetryPolicy.builder()
			.maxRetries(3)
			.initialDelay(Duration.ofMillis(400))
			.jitter(0)
			.build();

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).retryPolicy(slowRetries).build();
				VirtualClock clock = VirtualClock.install()) {
			CompletableFuture<ChatCompletion> call = CompletableFuture.supplyAsync(() -> cerebras
				.withOptions(o -> o.deadline(Duration.ofMillis(300)))
				.chat()
				.completions()
				.create(REQUEST));

			// the deadline starts with the call, the wait before the first retry once the first 503 is in
			assertThat(List.of(clock.nextTimer(), clock.nextTimer())).containsExactly(Duration.ofMillis(300),
					Duration.ofMillis(400));
			clock.advanceTimeBy(Duration.ofMillis(300));

			// without the deadline the retries would wait 0.4 + 0.8 + 1.6 s and end with a 503
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> call.get(5, TimeUnit.SECONDS))
				.havingCause()
				.isInstanceOf(CerebrasTimeoutException.class)
				.withMessageContaining("Deadline of 300 ms");
		}
		assertThat(server.findAll(postRequestedFor(urlPathEqualTo(CHAT)))).hasSize(1);
	}

	@Test
	void callThatEndsBeforeItsDeadlineSucceeds() {
		server.stubFor(post(urlPathEqualTo(CHAT)).willReturn(okJson(CerebrasWireMock.chatCompletion())));

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).build();
				VirtualClock clock = VirtualClock.install()) {
			// the clock never moves: a call that waited for its deadline's timer would never end
			ChatCompletion completion = cerebras.withOptions(o -> o.deadline(Duration.ofSeconds(3)))
				.chat()
				.completions()
				.create(REQUEST);

			assertThat(completion.content()).isNotBlank();
			assertThat(clock.timers()).as("the deadline was armed").containsExactly(Duration.ofSeconds(3));
		}
	}

	@Test
	void streamThatEndsBeforeItsDeadlineCompletes() {
		server.stubFor(post(urlPathEqualTo(CHAT)).willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
			.withBody(CerebrasWireMock.chatStream(List.of("a", "b")))));

		try (ReactiveCerebrasTemplate cerebras = CerebrasWireMock.reactive(server).build();
				VirtualClock clock = VirtualClock.install()) {
			// the clock never moves: a stream that waited for its deadline's timer would never end
			List<ChatCompletionChunk> chunks = cerebras.withOptions(o -> o.deadline(Duration.ofSeconds(3)))
				.chat()
				.completions()
				.stream(REQUEST)
				.collectList()
				.block(Duration.ofSeconds(10));

			assertThat(chunks).hasSize(5);
			assertThat(clock.timers()).as("the deadline was armed").containsExactly(Duration.ofSeconds(3));
		}
	}

	@Test
	void viewsShareTheTemplatesPoolAndDoNotWarmUpAgain() throws Exception {
		server.stubFor(get("/v1/tcp_warming").willReturn(okJson("{}")));
		server.stubFor(get("/v1/models").willReturn(okJson("{\"object\":\"list\",\"data\":[]}")));
		server.stubFor(post(urlPathEqualTo("/v1/completions")).willReturn(aResponse()
			.withHeader("Content-Type", "text/event-stream")
			.withBody(textStream(20))
			.withChunkedDribbleDelay(20, 4000)));
		PoolProbe pool = new PoolProbe(1);
		WarmUps warmUps = new WarmUps();

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server)
			.connectionPool(pool.pool())
			.observationRegistry(warmUps.registry())
			.warmUp(true)
			.build()) {
			warmUps.awaitEnd();
			CerebrasTemplate view = cerebras.withOptions(o -> o.header("X-Trace", "t1")).withOptions(o -> o.maxRetries(1));

			CompletableFuture<ModelList> viaTemplate;
			try (CerebrasStream<CompletionChunk> stream = view.completions().stream(textRequest())) {
				stream.iterator().next();
				// the view's stream holds the only connection of the template's pool: the template's call waits for it
				assertThat(pool.metrics().acquiredSize()).isEqualTo(1);
				viaTemplate = CompletableFuture.supplyAsync(() -> cerebras.models().list());
				await().atMost(Duration.ofSeconds(3)).until(() -> pool.metrics().pendingAcquireSize() == 1);
				assertThat(viaTemplate).isNotDone();
			}
			assertThat(viaTemplate.get(5, TimeUnit.SECONDS).data()).isEmpty();
			await().atMost(Duration.ofSeconds(3)).until(() -> pool.metrics().acquiredSize() == 0);
			assertThat(server.findAll(postRequestedFor(urlPathEqualTo("/v1/completions"))).get(0).getHeader("X-Trace"))
				.isEqualTo("t1");
			// a warm-up starts its observation on the thread that asks for it: the views asked for none
			assertThat(warmUps.events()).containsExactly("warm-up started", "warm-up ended");
			assertThat(warmingRequests()).isEqualTo(1);
		}
		finally {
			pool.dispose();
		}
	}

	@Test
	void closingAViewLeavesTheTemplateWorking() {
		server.stubFor(post(urlPathEqualTo(CHAT)).willReturn(okJson(CerebrasWireMock.chatCompletion())));

		try (ReactiveCerebrasTemplate cerebras = CerebrasWireMock.reactive(server).build()) {
			try (ReactiveCerebrasTemplate view = cerebras.withOptions(o -> o.header("X-Trace", "t1"))) {
				assertThat(view.chat().completions().create(REQUEST).block(Duration.ofSeconds(5)).content()).isNotBlank();
			}

			assertThat(cerebras.chat().completions().create(REQUEST).block(Duration.ofSeconds(5)).content()).isNotBlank();
		}
	}

	private static LoggedRequest lastRequest() {
		List<LoggedRequest> requests = server.findAll(postRequestedFor(urlPathEqualTo(CHAT)));
		assertThat(requests).isNotEmpty();
		LoggedRequest last = requests.get(requests.size() - 1);
		server.resetRequests();
		return last;
	}

	private static int warmingRequests() {
		return server.findAll(getRequestedFor(urlPathEqualTo("/v1/tcp_warming"))).size();
	}

	private static JsonNode json(LoggedRequest request) {
		return CerebrasJson.mapper().readTree(request.getBodyAsString());
	}

	private static CompletionRequest textRequest() {
		return CompletionRequest.builder().model("llama3.1-8b").prompt("It was a").build();
	}

	private static String textStream(int chunks) {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < chunks; i++) {
			body.append("data: {\"id\":\"c1\",\"object\":\"text_completion\",\"created\":1,\"model\":\"llama3.1-8b\",")
				.append("\"choices\":[{\"index\":0,\"text\":\"t").append(i).append(" \"}]}\n\n");
		}
		return body.append("data: [DONE]\n\n").toString();
	}

}
