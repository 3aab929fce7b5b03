package io.github.cerebras4j.test;

// ============================================================================================================
// TEMPORARY STUB - DELETE WHEN MERGING. The real CerebrasMockServer lives in the module cerebras-spring-boot-test
// (issue 5, written in parallel); this stand-in has only the methods the sample app uses, so that the sample app
// compiles and runs before that module exists. On merge: delete this file and its package-info.java, and add the
// dependency io.github.cerebras4j:cerebras-spring-boot-test (compile scope) to sample-app/pom.xml.
// ============================================================================================================

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.cerebras4j.client.CerebrasJson;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import tools.jackson.databind.JsonNode;

/**
 * TEMPORARY stand-in for the test kit's simulator; see the comment at the top of the file.
 */
public final class CerebrasMockServer implements AutoCloseable {

	private final HttpServer server;

	private Function<ChatCompletionRequest, String> replier = (request) -> "Hello from the stub simulator.";

	private Duration timeToFirstToken = Duration.ZERO;

	private double tokensPerSecond;

	private CerebrasMockServer(HttpServer server) {
		this.server = server;
	}

	public static CerebrasMockServer start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.setExecutor(Executors.newCachedThreadPool((runnable) -> {
				Thread thread = new Thread(runnable, "cerebras-stub");
				thread.setDaemon(true);
				return thread;
			}));
			CerebrasMockServer mock = new CerebrasMockServer(server);
			server.createContext("/v1/chat/completions", mock::chat);
			server.createContext("/v1/models", (exchange) -> send(exchange, 200, "application/json",
					"{\"object\":\"list\",\"data\":[{\"id\":\"llama3.1-8b\",\"object\":\"model\",\"owned_by\":\"Meta\"},"
							+ "{\"id\":\"gpt-oss-120b\",\"object\":\"model\",\"owned_by\":\"OpenAI\"},"
							+ "{\"id\":\"qwen-3-32b\",\"object\":\"model\",\"owned_by\":\"Qwen\"}]}"));
			server.createContext("/v1/tcp_warming", (exchange) -> send(exchange, 200, "application/json", "{}"));
			server.start();
			return mock;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + port();
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	public CerebrasMockServer replyWith(Function<ChatCompletionRequest, String> replier) {
		this.replier = replier;
		return this;
	}

	public CerebrasMockServer timeToFirstToken(Duration ttft) {
		this.timeToFirstToken = ttft;
		return this;
	}

	public CerebrasMockServer tokensPerSecond(double rate) {
		this.tokensPerSecond = rate;
		return this;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private void chat(HttpExchange exchange) throws IOException {
		JsonNode body = CerebrasJson.mapper().readTree(exchange.getRequestBody().readAllBytes());
		ChatCompletionRequest.Builder request = ChatCompletionRequest.builder().model(body.get("model").asString());
		for (JsonNode message : body.get("messages")) {
			if ("user".equals(message.get("role").asString())) {
				request.user(message.get("content").asString());
			}
		}
		String model = body.get("model").asString();
		String reply = this.replier.apply(request.build());
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < reply.length(); i += 4) {
			tokens.add(reply.substring(i, Math.min(reply.length(), i + 4)));
		}
		Map<String, Object> usage = Map.of("prompt_tokens", 20, "completion_tokens", tokens.size(), "total_tokens",
				20 + tokens.size());
		double completionTime = (this.tokensPerSecond > 0) ? tokens.size() / this.tokensPerSecond : 0.001;
		Map<String, Object> timeInfo = Map.of("queue_time", 0.0001, "prompt_time", 0.001, "completion_time",
				completionTime, "total_time", completionTime + this.timeToFirstToken.toMillis() / 1000.0);
		if (!body.path("stream").asBoolean(false)) {
			String json = CerebrasJson.mapper().writeValueAsString(Map.of("id", "chatcmpl-stub", "object",
					"chat.completion", "model", model, "choices",
					List.of(Map.of("index", 0, "message", Map.of("role", "assistant", "content", reply),
							"finish_reason", "stop")),
					"usage", usage, "time_info", timeInfo));
			send(exchange, 200, "application/json", json);
			return;
		}
		exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
		exchange.sendResponseHeaders(200, 0);
		try (OutputStream out = exchange.getResponseBody()) {
			sleep(this.timeToFirstToken.toNanos());
			long start = System.nanoTime();
			for (int i = 0; i < tokens.size(); i++) {
				if (this.tokensPerSecond > 0) {
					sleep(start + (long) (i * 1e9 / this.tokensPerSecond) - System.nanoTime());
				}
				event(out, Map.of("id", "chatcmpl-stub", "object", "chat.completion.chunk", "model", model, "choices",
						List.of(Map.of("index", 0, "delta", Map.of("content", tokens.get(i))))));
			}
			event(out, Map.of("id", "chatcmpl-stub", "object", "chat.completion.chunk", "model", model, "choices",
					List.of(Map.of("index", 0, "delta", Map.of(), "finish_reason", "stop")), "usage", usage,
					"time_info", timeInfo));
			out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
		}
	}

	private static void event(OutputStream out, Object data) throws IOException {
		out.write(("data: " + CerebrasJson.mapper().writeValueAsString(data) + "\n\n").getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	private static void sleep(long nanos) {
		if (nanos > 0) {
			try {
				TimeUnit.NANOSECONDS.sleep(nanos);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
