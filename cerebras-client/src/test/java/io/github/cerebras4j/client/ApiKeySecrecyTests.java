package io.github.cerebras4j.client;

import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.error.CerebrasException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The API key never leaves through a log line, an exception or a {@code toString()}.
 */
class ApiKeySecrecyTests {

	@RegisterExtension
	static WireMockExtension server = CerebrasWireMock.server();

	private static final String KEY = CerebrasWireMock.API_KEY;

	private static final ChatCompletionRequest REQUEST = ChatCompletionRequest.builder()
		.model("llama3.1-8b")
		.user("Hi")
		.build();

	private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

	private Level previousLevel;

	@BeforeEach
	void captureEveryLogLineAtDebugAndOursAtTrace() {
		Logger root = rootLogger();
		this.previousLevel = root.getLevel();
		root.setLevel(Level.DEBUG);
		ourLogger().setLevel(Level.TRACE);
		this.logs.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
		this.logs.start();
		root.addAppender(this.logs);
	}

	@AfterEach
	void restoreLogging() {
		Logger root = rootLogger();
		root.detachAppender(this.logs);
		root.setLevel(this.previousLevel);
		ourLogger().setLevel(null);
	}

	@Test
	void keyIsInNoLogLineExceptionOrToString() {
		server.stubFor(post("/v1/chat/completions").inScenario("s").willReturn(okJson(CerebrasWireMock.chatCompletion())));
		server.stubFor(post("/v1/completions").willReturn(aResponse().withStatus(401)
			.withBody("{\"message\":\"Wrong API Key " + KEY + "\",\"type\":\"invalid_request_error\"}")));
		server.stubFor(post("/v1/chat/completions").withHeader("X-Fault", com.github.tomakehurst.wiremock.client.WireMock.equalTo("yes"))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		List<Object> seen = new java.util.ArrayList<>();

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).build()) {
			seen.add(cerebras);
			seen.add(cerebras.reactive());
			seen.add(CerebrasWireMock.template(server));
			seen.add(cerebras.chat().completions().create(REQUEST));
			try (CerebrasStream<ChatCompletionChunk> stream = cerebras.chat().completions().stream(REQUEST)) {
				seen.add(stream);
				seen.add(catchThrowableOfType(CerebrasException.class, () -> stream.forEach(chunk -> { })));
			}
			seen.add(catchThrowableOfType(CerebrasException.class, () -> cerebras.completions()
				.create(io.github.cerebras4j.client.completions.CompletionRequest.builder().model("m").prompt("p").build())));
			try (CerebrasTemplate faulty = CerebrasWireMock.template(server).defaultHeader("X-Fault", "yes").build()) {
				seen.add(catchThrowableOfType(CerebrasException.class, () -> faulty.chat().completions().create(REQUEST)));
			}
		}

		server.verify(postRequestedFor(urlEqualTo("/v1/completions")));
		assertThat(seen).doesNotContainNull();
		assertThat(seen).allSatisfy(value -> assertThat(describe(value)).doesNotContain(KEY));
		List<ILoggingEvent> logged = logged();
		assertThat(logged).as("the test logged at DEBUG").isNotEmpty();
		assertThat(logged).as("the wire log showed the request headers, redacted")
			.anySatisfy(event -> assertThat(event.getFormattedMessage()).contains("--> POST /v1/chat/completions")
				.contains("Authorization: [REDACTED]"));
		assertThat(logged).as("the wire log summed up each call at DEBUG")
			.anySatisfy(event -> assertThat(event.getFormattedMessage())
				.matches("POST /v1/completions -> 401 in \\d+ ms \\(AuthenticationException\\)"));
		assertThat(logged).allSatisfy(event -> assertThat(describe(event)).doesNotContain(KEY));
		assertThat(seen.get(seen.size() - 2).toString()).contains("[REDACTED]");
	}

	@Test
	void inStreamErrorsAndMalformedEventsThatEchoTheKeyAreScrubbed() {
		server.stubFor(post("/v1/chat/completions").withHeader("X-Case", com.github.tomakehurst.wiremock.client.WireMock.equalTo("error"))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
				.withBody("data: {\"status_code\":401,\"error\":{\"message\":\"Wrong API Key " + KEY + "\"}}\n\n")));
		server.stubFor(post("/v1/chat/completions").withHeader("X-Case", com.github.tomakehurst.wiremock.client.WireMock.equalTo("malformed"))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
				.withBody("data: {\"echo\":\"" + KEY + "\",\n\n")));
		List<Object> seen = new java.util.ArrayList<>();

		for (String failure : List.of("error", "malformed")) {
			try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).defaultHeader("X-Case", failure).build();
					CerebrasStream<ChatCompletionChunk> stream = cerebras.chat().completions().stream(REQUEST)) {
				seen.add(catchThrowableOfType(CerebrasException.class, () -> stream.forEach(chunk -> {
				})));
			}
		}

		assertThat(seen).hasSize(2).doesNotContainNull();
		assertThat(seen).allSatisfy(value -> assertThat(describe(value)).doesNotContain(KEY).contains("[REDACTED]"));
	}

	@Test
	void keyReachesNeitherWebClientFiltersNorItsRequestLogging() {
		server.stubFor(post("/v1/chat/completions").willReturn(okJson(CerebrasWireMock.chatCompletion())));
		Logger exchangeLog = (Logger) LoggerFactory.getLogger("org.springframework.web.reactive.function.client");
		exchangeLog.setLevel(Level.TRACE);
		List<String> filterSaw = new java.util.concurrent.CopyOnWriteArrayList<>();
		// what spring.codec.log-request-details=true and a user's ExchangeFilterFunction get
		WebClient.Builder webClient = WebClient.builder()
			.codecs(codecs -> codecs.defaultCodecs().enableLoggingRequestDetails(true))
			.filter((request, next) -> {
				filterSaw.add(request.headers().toString());
				return next.exchange(request);
			});
		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).webClientBuilder(webClient).build()) {
			cerebras.chat().completions().create(REQUEST);
		}
		finally {
			exchangeLog.setLevel(null);
		}

		server.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
			.withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer " + KEY)));
		assertThat(filterSaw).singleElement().asString().doesNotContain(KEY).doesNotContainIgnoringCase("authorization");
		List<ILoggingEvent> logged = logged();
		assertThat(logged).as("WebClient logged the request's details at TRACE")
			.anySatisfy(event -> assertThat(event.getLoggerName()).contains("ExchangeFunctions"));
		assertThat(logged).allSatisfy(event -> assertThat(event.getFormattedMessage()).doesNotContain(KEY));
	}

	private static String describe(Object value) {
		if (value instanceof ILoggingEvent event) {
			StringBuilder text = new StringBuilder(event.getFormattedMessage());
			for (var proxy = event.getThrowableProxy(); proxy != null; proxy = proxy.getCause()) {
				text.append(' ').append(proxy.getMessage());
			}
			return text.toString();
		}
		if (value instanceof Throwable ex) {
			StringBuilder text = new StringBuilder();
			for (Throwable t = ex; t != null; t = t.getCause()) {
				text.append(t).append(' ');
			}
			return text.toString();
		}
		return String.valueOf(value);
	}

	private static Logger ourLogger() {
		return (Logger) LoggerFactory.getLogger("io.github.cerebras4j");
	}

	private static Logger rootLogger() {
		return (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
	}

	/** What was logged so far; a Netty thread may still be logging, so the list is copied under its lock. */
	private List<ILoggingEvent> logged() {
		synchronized (this.logs) {
			return List.copyOf(this.logs.list);
		}
	}

}
