package io.github.cerebras4j.client;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.cerebras4j.client.fixtures.HttpLines;
import org.jspecify.annotations.Nullable;

/**
 * A raw HTTP/1.1 server on 127.0.0.1 for faults WireMock cannot script, such as a stream that breaks after some
 * chunks: it reads each request (headers, then {@code Content-Length} bytes), counts it, and lets a {@link Script}
 * answer it byte by byte, for example headers, three server-sent events in chunked encoding, then a TCP reset.
 * Each connection is served on its own thread; {@link #close()} stops the threads and closes every socket.
 */
final class ScriptedSocketServer implements AutoCloseable {

	/** How the server answers one request. */
	@FunctionalInterface
	interface Script {

		/**
		 * Answers one request. Returning without {@link Exchange#end() ending} the response leaves the connection
		 * silent: open, with nothing more sent.
		 * @param request 1 for the first request the server received, 2 for the second, and so on
		 * @param exchange where to write the answer
		 * @throws Exception if the client went away, which ends the connection
		 */
		void answer(int request, Exchange exchange) throws Exception;

	}

	private final ServerSocket serverSocket;

	private final Script script;

	private final AtomicInteger requests = new AtomicInteger();

	private final AtomicInteger connections = new AtomicInteger();

	private final AtomicInteger hangUps = new AtomicInteger();

	private final List<String> requestLines = new CopyOnWriteArrayList<>();

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
		Thread thread = new Thread(task, "scripted-socket-server");
		thread.setDaemon(true);
		return thread;
	});

	private volatile boolean closed;

	ScriptedSocketServer(Script script) throws IOException {
		this.script = script;
		this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.threads.execute(this::accept);
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.serverSocket.getLocalPort();
	}

	/** Returns how many requests the server has read. */
	int requestCount() {
		return this.requests.get();
	}

	/** Returns how many connections the server has accepted. */
	int connectionCount() {
		return this.connections.get();
	}

	/** Returns how many connections the client closed (the server read the end of the input while waiting). */
	int hangUpCount() {
		return this.hangUps.get();
	}

	/** Returns the request lines read, in order, for example {@code POST /v1/chat/completions HTTP/1.1}. */
	List<String> requestLines() {
		return List.copyOf(this.requestLines);
	}

	private void accept() {
		while (!this.closed) {
			try {
				Socket socket = this.serverSocket.accept();
				this.connections.incrementAndGet();
				this.sockets.add(socket);
				this.threads.execute(() -> serve(socket));
			}
			catch (IOException ex) {
				return; // closed
			}
		}
	}

	private void serve(Socket socket) {
		try (socket) {
			InputStream in = new BufferedInputStream(socket.getInputStream());
			Request request;
			while (!this.closed && (request = readRequest(in)) != null) {
				this.requestLines.add(request.line());
				Exchange exchange = new Exchange(socket, request.body());
				this.script.answer(this.requests.incrementAndGet(), exchange);
				if (exchange.closed) {
					return;
				}
				// answered (keep-alive) or silent: wait for the next request, or for the client to hang up
			}
			if (!this.closed) {
				this.hangUps.incrementAndGet();
			}
		}
		catch (SocketException ex) {
			// a client that closes with data still unread in its buffers resets the connection rather than ending it
			if (!this.closed) {
				this.hangUps.incrementAndGet();
			}
		}
		catch (Exception ex) {
			// the server is closing
		}
		finally {
			this.sockets.remove(socket);
		}
	}

	/** Reads one request, or returns {@code null} when the client closed the connection. */
	private static @Nullable Request readRequest(InputStream in) throws IOException {
		String requestLine = HttpLines.readLine(in);
		if (requestLine == null) {
			return null;
		}
		int contentLength = 0;
		String header;
		while ((header = HttpLines.readLine(in)) != null && !header.isEmpty()) {
			int colon = header.indexOf(':');
			if (colon > 0 && header.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
				contentLength = Integer.parseInt(header.substring(colon + 1).trim());
			}
		}
		byte[] body = in.readNBytes(contentLength);
		if (body.length < contentLength) {
			return null;
		}
		return new Request(requestLine, new String(body, StandardCharsets.UTF_8));
	}

	@Override
	public void close() throws IOException {
		this.closed = true;
		this.serverSocket.close();
		for (Socket socket : this.sockets) {
			socket.close();
		}
		this.threads.shutdownNow();
	}

	private record Request(String line, String body) {
	}

	/** The answer to one request, written as the script goes. */
	static final class Exchange {

		private static final Pattern MODEL = Pattern.compile("\"model\"\\s*:\\s*\"([^\"]*)\"");

		private final Socket socket;

		private final OutputStream out;

		private final String requestBody;

		private boolean closed;

		Exchange(Socket socket, String requestBody) throws IOException {
			this.socket = socket;
			this.out = socket.getOutputStream();
			this.requestBody = requestBody;
		}

		/** Returns the {@code model} of the request's JSON body, which tests use to tell requests apart. */
		String requestModel() {
			Matcher model = MODEL.matcher(this.requestBody);
			if (!model.find()) {
				throw new IllegalStateException("The request has no model: " + this.requestBody);
			}
			return model.group(1);
		}

		/**
		 * Sends a 200 status line and the headers of a server-sent event stream in chunked transfer encoding.
		 * @param moreHeaders more header lines, for example {@code x-request-id: req-1}
		 */
		Exchange streamHeaders(String... moreHeaders) throws IOException {
			StringBuilder head = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n")
				.append("Transfer-Encoding: chunked\r\n");
			for (String header : moreHeaders) {
				head.append(header).append("\r\n");
			}
			return write(head.append("\r\n").toString());
		}

		/**
		 * Sends a status line and headers, for a response that is not a server-sent event stream.
		 * @param statusLine for example {@code HTTP/1.1 200 OK}
		 * @param headers header lines, for example {@code Content-Type: application/json}
		 */
		Exchange head(String statusLine, String... headers) throws IOException {
			StringBuilder head = new StringBuilder(statusLine).append("\r\n");
			for (String header : headers) {
				head.append(header).append("\r\n");
			}
			return write(head.append("\r\n").toString());
		}

		/** Sends {@code data: [DONE]} as one HTTP chunk, without ending the body. */
		Exchange doneEvent() throws IOException {
			return event("[DONE]");
		}

		/** Sends the last, empty chunk: the response is complete. */
		Exchange endBody() throws IOException {
			return write("0\r\n\r\n");
		}

		/** Sends one server-sent event, {@code data: <data>} and a blank line, as one HTTP chunk. */
		Exchange event(String data) throws IOException {
			return chunk("data: " + data + "\n\n");
		}

		/** Sends text as one HTTP chunk. */
		Exchange chunk(String text) throws IOException {
			byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
			return write(Integer.toHexString(bytes.length) + "\r\n").write(bytes).write("\r\n");
		}

		/** Sends {@code data: [DONE]} and the last, empty chunk: the response is complete and the connection kept. */
		Exchange done() throws IOException {
			return event("[DONE]").write("0\r\n\r\n");
		}

		/** Ends the connection with a TCP reset, as a crashed peer or a load balancer does. */
		void reset() throws IOException {
			this.socket.setSoLinger(true, 0);
			end();
		}

		/** Closes the connection normally. */
		void end() throws IOException {
			this.closed = true;
			this.socket.close();
		}

		private Exchange write(String text) throws IOException {
			return write(text.getBytes(StandardCharsets.US_ASCII));
		}

		/** Sends bytes as they are, for example part of a body without chunked encoding. */
		Exchange write(byte[] bytes) throws IOException {
			this.out.write(bytes);
			this.out.flush();
			return this;
		}

	}

}
