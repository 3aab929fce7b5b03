package io.github.cerebras4j.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.completions.CompletionRequest;
import io.github.cerebras4j.client.core.CerebrasJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The WireMock extension that answers every request of a {@link CerebrasMockServer}: it routes by method and path,
 * decodes generation requests into the client's request types (and keeps them), and writes the scripted answer.
 * Holds the script and the received requests, guarded by one lock.
 */
final class CerebrasApiSimulator implements ResponseDefinitionTransformerV2 {

	static final String NAME = "cerebras-api-simulator";

	private static final int MAX_REMEMBERED_REQUESTS = 1000;

	private static final String MODELS_PATH = "/v1/models";

	private static final byte[] GARBAGE = garbage();

	private final Object lock = new Object();

	private Script script = new Script();

	private final Deque<ChatCompletionRequest> chatRequests = new ArrayDeque<>();

	private final Deque<CompletionRequest> completionRequests = new ArrayDeque<>();

	private final RateLimitHeaders rateLimits = new RateLimitHeaders();

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public boolean applyGlobally() {
		return false;
	}

	void script(Consumer<Script> change) {
		synchronized (this.lock) {
			change.accept(this.script);
		}
	}

	List<ChatCompletionRequest> chatRequests() {
		synchronized (this.lock) {
			return List.copyOf(this.chatRequests);
		}
	}

	List<CompletionRequest> completionRequests() {
		synchronized (this.lock) {
			return List.copyOf(this.completionRequests);
		}
	}

	void reset() {
		synchronized (this.lock) {
			this.script = new Script();
			this.chatRequests.clear();
			this.completionRequests.clear();
		}
		this.rateLimits.reset();
	}

	@Override
	public ResponseDefinition transform(ServeEvent serveEvent) {
		LoggedRequest request = serveEvent.getRequest();
		Script script;
		synchronized (this.lock) {
			script = this.script.copy();
		}
		String path = request.getUrl().split("\\?", 2)[0];
		boolean get = request.getMethod().equals(RequestMethod.GET);
		boolean post = request.getMethod().equals(RequestMethod.POST);
		if (!hasApiKey(request)) {
			return error(401, "Wrong API Key", script, 0).build();
		}
		if (get && path.equals("/v1/tcp_warming")) {
			return ResponseDefinitionBuilder.responseDefinition()
				.withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("{}")
				.build();
		}
		if (get && (path.equals(MODELS_PATH) || path.startsWith(MODELS_PATH + "/"))) {
			return models(path, script).build();
		}
		if (post && path.equals("/v1/chat/completions")) {
			return chat(request, script, untilFirstToken(script.timeToFirstToken, request)).build();
		}
		if (post && path.equals("/v1/completions")) {
			return completion(request, script, untilFirstToken(script.timeToFirstToken, request)).build();
		}
		return error(404, "Unknown endpoint " + request.getMethod() + " " + path, script, 0).build();
	}

	/**
	 * The delay still to wait before the first token, the scripted one less the time the request has already spent
	 * in the server, so that the client sees the scripted time to first token.
	 */
	private static Duration untilFirstToken(Duration scripted, LoggedRequest request) {
		if (scripted.isZero()) {
			return scripted;
		}
		Duration spent = Duration.ofMillis(System.currentTimeMillis() - request.getLoggedDate().getTime());
		return spent.compareTo(scripted) < 0 ? scripted.minus(spent) : Duration.ZERO;
	}

	private static boolean hasApiKey(Request request) {
		String authorization = request.getHeader("Authorization");
		return authorization != null && authorization.startsWith("Bearer ")
				&& !authorization.substring("Bearer ".length()).isBlank();
	}

	private ResponseDefinitionBuilder models(String path, Script script) {
		ResponseDefinitionBuilder failure = failure(script, false);
		if (failure != null) {
			return failure;
		}
		if (path.equals(MODELS_PATH)) {
			return json(200, WireFormat.models(script.models), script, 0);
		}
		String id = path.substring(MODELS_PATH.length() + 1);
		if (!script.models.contains(id)) {
			return error(404, "Model " + id + " does not exist or you do not have access to it.", script, 0);
		}
		return json(200, WireFormat.modelJson(id), script, 0);
	}

	private ResponseDefinitionBuilder chat(Request request, Script script, Duration untilFirstToken) {
		ChatCompletionRequest typed;
		JsonNode body;
		try {
			body = CerebrasJson.mapper().readTree(request.getBodyAsString());
			typed = CerebrasJson.mapper().treeToValue(body, ChatCompletionRequest.class);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			return error(400, invalidBodyMessage(ex), script, 0);
		}
		synchronized (this.lock) {
			remember(this.chatRequests, typed);
		}
		boolean stream = body.path("stream").asBoolean(false);
		ResponseDefinitionBuilder failure = failure(script, stream);
		if (failure != null) {
			return failure;
		}
		Answer answer = Answer.chat(typed, script);
		WireFormat wire = new WireFormat("chatcmpl-", typed.model(), answer, script);
		int tokens = answer.promptTokens() + answer.completionTokens();
		return stream ? stream(wire.chatChunks(), 1, script, tokens, untilFirstToken)
				: answer(wire.chatCompletion(), answer, script, tokens, untilFirstToken);
	}

	private ResponseDefinitionBuilder completion(Request request, Script script, Duration untilFirstToken) {
		CompletionRequest typed;
		JsonNode body;
		try {
			body = CerebrasJson.mapper().readTree(request.getBodyAsString());
			typed = CerebrasJson.mapper().treeToValue(body, CompletionRequest.class);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			return error(400, invalidBodyMessage(ex), script, 0);
		}
		synchronized (this.lock) {
			remember(this.completionRequests, typed);
		}
		boolean stream = body.path("stream").asBoolean(false);
		ResponseDefinitionBuilder failure = failure(script, stream);
		if (failure != null) {
			return failure;
		}
		Answer answer = Answer.completion(typed, script);
		WireFormat wire = new WireFormat("cmpl-", typed.model(), answer, script);
		int tokens = answer.promptTokens() + answer.completionTokens();
		return stream ? stream(wire.completionChunks(), 0, script, tokens, untilFirstToken)
				: answer(wire.completion(), answer, script, tokens, untilFirstToken);
	}

	private static <T> void remember(Deque<T> requests, T request) {
		if (requests.size() == MAX_REMEMBERED_REQUESTS) {
			requests.removeFirst();
		}
		requests.addLast(request);
	}

	private static String invalidBodyMessage(Exception ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return "Invalid request body: " + ((cause instanceof JacksonException jackson) ? jackson.getOriginalMessage()
				: cause.getMessage());
	}

	/**
	 * The scripted failure that replaces the answer, if any: a wire fault, an error status, or for a request that
	 * is not streamed, a scripted in-stream error as its status. A truncated or garbled stream is written by
	 * {@link #stream}.
	 */
	private @Nullable ResponseDefinitionBuilder failure(Script script, boolean stream) {
		if (script.fault == CerebrasMockServer.Fault.CONNECTION_RESET) {
			return ResponseDefinitionBuilder.responseDefinition()
				.withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER);
		}
		if (script.httpFailure != null) {
			return error(script.httpFailure.status(), script.httpFailure.message(), script, 0);
		}
		if (script.streamFailure != null && !stream) {
			return error(script.streamFailure.statusCode(), script.streamFailure.message(), script, 0);
		}
		return null;
	}

	/**
	 * A full answer, after the time a stream of it would take, or as scripted, garbled or cut in half.
	 */
	private ResponseDefinitionBuilder answer(String body, Answer answer, Script script, int tokens,
			Duration untilFirstToken) {
		if (script.fault == CerebrasMockServer.Fault.GARBAGE) {
			return headers(200, "application/json", script, tokens).withBody(GARBAGE);
		}
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		if (script.fault == CerebrasMockServer.Fault.TRUNCATED_STREAM) {
			bytes = Arrays.copyOf(bytes, bytes.length / 2);
		}
		ResponseDefinitionBuilder response = headers(200, "application/json", script, tokens).withBody(bytes);
		double rate = script.tokensPerSecond;
		long generationMillis = (rate > 0) ? Math.round(answer.completionTokens() * 1000 / rate) : 0;
		long delay = untilFirstToken.toMillis() + generationMillis;
		return (delay > 0) ? response.withFixedDelay((int) delay) : response;
	}

	private ResponseDefinitionBuilder stream(List<String> chunks, int leading, Script script, int tokens,
			Duration untilFirstToken) {
		int deltas = chunks.size() - leading - 1;
		int sent = deltas;
		if (script.streamFailure != null) {
			sent = Math.min(deltas, script.streamFailure.afterChunks());
		}
		else if (script.fault == CerebrasMockServer.Fault.TRUNCATED_STREAM) {
			sent = deltas / 2;
		}
		else if (script.fault == CerebrasMockServer.Fault.GARBAGE) {
			sent = 0;
		}
		EventStream events = new EventStream();
		for (int i = 0; i < leading; i++) {
			events.data(chunks.get(i), 0);
		}
		for (int i = 0; i < sent; i++) {
			events.data(chunks.get(leading + i), i);
		}
		int last = Math.max(0, sent - 1);
		if (script.streamFailure != null) {
			events.data(WireFormat.streamError(script.streamFailure.statusCode(), script.streamFailure.message()),
					last);
		}
		else if (script.fault == CerebrasMockServer.Fault.GARBAGE) {
			byte[] event = new byte[GARBAGE.length + 8];
			System.arraycopy("data: ".getBytes(StandardCharsets.US_ASCII), 0, event, 0, 6);
			System.arraycopy(GARBAGE, 0, event, 6, GARBAGE.length);
			event[event.length - 2] = '\n';
			event[event.length - 1] = '\n';
			events.raw(event, last);
		}
		else if (script.fault != CerebrasMockServer.Fault.TRUNCATED_STREAM) {
			events.data(chunks.get(chunks.size() - 1), last);
			events.data("[DONE]", last);
		}
		return events.writeTo(headers(200, "text/event-stream; charset=utf-8", script, tokens),
				untilFirstToken, script.tokensPerSecond);
	}

	private ResponseDefinitionBuilder json(int status, String body, Script script, int tokens) {
		return headers(status, "application/json", script, tokens).withBody(body);
	}

	private ResponseDefinitionBuilder error(int status, String message, Script script, int tokens) {
		ResponseDefinitionBuilder response = json(status, WireFormat.error(status, message), script, tokens);
		if (status == 429) {
			response.withHeader("retry-after", retryAfter(script.retryAfter));
		}
		return response;
	}

	private static String retryAfter(Duration retryAfter) {
		long millis = retryAfter.toMillis();
		return (millis % 1000 == 0) ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0);
	}

	private ResponseDefinitionBuilder headers(int status, String contentType, Script script, int tokens) {
		ResponseDefinitionBuilder response = ResponseDefinitionBuilder.responseDefinition()
			.withStatus(status)
			.withHeader("Content-Type", contentType)
			.withHeader("x-request-id", "req_" + UUID.randomUUID().toString().replace("-", ""));
		for (Map.Entry<String, String> header : this.rateLimits.count(tokens, script.remainingLimits, Instant.now())
			.entrySet()) {
			response.withHeader(header.getKey(), header.getValue());
		}
		return response;
	}

	private static byte[] garbage() {
		byte[] bytes = new byte[64];
		new Random(0xCEB4A5L).nextBytes(bytes);
		for (int i = 0; i < bytes.length; i++) {
			if (bytes[i] == '\n' || bytes[i] == '\r') {
				bytes[i] = '?';
			}
		}
		return bytes;
	}

}
