package io.github.cerebras4j.standalone;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

/**
 * A few answers of the Cerebras API, served by the JDK's own HTTP server on 127.0.0.1 and a free port, so that
 * these tests need nothing on the class path besides the client: {@code POST /v1/chat/completions} (JSON, or
 * Server-Sent Events when the body asks for a stream), {@code GET /v1/models}, {@code GET /v1/models/{id}} and
 * {@code GET /v1/tcp_warming}. Anything else is a 404. It records every request it receives.
 */
final class LoopbackApi implements AutoCloseable {

	static final String API_KEY = "csk-standalone-5e1b7d3a9c";

	private static final String CHAT_COMPLETION = """
			{"id":"chatcmpl-4c7e1c4f","object":"chat.completion","created":1769729480,"model":"llama3.1-8b",
			 "choices":[{"index":0,"finish_reason":"stop",
			   "message":{"role":"assistant","content":"Fast inference makes AI feel instant."}}],
			 "usage":{"prompt_tokens":15,"completion_tokens":9,"total_tokens":24}}
			""";

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private LoopbackApi(HttpServer server) {
		this.server = server;
	}

	static LoopbackApi start() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		LoopbackApi api = new LoopbackApi(server);
		server.createContext("/", api::handle);
		server.start();
		return api;
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	List<Received> received() {
		return List.copyOf(this.received);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			String method = exchange.getRequestMethod();
			String path = exchange.getRequestURI().getRawPath();
			this.received.add(new Received(method, path, exchange.getRequestHeaders().getFirst("Authorization"), body));
			if (method.equals("POST") && path.equals("/v1/chat/completions")) {
				if (body.contains("\"stream\":true")) {
					stream(exchange, chatStream("Fast ", "inference ", "matters."));
				}
				else {
					json(exchange, 200, CHAT_COMPLETION);
				}
			}
			else if (method.equals("GET") && path.equals("/v1/models")) {
				json(exchange, 200, "{\"object\":\"list\",\"data\":[" + model("llama3.1-8b") + "," + model("qwen-3-32b") + "]}");
			}
			else if (method.equals("GET") && path.equals("/v1/models/llama3.1-8b")) {
				json(exchange, 200, model("llama3.1-8b"));
			}
			else if (method.equals("GET") && path.equals("/v1/tcp_warming")) {
				json(exchange, 200, "{}");
			}
			else {
				json(exchange, 404, "{\"message\":\"Not found\",\"type\":\"not_found_error\",\"param\":\"\",\"code\":\"not_found\"}");
			}
		}
	}

	private static void json(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	/** Writes and flushes one event at a time, as the real API does. */
	private static void stream(HttpExchange exchange, List<String> events) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
		exchange.sendResponseHeaders(200, 0);
		OutputStream out = exchange.getResponseBody();
		for (String event : events) {
			out.write(("data: " + event + "\n\n").getBytes(StandardCharsets.UTF_8));
			out.flush();
		}
	}

	private static String model(String id) {
		return "{\"id\":\"" + id + "\",\"object\":\"model\",\"created\":0,\"owned_by\":\"Cerebras\"}";
	}

	private static List<String> chatStream(String... tokens) {
		String head = "{\"id\":\"chatcmpl-9b1\",\"object\":\"chat.completion.chunk\",\"created\":1769729480,"
				+ "\"model\":\"llama3.1-8b\",\"choices\":[{\"index\":0,";
		List<String> events = new ArrayList<>();
		events.add(head + "\"delta\":{\"role\":\"assistant\"}}]}");
		for (String token : tokens) {
			events.add(head + "\"delta\":{\"content\":\"" + token + "\"}}]}");
		}
		events.add(head + "\"delta\":{},\"finish_reason\":\"stop\"}],"
				+ "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":3,\"total_tokens\":15}}");
		events.add("[DONE]");
		return events;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * One request as the server received it.
	 * @param method the method
	 * @param path the raw path, as sent
	 * @param authorization the {@code Authorization} header, or {@code null}
	 * @param body the body
	 */
	record Received(String method, String path, @Nullable String authorization, String body) {
	}

}
