package io.github.cerebras4j.test;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.completions.CompletionRequest;
import org.springframework.util.Assert;

/**
 * A local stand-in for the Cerebras Cloud inference API, built on WireMock and listening on 127.0.0.1. It speaks
 * the API's wire format: {@code POST /v1/chat/completions} and {@code POST /v1/completions} (JSON, or Server-Sent
 * Events when the body has {@code "stream": true}), {@code GET /v1/models}, {@code GET /v1/models/{id}} and
 * {@code GET /v1/tcp_warming}. Every request needs an {@code Authorization: Bearer} header with some key (else 401).
 * <p>
 * Without a script it answers every prompt with a deterministic reply that quotes the last user message, split into
 * tokens of a few characters, with {@code usage} and {@code time_info} computed from the prompt and the reply, the
 * six {@code x-ratelimit-*} headers, and streams ending in {@code data: [DONE]}, all without delay. A request with
 * a {@code json_schema} response format is answered with a small JSON value that follows the schema. The fluent
 * methods script what the following requests get, until {@link #reset()}:
 * <pre>{@code
 * try (CerebrasMockServer server = CerebrasMockServer.start()) {
 *     server.reply("Hello!").timeToFirstToken(Duration.ofMillis(150)).tokensPerSecond(2000);
 *     CerebrasTemplate cerebras = CerebrasTemplate.builder().baseUrl(server.baseUrl()).apiKey("test").build();
 *     // ... exercise the code under test, then:
 *     assertThat(server.lastChatRequest().messages()).hasSize(2);
 * }
 * }</pre>
 * The script applies to the generation endpoints; scripted failures and faults also apply to the model endpoints,
 * never to {@code /v1/tcp_warming}. When several are scripted, a fault wins over an error status, which wins over an
 * in-stream error. The last {@value #REMEMBERED_REQUESTS} requests of each kind are kept for assertions.
 * <p>
 * With {@link #rateLimit(RateLimit)} the server also enforces a rate-limit budget, shared by all its clients, and
 * answers 429 to requests over it, so that a test can run a fleet of clients against one budget.
 */
public final class CerebrasMockServer implements AutoCloseable {

	/** A key to configure clients with; the server accepts any non-blank key. */
	public static final String TEST_API_KEY = "csk-cerebras-mock-server-test-key";

	/** How many requests of each kind the server keeps. */
	public static final int REMEMBERED_REQUESTS = 1000;

	private final WireMockServer wireMock;

	private final CerebrasApiSimulator simulator;

	private final int port;

	private CerebrasMockServer(WireMockServer wireMock, CerebrasApiSimulator simulator) {
		this.wireMock = wireMock;
		this.simulator = simulator;
		this.port = wireMock.port();
	}

	/**
	 * Starts a server on 127.0.0.1 and a free port, with the default script.
	 * @return the running server
	 */
	public static CerebrasMockServer start() {
		return start(0);
	}

	/**
	 * Starts a server on 127.0.0.1, with the default script.
	 * @param port the port, or 0 for a free one
	 * @return the running server
	 */
	public static CerebrasMockServer start(int port) {
		Assert.isTrue(port >= 0 && port <= 65535, () -> "port must be between 0 and 65535, was " + port);
		CerebrasApiSimulator simulator = new CerebrasApiSimulator();
		WireMockConfiguration options = WireMockConfiguration.wireMockConfig()
			.bindAddress("127.0.0.1")
			.port(port)
			// a classpath root that does not exist: no stubs or files from the project's src/test/resources
			.usingFilesUnderClasspath("io/github/cerebras4j/test/wiremock")
			.disableRequestJournal()
			.stubRequestLoggingDisabled(true)
			.gzipDisabled(true)
			.containerThreads(64)
			.extensionScanningEnabled(false)
			.extensions(simulator);
		WireMockServer wireMock = new WireMockServer(options);
		wireMock.start();
		wireMock.stubFor(WireMock.any(WireMock.anyUrl())
			.willReturn(WireMock.aResponse().withTransformers(CerebrasApiSimulator.NAME)));
		return new CerebrasMockServer(wireMock, simulator);
	}

	/**
	 * Returns the URL to configure clients with, for example as {@code cerebras.base-url}.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + port();
	}

	/**
	 * Returns the port the server listens on.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Scripts the reply of chat and text completions.
	 * @param text the reply, streamed in tokens of a few characters
	 * @return this server
	 */
	public CerebrasMockServer reply(String text) {
		Assert.notNull(text, "'text' must not be null");
		this.simulator.script((script) -> {
			script.reply = text;
			script.replier = null;
		});
		return this;
	}

	/**
	 * Scripts a reply computed from each chat request, for a simulator that answers like a model. Text completions
	 * keep their default reply.
	 * @param replier computes the reply from the typed request
	 * @return this server
	 */
	public CerebrasMockServer replyWith(Function<ChatCompletionRequest, String> replier) {
		Assert.notNull(replier, "'replier' must not be null");
		this.simulator.script((script) -> {
			script.replier = replier;
			script.reply = null;
		});
		return this;
	}

	/**
	 * Scripts tool calls computed from each chat request, for a simulator that calls the tools a request offers: the
	 * function returns the calls to make, from the function's name to its JSON arguments, in the map's order (an
	 * empty map makes none). They come after those of {@link #toolCall(String, String)}, and as with those, a
	 * conversation that ends with the tools' results is answered with text.
	 * @param toolCaller computes the tool calls from the typed request
	 * @return this server
	 */
	public CerebrasMockServer toolCallsWith(Function<ChatCompletionRequest, Map<String, String>> toolCaller) {
		Assert.notNull(toolCaller, "'toolCaller' must not be null");
		this.simulator.script((script) -> script.toolCaller = toolCaller);
		return this;
	}

	/**
	 * Scripts the reasoning of chat answers: {@code message.reasoning}, or {@code delta.reasoning} chunks streamed
	 * before the content, counted in {@code usage.completion_tokens_details.reasoning_tokens}.
	 * @param text the reasoning
	 * @return this server
	 */
	public CerebrasMockServer reasoning(String text) {
		Assert.notNull(text, "'text' must not be null");
		this.simulator.script((script) -> script.reasoning = text);
		return this;
	}

	/**
	 * Adds a tool call to chat answers, which then end with {@code finish_reason: tool_calls}; call it again for
	 * parallel calls. A streamed call arrives as a chunk with its id and name, then its arguments in pieces. The
	 * model calls the tools while the conversation does not end with a tool message; once it ends with the tools'
	 * results, it answers with text, so a tool loop ends.
	 * @param name the function's name
	 * @param argumentsJson the arguments, as JSON text
	 * @return this server
	 */
	public CerebrasMockServer toolCall(String name, String argumentsJson) {
		Assert.hasText(name, "'name' must not be empty");
		Assert.notNull(argumentsJson, "'argumentsJson' must not be null");
		this.simulator.script((script) -> script.toolCalls.add(new Script.ToolCallScript(name, argumentsJson)));
		return this;
	}

	/**
	 * Scripts the delay before the first token leaves the server (before the whole answer of a request that is not
	 * streamed). Default: none.
	 * @param timeToFirstToken the delay, millisecond precision
	 * @return this server
	 */
	public CerebrasMockServer timeToFirstToken(Duration timeToFirstToken) {
		Assert.isTrue(timeToFirstToken != null && !timeToFirstToken.isNegative(),
				"'timeToFirstToken' must not be null or negative");
		this.simulator.script((script) -> script.timeToFirstToken = timeToFirstToken);
		return this;
	}

	/**
	 * Scripts the pace of streams on the wire: after the first token, the tokens leave at this rate, flushed in
	 * slots of at least 5 ms (a 2,000 tokens/s stream of 400 tokens takes about 0.2 s). An answer that is not
	 * streamed arrives after the time its stream would take. Default: no delay.
	 * @param tokensPerSecond the rate, or 0 for no delay
	 * @return this server
	 */
	public CerebrasMockServer tokensPerSecond(double tokensPerSecond) {
		Assert.isTrue(tokensPerSecond >= 0 && Double.isFinite(tokensPerSecond),
				() -> "tokensPerSecond must be 0 or more, was " + tokensPerSecond);
		this.simulator.script((script) -> script.tokensPerSecond = tokensPerSecond);
		return this;
	}

	/**
	 * Scripts the remaining quota in the rate-limit headers; by default they count down from the free tier's 14,400
	 * requests per day and 60,000 tokens per minute. Nothing is enforced; while a {@link #rateLimit(RateLimit)
	 * budget} is set, its headers replace these.
	 * @param remainingRequestsPerDay the value of {@code x-ratelimit-remaining-requests-day}
	 * @param remainingTokensPerMinute the value of {@code x-ratelimit-remaining-tokens-minute}
	 * @return this server
	 */
	public CerebrasMockServer rateLimitHeaders(long remainingRequestsPerDay, long remainingTokensPerMinute) {
		Assert.isTrue(remainingRequestsPerDay >= 0 && remainingTokensPerMinute >= 0,
				"remaining requests and tokens must not be negative");
		this.simulator.script((script) -> script.remainingLimits = new Script.RemainingLimits(remainingRequestsPerDay,
				remainingTokensPerMinute));
		return this;
	}

	/**
	 * Enforces a rate-limit budget from now on, as Cerebras does, until {@link #reset()}; calling it again starts
	 * anew. Each model has a budget of its own (Cerebras counts per organisation and model), shared by every client
	 * of this server. Requests and tokens are counted in fixed windows that follow each other from now, not from the
	 * server's start, so that the test or simulation that sets the budget knows where the windows fall; like
	 * Cerebras's day and minute, a window resets at a point in time, which the {@code reset} headers tell.
	 * <p>
	 * Before it is answered, a chat or text completion request, streamed or not, reserves one request and its
	 * prompt tokens (as its {@code usage} counts them) plus its {@code max_completion_tokens} ({@code max_tokens}),
	 * or {@link RateLimit#defaultMaxCompletionTokens()} when it sets none. If that would exceed the request or the
	 * token limit of its model's current windows, it is answered 429 whatever the script, with the API's body
	 * {@code {"message":"Tokens per minute limit exceeded - too many tokens processed.",
	 * "type":"too_many_requests_error","param":"quota","code":"token_quota_exceeded"}} ({@code Requests per ...} and
	 * {@code request_quota_exceeded} for the request limit), {@code retry-after} with the seconds until the windows
	 * that rejected it end (rounded up to the millisecond), and the rate-limit headers. Otherwise it is answered as
	 * scripted, and the part of its reservation that its answer did not use is given back, so that the budget counts
	 * the tokens really used. The server plans the whole answer before its first byte leaves, so it gives the rest
	 * back at once, where the real API does when generation ends; its headers, like the real API's, still count the
	 * whole reservation. A request the script fails with an error status
	 * or a reset connection counts as a request and uses no tokens.
	 * <p>
	 * Every response then carries the budget's six {@code x-ratelimit-*} headers, counting down across all clients:
	 * {@code limit}, {@code remaining} (the limit less what is reserved or used) and {@code reset} (seconds until the
	 * window ends) of {@code requests-day} for the request window and {@code tokens-minute} for the token window,
	 * whatever the windows' lengths. A response about no model (the model list, an error before the request is
	 * read) shows the full quota of a model nothing was sent to. While a budget is set, its headers replace the
	 * default ones and those of {@link #rateLimitHeaders(long, long)}.
	 * @param limit the budget
	 * @return this server
	 */
	public CerebrasMockServer rateLimit(RateLimit limit) {
		Assert.notNull(limit, "'limit' must not be null");
		this.simulator.rateLimit(limit);
		return this;
	}

	/**
	 * Enforces a rate-limit budget of requests and tokens per window, both counted in windows of the same length,
	 * which may be scaled down to seconds; see {@link #rateLimit(RateLimit)}.
	 * @param requestsPerWindow the requests admitted per window and model
	 * @param tokensPerWindow the tokens admitted per window and model
	 * @param window the length of the windows, at least a millisecond
	 * @return this server
	 */
	public CerebrasMockServer rateLimit(long requestsPerWindow, long tokensPerWindow, Duration window) {
		return rateLimit(RateLimit.of(requestsPerWindow, tokensPerWindow, window));
	}

	/**
	 * Enforces a rate-limit budget of requests and tokens per minute; see {@link #rateLimit(RateLimit)}.
	 * @param requestsPerMinute the requests admitted per minute and model
	 * @param tokensPerMinute the tokens admitted per minute and model
	 * @return this server
	 */
	public CerebrasMockServer rateLimit(long requestsPerMinute, long tokensPerMinute) {
		return rateLimit(RateLimit.perMinute(requestsPerMinute, tokensPerMinute));
	}

	/**
	 * Returns what the rate-limit budget counted since it was set, summed over all models.
	 * @return the counts, {@link RateLimitStats#NONE} when no budget is set
	 */
	public RateLimitStats rateLimitStats() {
		return this.simulator.rateLimitStats(null);
	}

	/**
	 * Returns what the rate-limit budget of one model counted since it was set.
	 * @param model the model
	 * @return the counts, {@link RateLimitStats#NONE} when no budget is set or no request named the model
	 */
	public RateLimitStats rateLimitStats(String model) {
		Assert.notNull(model, "'model' must not be null");
		return this.simulator.rateLimitStats(model);
	}

	/**
	 * Sets the clock of the rate limits, for tests that move time on instead of waiting; {@link #reset()} keeps it.
	 * @param clock the clock
	 * @return this server
	 */
	CerebrasMockServer clock(InstantSource clock) {
		Assert.notNull(clock, "'clock' must not be null");
		this.simulator.clock(clock);
		return this;
	}

	/**
	 * Scripts an error status with the API's flat error body {@code {"message","type","param","code"}}; a 429 also
	 * carries {@code retry-after} ({@link #retryAfter(Duration)}). Clients with retries enabled retry 408, 409, 429
	 * and 5xx, and get the same error again.
	 * @param status the HTTP status, 400 to 599
	 * @param message the error message
	 * @return this server
	 */
	public CerebrasMockServer failWith(int status, String message) {
		Assert.isTrue(status >= 400 && status <= 599, () -> "status must be between 400 and 599, was " + status);
		Assert.notNull(message, "'message' must not be null");
		this.simulator.script((script) -> script.httpFailure = new Script.HttpFailure(status, message));
		return this;
	}

	/**
	 * Scripts the {@code retry-after} header of a 429, in seconds. Default: 1 second.
	 * @param retryAfter the delay to announce, millisecond precision
	 * @return this server
	 */
	public CerebrasMockServer retryAfter(Duration retryAfter) {
		Assert.isTrue(retryAfter != null && !retryAfter.isNegative(), "'retryAfter' must not be null or negative");
		this.simulator.script((script) -> script.retryAfter = retryAfter);
		return this;
	}

	/**
	 * Scripts an error inside streams: after the role chunk and {@code afterChunks} token chunks, an event
	 * {@code {"status_code": ..., "error": {...}}} and the end of the body. A request that is not streamed gets the
	 * error as its HTTP status.
	 * @param statusCode the error's {@code status_code}
	 * @param message the error's message
	 * @param afterChunks how many token chunks precede the error
	 * @return this server
	 */
	public CerebrasMockServer failInStream(int statusCode, String message, int afterChunks) {
		Assert.isTrue(statusCode >= 400 && statusCode <= 599,
				() -> "statusCode must be between 400 and 599, was " + statusCode);
		Assert.notNull(message, "'message' must not be null");
		Assert.isTrue(afterChunks >= 0, () -> "afterChunks must not be negative, was " + afterChunks);
		this.simulator.script(
				(script) -> script.streamFailure = new Script.StreamFailure(statusCode, message, afterChunks));
		return this;
	}

	/**
	 * Scripts a fault on the wire.
	 * @param fault the fault
	 * @return this server
	 */
	public CerebrasMockServer fault(Fault fault) {
		Assert.notNull(fault, "'fault' must not be null");
		this.simulator.script((script) -> script.fault = fault);
		return this;
	}

	/**
	 * Scripts the models of {@code GET /v1/models}; {@code GET /v1/models/{id}} answers 404 for others. Default:
	 * {@code llama3.1-8b}, {@code gpt-oss-120b}, {@code qwen-3-32b}.
	 * @param ids the model ids
	 * @return this server
	 */
	public CerebrasMockServer models(String... ids) {
		Assert.noNullElements(ids, "'ids' must not contain null");
		List<String> models = List.copyOf(Arrays.asList(ids));
		this.simulator.script((script) -> script.models = models);
		return this;
	}

	/**
	 * Returns the chat requests received since the start or the last reset, decoded into the client's request type
	 * ({@code stream} is not part of them; unknown fields are in {@code extraBody()}).
	 * @return the requests, oldest first
	 */
	public List<ChatCompletionRequest> chatRequests() {
		return this.simulator.chatRequests();
	}

	/**
	 * Returns the last chat request received.
	 * @return the request
	 * @throws IllegalStateException if none was received
	 */
	public ChatCompletionRequest lastChatRequest() {
		List<ChatCompletionRequest> requests = chatRequests();
		if (requests.isEmpty()) {
			throw new IllegalStateException("No chat completion request was received");
		}
		return requests.get(requests.size() - 1);
	}

	/**
	 * Returns the text completion requests received since the start or the last reset.
	 * @return the requests, oldest first
	 */
	public List<CompletionRequest> completionRequests() {
		return this.simulator.completionRequests();
	}

	/**
	 * Returns the last text completion request received.
	 * @return the request
	 * @throws IllegalStateException if none was received
	 */
	public CompletionRequest lastCompletionRequest() {
		List<CompletionRequest> requests = completionRequests();
		if (requests.isEmpty()) {
			throw new IllegalStateException("No text completion request was received");
		}
		return requests.get(requests.size() - 1);
	}

	/**
	 * Goes back to the default script and forgets the requests received and the quota used; drops the rate-limit
	 * budget and its counts, so nothing is enforced until {@link #rateLimit(RateLimit)} is called again.
	 */
	public void reset() {
		this.simulator.reset();
	}

	/**
	 * Stops the server.
	 */
	@Override
	public void close() {
		this.wireMock.stop();
	}

	@Override
	public String toString() {
		return "CerebrasMockServer[" + baseUrl() + "]";
	}

	/**
	 * A fault on the wire.
	 */
	public enum Fault {

		/** The connection is reset instead of answered. */
		CONNECTION_RESET,

		/**
		 * A stream ends cleanly after about half its token chunks, without its final chunk and {@code data: [DONE]};
		 * a JSON answer is cut in half.
		 */
		TRUNCATED_STREAM,

		/** A 200 whose body is random bytes; a stream sends its role chunk, then an event of random bytes. */
		GARBAGE

	}

}
