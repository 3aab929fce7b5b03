package io.github.cerebras4j.benchmarks.server;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.util.concurrent.ScheduledFuture;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
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
 * stream of the {@link Workload} its {@code model} names. The events of each stream length are encoded once and written
 * without copies, in one of two ways:
 * <ul>
 * <li>{@link Workload.Writes#EVENTS one event per write}: each SSE event is its own write and flush, so its own HTTP
 * chunk and its own send on the socket, as inference servers write one event per token; unpaced as fast as the
 * connection takes them, or paced: event {@code i} of a stream is due {@code i} paces after the stream's start and is
 * written by a timer on the connection's event loop, which catches up with every event due when it fires, so a late
 * timer never shifts the events after it;</li>
 * <li>{@link Workload.Writes#BULK in bulk}: the stream's bytes in slices of 64 KB.</li>
 * </ul>
 * A delayed stream's first byte, headers included, leaves after the delay, timed on the event loop too; a paced
 * stream starts then.
 * <p>
 * Run it as its own process ({@link #main}) so that the client's CPU time and allocation are measured alone.
 */
public final class LoadServer implements AutoCloseable {

	private static final int SLICE = 64 * 1024;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<Integer, byte[]> completions = new ConcurrentHashMap<>();

	private final Map<Integer, byte[][]> events = new ConcurrentHashMap<>();

	private final Map<Integer, byte[]> bodies = new ConcurrentHashMap<>();

	private final LongAdder flushes = new LongAdder();

	private final DisposableServer server;

	private LoadServer(int port) {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(port)
			.doOnChannelInit((observer, channel, address) -> channel.pipeline()
				.addFirst("flushCounter", new FlushCounter(this.flushes)))
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

	/**
	 * Returns how many times the server has flushed its connections, which tells one write per event from bulk
	 * writes.
	 * @return the flushes since the server started
	 */
	long flushes() {
		return this.flushes.sum();
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
				byte[] completion = this.completions.computeIfAbsent(workload.chunks(), WireFormat::completion);
				return response.header(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
					.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(completion.length))
					.send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(completion)))
					.then();
			}
			// nothing, headers included, is written before the delay is over
			EventLoop loop = eventLoop(response);
			return after(workload.firstChunkDelay(), loop).then(Mono.defer(() -> stream(workload, response, loop)));
		});
	}

	private Mono<Void> stream(Workload workload, HttpServerResponse response, EventLoop loop) {
		response.header(HttpHeaderNames.CONTENT_TYPE, "text/event-stream");
		if (workload.writes() == Workload.Writes.BULK) {
			return response.send(slices(workload)).then();
		}
		byte[][] events = this.events.computeIfAbsent(workload.chunks(), WireFormat::streamEvents);
		Flux<ByteBuf> stream = workload.pace().isZero() ? Flux.fromArray(events).map(Unpooled::wrappedBuffer)
				: Flux.create((sink) -> new Pacer(events, workload.pace(), loop, sink).start());
		return response.send(stream, (buffer) -> true).then();
	}

	private Flux<ByteBuf> slices(Workload workload) {
		byte[] body = this.bodies.computeIfAbsent(workload.chunks(), (chunks) -> join(WireFormat.streamEvents(chunks)));
		List<ByteBuf> slices = new ArrayList<>(body.length / SLICE + 1);
		for (int offset = 0; offset < body.length; offset += SLICE) {
			slices.add(Unpooled.wrappedBuffer(body, offset, Math.min(SLICE, body.length - offset)));
		}
		return Flux.fromIterable(slices);
	}

	private static EventLoop eventLoop(HttpServerResponse response) {
		EventLoop[] loop = new EventLoop[1];
		response.withConnection((connection) -> loop[0] = connection.channel().eventLoop());
		return loop[0];
	}

	private static Mono<Void> after(Duration delay, EventLoop loop) {
		if (delay.isZero()) {
			return Mono.empty();
		}
		return Mono.create((sink) -> {
			ScheduledFuture<?> timer = loop.schedule(() -> sink.success(), delay.toNanos(), TimeUnit.NANOSECONDS);
			sink.onCancel(() -> timer.cancel(false));
		});
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

	/**
	 * Writes the events of one paced stream from a timer on the connection's event loop: each time it fires it emits
	 * every event due by then (one, unless the loop was late) and sets itself for the next one's due time, reckoned
	 * from the stream's start so that lateness never accumulates.
	 */
	private static final class Pacer implements Runnable {

		private final byte[][] events;

		private final long paceNanos;

		private final EventLoop loop;

		private final FluxSink<ByteBuf> sink;

		private final long startNanos;

		private int next;

		Pacer(byte[][] events, Duration pace, EventLoop loop, FluxSink<ByteBuf> sink) {
			this.events = events;
			this.paceNanos = pace.toNanos();
			this.loop = loop;
			this.sink = sink;
			this.startNanos = System.nanoTime();
		}

		void start() {
			this.loop.execute(this);
		}

		@Override
		public void run() {
			if (this.sink.isCancelled()) {
				return;
			}
			long now = System.nanoTime();
			while (this.next < this.events.length && dueAt(this.next) - now <= 0) {
				this.sink.next(Unpooled.wrappedBuffer(this.events[this.next++]));
			}
			if (this.next == this.events.length) {
				this.sink.complete();
				return;
			}
			this.loop.schedule(this, dueAt(this.next) - now, TimeUnit.NANOSECONDS);
		}

		private long dueAt(int event) {
			return this.startNanos + event * this.paceNanos;
		}

	}

	/**
	 * Counts the flushes of one connection; first in the pipeline, so that every flush passes it.
	 */
	private static final class FlushCounter extends ChannelOutboundHandlerAdapter {

		private final LongAdder flushes;

		FlushCounter(LongAdder flushes) {
			this.flushes = flushes;
		}

		@Override
		public void flush(ChannelHandlerContext context) {
			this.flushes.increment();
			context.flush();
		}

	}

}
