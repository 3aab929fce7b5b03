package io.github.cerebras4j.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

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
 * decodes generation requests into the client's request types (and keeps them), admits them under the rate-limit
 * budget if one is set, and writes the scripted answer. Holds the script and the received requests, guarded by one
 * lock; the budget has its own.
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

	private volatile InstantSource clock = InstantSource.system();

	private volatile @Nullable RateLimitBudget budget;

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
		this.budget = null;
	}

	void clock(InstantSource clock) {
		this.clock = clock;
	}

	void rateLimit(RateLimit limit) {
		this.budget = new RateLimitBudget(limit, this.clock.instant());
	}

	RateLimitStats rateLimitStats(@Nullable String model) {
		RateLimitBudget budget = this.budget;
		return (budget != null) ? budget.stats(model) : RateLimitStats.NONE;
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
			return error(401, "Wrong API Key", script, meter(script, null)).build();
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
		return error(404, "Unknown endpoint " + request.getMethod() + " " + path, script, meter(script, null)).build();
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
		String id = path.equals(MODELS_PATH) ? null : path.substring(MODELS_PATH.length() + 1);
		Meter meter = meter(script, id);
		ResponseDefinitionBuilder failure = failure(script, false, meter);
		if (failure != null) {
			return failure;
		}
		if (id == null) {
			return json(200, WireFormat.models(script.models), meter.settle(0));
		}
		if (!script.models.contains(id)) {
			return error(404, "Model " + id + " does not exist or you do not have access to it.", script, meter);
		}
		return json(200, WireFormat.modelJson(id), meter.settle(0));
	}

	private ResponseDefinitionBuilder chat(Request request, Script script, Duration untilFirstToken) {
		ChatCompletionRequest typed;
		JsonNode body;
		try {
			body = CerebrasJson.mapper().readTree(request.getBodyAsString());
			typed = CerebrasJson.mapper().treeToValue(body, ChatCompletionRequest.class);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			return error(400, invalidBodyMessage(ex), script, meter(script, null));
		}
		synchronized (this.lock) {
			remember(this.chatRequests, typed);
		}
		boolean stream = body.path("stream").asBoolean(false);
		Integer maxTokens = (typed.maxCompletionTokens() != null) ? typed.maxCompletionTokens() : typed.maxTokens();
		RateLimitBudget.Admission admission = admit(typed.model(), Answer.promptTokens(typed), maxTokens);
		if (admission instanceof RateLimitBudget.Rejection rejection) {
			return rateLimited(rejection);
		}
		Meter meter = settling(script, (RateLimitBudget.Reservation) admission);
		ResponseDefinitionBuilder failure = failure(script, stream, meter);
		if (failure != null) {
			return failure;
		}
		Answer answer = plan(() -> Answer.chat(typed, script), meter);
		WireFormat wire = new WireFormat("chatcmpl-", typed.model(), answer, script);
		Map<String, String> limits = meter.settle(answer.promptTokens() + answer.completionTokens());
		return stream ? stream(wire.chatChunks(), 1, script, limits, untilFirstToken)
				: answer(wire.chatCompletion(), answer, script, limits, untilFirstToken);
	}

	private ResponseDefinitionBuilder completion(Request request, Script script, Duration untilFirstToken) {
		CompletionRequest typed;
		JsonNode body;
		try {
			body = CerebrasJson.mapper().readTree(request.getBodyAsString());
			typed = CerebrasJson.mapper().treeToValue(body, CompletionRequest.class);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			return error(400, invalidBodyMessage(ex), script, meter(script, null));
		}
		synchronized (this.lock) {
			remember(this.completionRequests, typed);
		}
		boolean stream = body.path("stream").asBoolean(false);
		RateLimitBudget.Admission admission = admit(typed.model(), Answer.promptTokens(typed.prompt()),
				typed.maxTokens());
		if (admission instanceof RateLimitBudget.Rejection rejection) {
			return rateLimited(rejection);
		}
		Meter meter = settling(script, (RateLimitBudget.Reservation) admission);
		ResponseDefinitionBuilder failure = failure(script, stream, meter);
		if (failure != null) {
			return failure;
		}
		Answer answer = plan(() -> Answer.completion(typed, script), meter);
		WireFormat wire = new WireFormat("cmpl-", typed.model(), answer, script);
		Map<String, String> limits = meter.settle(answer.promptTokens() + answer.completionTokens());
		return stream ? stream(wire.completionChunks(), 0, script, limits, untilFirstToken)
				: answer(wire.completion(), answer, script, limits, untilFirstToken);
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
	 * is not streamed, a scripted in-stream error as its status; it uses no tokens. A truncated or garbled stream is
	 * written by {@link #stream}.
	 */
	private @Nullable ResponseDefinitionBuilder failure(Script script, boolean stream, Meter meter) {
		if (script.fault == CerebrasMockServer.Fault.CONNECTION_RESET) {
			meter.settle(0);
			return ResponseDefinitionBuilder.responseDefinition()
				.withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER);
		}
		if (script.httpFailure != null) {
			return error(script.httpFailure.status(), script.httpFailure.message(), script, meter);
		}
		if (script.streamFailure != null && !stream) {
			return error(script.streamFailure.statusCode(), script.streamFailure.message(), script, meter);
		}
		return null;
	}

	/**
	 * Plans an answer; if that fails (a scripted function threw), settles the request as one that used nothing, so
	 * that its reservation does not stay in the budget.
	 */
	private static Answer plan(Supplier<Answer> planner, Meter meter) {
		try {
			return planner.get();
		}
		catch (RuntimeException ex) {
			meter.settle(0);
			throw ex;
		}
	}

	/**
	 * Admits a generation request under the rate-limit budget.
	 * @return the reservation to settle, a rejection, or {@code null} when no budget is set
	 */
	private RateLimitBudget.@Nullable Admission admit(String model, int promptTokens, @Nullable Integer maxTokens) {
		RateLimitBudget budget = this.budget;
		return (budget != null) ? budget.admit(model, promptTokens, maxTokens, this.clock.instant()) : null;
	}

	/**
	 * The 429 of a request over the budget: the API's body, {@code retry-after} and the rate-limit headers.
	 */
	private ResponseDefinitionBuilder rateLimited(RateLimitBudget.Rejection rejection) {
		return json(429, WireFormat.quotaExceeded(rejection.message(), rejection.code()), rejection.headers())
			.withHeader("retry-after", RateLimitBudget.retryAfter(rejection.retryAfter()));
	}

	/**
	 * The meter of a generation request: it settles the reservation, or without a budget counts the request in the
	 * default headers.
	 */
	private Meter settling(Script script, RateLimitBudget.@Nullable Reservation reservation) {
		if (reservation == null) {
			return (tokens) -> this.rateLimits.count(tokens, script.remainingLimits, this.clock.instant());
		}
		return (tokens) -> reservation.settle(tokens, this.clock.instant());
	}

	/**
	 * The meter of a response that reserves nothing: the budget's state for a model (or for none), or without a
	 * budget, a request counted in the default headers.
	 */
	private Meter meter(Script script, @Nullable String model) {
		RateLimitBudget budget = this.budget;
		if (budget == null) {
			return settling(script, null);
		}
		return (tokens) -> budget.headers(model, this.clock.instant());
	}

	/**
	 * A full answer, after the time a stream of it would take, or as scripted, garbled or cut in half.
	 */
	private ResponseDefinitionBuilder answer(String body, Answer answer, Script script, Map<String, String> limits,
			Duration untilFirstToken) {
		if (script.fault == CerebrasMockServer.Fault.GARBAGE) {
			return headers(200, "application/json", limits).withBody(GARBAGE);
		}
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		if (script.fault == CerebrasMockServer.Fault.TRUNCATED_STREAM) {
			bytes = Arrays.copyOf(bytes, bytes.length / 2);
		}
		ResponseDefinitionBuilder response = headers(200, "application/json", limits).withBody(bytes);
		double rate = script.tokensPerSecond;
		long generationMillis = (rate > 0) ? Math.round(answer.completionTokens() * 1000 / rate) : 0;
		long delay = untilFirstToken.toMillis() + generationMillis;
		return (delay > 0) ? response.withFixedDelay((int) delay) : response;
	}

	private ResponseDefinitionBuilder stream(List<String> chunks, int leading, Script script,
			Map<String, String> limits, Duration untilFirstToken) {
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
		return events.writeTo(headers(200, "text/event-stream; charset=utf-8", limits),
				untilFirstToken, script.tokensPerSecond);
	}

	private ResponseDefinitionBuilder json(int status, String body, Map<String, String> limits) {
		return headers(status, "application/json", limits).withBody(body);
	}

	private ResponseDefinitionBuilder error(int status, String message, Script script, Meter meter) {
		ResponseDefinitionBuilder response = json(status, WireFormat.error(status, message), meter.settle(0));
		if (status == 429) {
			response.withHeader("retry-after", retryAfter(script.retryAfter));
		}
		return response;
	}

	private static String retryAfter(Duration retryAfter) {
		long millis = retryAfter.toMillis();
		return (millis % 1000 == 0) ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0);
	}

	private static ResponseDefinitionBuilder headers(int status, String contentType, Map<String, String> limits) {
		ResponseDefinitionBuilder response = ResponseDefinitionBuilder.responseDefinition()
			.withStatus(status)
			.withHeader("Content-Type", contentType)
			.withHeader("x-request-id", "req_" + UUID.randomUUID().toString().replace("-", ""));
		limits.forEach(response::withHeader);
		return response;
	}

	/**
	 * Settles how a response counts against the rate limits, and gives its rate-limit headers.
	 */
	@FunctionalInterface
	private interface Meter {

		/**
		 * Settles the response.
		 * @param tokens the prompt and completion tokens the request used
		 * @return the response's rate-limit headers by name
		 */
		Map<String, String> settle(int tokens);

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
