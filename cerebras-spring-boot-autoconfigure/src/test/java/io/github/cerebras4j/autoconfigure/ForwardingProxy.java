package io.github.cerebras4j.autoconfigure;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * A forwarding HTTP proxy on 127.0.0.1, thread per connection, without Netty: it opens {@code CONNECT} tunnels to
 * 127.0.0.1 (and nowhere else), checks {@code Proxy-Authorization: Basic ...} when made with credentials and answers
 * {@code 407} when it is missing or wrong, and counts what it tunnelled and refused. Reactor Netty's HTTP proxy
 * support opens a tunnel for every connection, {@code http} targets included, so a request with an absolute URI is
 * never sent; the proxy answers one with {@code 405}, which would fail the test that sent it.
 * {@link #close()} stops the threads and closes every socket.
 *
 * <p>A copy of {@code cerebras-client}'s test fixture of the same name: test sources are not shared between modules.
 */
final class ForwardingProxy implements AutoCloseable {

	private final ServerSocket serverSocket;

	private final @Nullable String expectedAuthorization;

	private final AtomicInteger tunnels = new AtomicInteger();

	private final AtomicInteger refusals = new AtomicInteger();

	private final List<String> requestLines = new CopyOnWriteArrayList<>();

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private final ExecutorService threads = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "forwarding-proxy");
		thread.setDaemon(true);
		return thread;
	});

	private volatile boolean closed;

	private ForwardingProxy(@Nullable String username, @Nullable String password) throws IOException {
		this.expectedAuthorization = (username != null) ? "Basic " + Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)) : null;
		this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.threads.execute(this::accept);
	}

	/** A proxy that lets anyone through. */
	static ForwardingProxy open() throws IOException {
		return new ForwardingProxy(null, null);
	}

	/** A proxy that lets through only who sends these credentials. */
	static ForwardingProxy withCredentials(String username, String password) throws IOException {
		return new ForwardingProxy(username, password);
	}

	int port() {
		return this.serverSocket.getLocalPort();
	}

	/** Returns how many tunnels the proxy opened. */
	int tunnels() {
		return this.tunnels.get();
	}

	/** Returns how many requests the proxy refused with 407. */
	int refusals() {
		return this.refusals.get();
	}

	/** Returns the request lines the proxy read, such as {@code CONNECT 127.0.0.1:8443 HTTP/1.1}. */
	List<String> requestLines() {
		return List.copyOf(this.requestLines);
	}

	private void accept() {
		while (!this.closed) {
			try {
				Socket client = this.serverSocket.accept();
				this.sockets.add(client);
				this.threads.execute(() -> serve(client));
			}
			catch (IOException ex) {
				return; // closed
			}
		}
	}

	private void serve(Socket client) {
		try (client) {
			InputStream in = new BufferedInputStream(client.getInputStream());
			List<String> head = readHead(in);
			if (head.isEmpty()) {
				return;
			}
			this.requestLines.add(head.get(0));
			String[] requestLine = head.get(0).split(" ");
			if (!requestLine[0].equals("CONNECT")) {
				answer(client, "405 Method Not Allowed", "Allow: CONNECT");
				return;
			}
			if (this.expectedAuthorization != null
					&& !this.expectedAuthorization.equals(header(head, "Proxy-Authorization"))) {
				this.refusals.incrementAndGet();
				answer(client, "407 Proxy Authentication Required", "Proxy-Authenticate: Basic realm=\"test\"");
				return;
			}
			String authority = requestLine[1];
			int colon = authority.lastIndexOf(':');
			String host = authority.substring(0, colon);
			if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
				answer(client, "403 Forbidden", "X-Reason: only 127.0.0.1");
				return;
			}
			tunnel(client, in, Integer.parseInt(authority.substring(colon + 1)));
		}
		catch (Exception ex) {
			// a side went away or the proxy is closing
		}
		finally {
			this.sockets.remove(client);
		}
	}

	private void tunnel(Socket client, InputStream fromClient, int port) throws Exception {
		try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), port)) {
			this.sockets.add(upstream);
			this.tunnels.incrementAndGet();
			client.getOutputStream()
				.write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			Future<?> downstream = this.threads.submit(() -> pump(upstream.getInputStream(), client));
			pump(fromClient, upstream);
			downstream.get();
		}
	}

	/** Copies bytes until the end of the input, then half-closes the output so the other side sees the end too. */
	private static @Nullable Void pump(InputStream in, Socket to) throws IOException {
		OutputStream out = to.getOutputStream();
		byte[] buffer = new byte[8192];
		int read;
		try {
			while ((read = in.read(buffer)) != -1) {
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		finally {
			if (!to.isClosed()) {
				to.shutdownOutput();
			}
		}
		return null;
	}

	private static void answer(Socket client, String status, String header) throws IOException {
		String response = "HTTP/1.1 " + status + "\r\n" + header + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
		client.getOutputStream().write(response.getBytes(StandardCharsets.US_ASCII));
		client.getOutputStream().flush();
	}

	private static List<String> readHead(InputStream in) throws IOException {
		List<String> lines = new ArrayList<>();
		String line;
		while ((line = readLine(in)) != null && !line.isEmpty()) {
			lines.add(line);
		}
		return lines;
	}

	private static @Nullable String header(List<String> head, String name) {
		for (String line : head.subList(1, head.size())) {
			int colon = line.indexOf(':');
			if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
				return line.substring(colon + 1).trim();
			}
		}
		return null;
	}

	private static @Nullable String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) != -1) {
			if (b == '\n') {
				byte[] bytes = line.toByteArray();
				int length = (bytes.length > 0 && bytes[bytes.length - 1] == '\r') ? bytes.length - 1 : bytes.length;
				return new String(bytes, 0, length, StandardCharsets.US_ASCII);
			}
			line.write(b);
		}
		return null;
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

}
