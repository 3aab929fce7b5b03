package io.github.cerebras4j.benchmarks.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A loopback stand-in for Cerebras' chat endpoint that is never the bottleneck: {@code POST /v1/chat/completions}
 * answers with a pre-encoded chat completion, or, when the request says {@code "stream": true}, with a pre-encoded SSE
 * stream of the {@link Workload} its {@code model} names. The bytes of each stream length are encoded once and written
 * as slices of one array, without copies.
 * <p>
 * Run it as its own process ({@link #main}) so that the client's CPU time and allocation are measured alone.
 */
public final class LoadServer implements AutoCloseable {

	private static final int SLICE = 64 * 1024;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final byte[] completion = WireFormat.completion();

	private final Map<Integer, byte[][]> events = new ConcurrentHashMap<>();

	private final Map<Integer, byte[]> bodies = new ConcurrentHashMap<>();

	private final DisposableServer server;

	private LoadServer(int port) {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(port)
			.route((routes) -> routes.post("/v1/chat/completions", this::chat))
			.bindNow();
	}

	/**
	 * Starts a server on 127.0.0.1.
	 * @param port the port, 0 for any free one
	 * @return the running server
	 */
	public static LoadServer start(int port) {
		return new LoadServer(port);
	}

	/**
	 * Returns the port the server listens on.
	 * @return the port
	 */
	public int port() {
		return this.server.port();
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

	private Publisher<Void> chat(HttpServerRequest request, HttpServerResponse response) {
		return request.receive().aggregate().asByteArray().flatMap((body) -> {
			JsonNode json = JSON.readTree(body);
			Workload workload = Workload.of(json.path("model").asString());
			if (!json.path("stream").asBoolean(false)) {
				return response.header(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
					.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(this.completion.length))
					.send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(this.completion)))
					.then();
			}
			return response.header(HttpHeaderNames.CONTENT_TYPE, "text/event-stream")
				.send(stream(workload).delaySubscription(workload.firstChunkDelay()))
				.then();
		});
	}

	private Flux<ByteBuf> stream(Workload workload) {
		if (!workload.pace().isZero()) {
			byte[][] events = this.events.computeIfAbsent(workload.chunks(), WireFormat::streamEvents);
			return Flux.fromArray(events).delayElements(workload.pace()).map(Unpooled::wrappedBuffer);
		}
		byte[] body = this.bodies.computeIfAbsent(workload.chunks(), (chunks) -> join(WireFormat.streamEvents(chunks)));
		List<ByteBuf> slices = new ArrayList<>(body.length / SLICE + 1);
		for (int offset = 0; offset < body.length; offset += SLICE) {
			slices.add(Unpooled.wrappedBuffer(body, offset, Math.min(SLICE, body.length - offset)));
		}
		return Flux.fromIterable(slices);
	}

	private static byte[] join(byte[][] events) {
		int length = 0;
		for (byte[] event : events) {
			length += event.length;
		}
		byte[] body = new byte[length];
		int offset = 0;
		for (byte[] event : events) {
			System.arraycopy(event, 0, body, offset, event.length);
			offset += event.length;
		}
		return body;
	}

	/**
	 * Runs a server until its standard input closes, printing {@code listening on <port>} once it listens; the
	 * benchmarks start it this way as a child process.
	 * @param args the port, none for any free one
	 * @throws IOException if standard input fails
	 */
	public static void main(String[] args) throws IOException {
		try (LoadServer server = start((args.length > 0) ? Integer.parseInt(args[0]) : 0)) {
			System.out.println("listening on " + server.port());
			System.out.flush();
			InputStream in = System.in;
			while (in.read() != -1) {
				// the parent closes our standard input to stop us
			}
		}
	}

}
