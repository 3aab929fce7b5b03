package io.github.cerebras4j.benchmarks.clients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;

/**
 * The baseline: what a competent engineer writes by hand with {@code java.net.http.HttpClient} and Jackson. It reads a
 * stream line by line, parses each {@code data:} line into a small record holding only the text, and stops at
 * {@code [DONE]}; it checks the status and nothing else.
 */
public final class JdkHttpBaseline implements Contender {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final URI uri;

	private final String apiKey;

	/**
	 * Creates the baseline for a server.
	 * @param origin the server's origin, {@code http://host:port}
	 * @param apiKey the key it sends
	 */
	public JdkHttpBaseline(String origin, String apiKey) {
		this.uri = URI.create(origin + "/v1/chat/completions");
		this.apiKey = apiKey;
	}

	@Override
	public String name() {
		return "baseline (java.net.http)";
	}

	@Override
	public Received stream(String model) {
		long start = System.nanoTime();
		HttpResponse<Stream<String>> response = send(model, true, HttpResponse.BodyHandlers.ofLines());
		long textLength = 0;
		long firstContentAt = 0;
		try (Stream<String> lines = response.body()) {
			Iterator<String> iterator = lines.iterator();
			while (iterator.hasNext()) {
				String line = iterator.next();
				if (!line.startsWith("data: ")) {
					continue;
				}
				String data = line.substring(6);
				if (data.equals("[DONE]")) {
					return new Received(textLength, start, firstContentAt);
				}
				for (Choice choice : readChunk(data).choices()) {
					String content = choice.delta().content();
					if (content != null && !content.isEmpty()) {
						if (firstContentAt == 0) {
							firstContentAt = System.nanoTime();
						}
						textLength += content.length();
					}
				}
			}
		}
		throw new IllegalStateException("The stream ended without [DONE]");
	}

	@Override
	public String create(String model) {
		HttpResponse<byte[]> response = send(model, false, HttpResponse.BodyHandlers.ofByteArray());
		return JSON.readValue(response.body(), Completion.class).choices().get(0).message().content();
	}

	/**
	 * Decodes the data of one event as the baseline does, also measured alone by the decoding microbenchmark.
	 * @param data the text after {@code data: }
	 * @return the chunk, with only its text
	 */
	public static Chunk readChunk(String data) {
		return JSON.readValue(data, Chunk.class);
	}

	private <T> HttpResponse<T> send(String model, boolean stream, HttpResponse.BodyHandler<T> body) {
		byte[] json = JSON.writeValueAsBytes(Map.of("model", model, "stream", stream, "messages",
				List.of(Map.of("role", "user", "content", PROMPT))));
		HttpRequest request = HttpRequest.newBuilder(this.uri)
			.header("Authorization", "Bearer " + this.apiKey)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(json))
			.build();
		try {
			HttpResponse<T> response = this.http.send(request, body);
			if (response.statusCode() != 200) {
				throw new IllegalStateException("HTTP " + response.statusCode());
			}
			return response;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	@Override
	public void close() {
		// java.net.http.HttpClient is AutoCloseable only from Java 21; its threads are daemons
	}

	/**
	 * A chunk as the baseline reads it: only the text.
	 *
	 * @param choices the choices
	 */
	public record Chunk(List<Choice> choices) {
	}

	/**
	 * A choice of a chunk.
	 *
	 * @param delta its delta
	 */
	public record Choice(Delta delta) {
	}

	/**
	 * A delta of a choice.
	 *
	 * @param content its text, {@code null} when it has none
	 */
	public record Delta(String content) {
	}

	record Completion(List<CompletionChoice> choices) {
	}

	record CompletionChoice(Message message) {
	}

	record Message(String content) {
	}

}
