package io.github.cerebras4j.benchmarks.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.cerebras4j.client.chat.ChatCompletion;
import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import io.github.cerebras4j.client.core.CerebrasJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link LoadServer}: what it sends is Cerebras' wire format, the same bytes whatever the write mode, and
 * one event per write really is one HTTP chunk and one flush per event.
 */
class LoadServerTests {

	private final LoadServer server = LoadServer.start(0);

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void streamsTheWorkloadsChunksThenAFinalChunkThenDone() throws Exception {
		Workload workload = Workload.chunks(30);

		List<String> events = events(post(workload, true));

		assertThat(events).hasSize(33).last().isEqualTo("[DONE]");
		List<ChatCompletionChunk> chunks = events.subList(0, 32)
			.stream()
			.map((data) -> CerebrasJson.fromJson(data, ChatCompletionChunk.class))
			.toList();
		assertThat(chunks.get(0).choices().get(0).delta().role()).isEqualTo("assistant");
		assertThat(chunks.stream().mapToLong((chunk) -> chunk.content().length()).sum())
			.isEqualTo(workload.textLength());
		assertThat(chunks.get(31).finishReason()).isEqualTo("stop");
		assertThat(chunks.get(31).usage().completionTokens()).isEqualTo(30);
		assertThat(chunks.get(31).timeInfo().created()).isNotNull();
	}

	@Test
	void everyWriteModeSendsTheSameBytes() throws Exception {
		Workload events = Workload.chunks(500);

		byte[] body = join(rawChunks(events));

		assertThat(join(rawChunks(events.inBulk()))).isEqualTo(body);
		assertThat(join(rawChunks(events.paced(20_000)))).isEqualTo(body);
		assertThat(join(rawChunks(events.paced(20_000).firstChunkAfter(Duration.ofMillis(5))))).isEqualTo(body);
		assertThat(join(rawChunks(events.inBulk().firstChunkAfter(Duration.ofMillis(5))))).isEqualTo(body);
		assertThat(post(events.firstChunkAfter(Duration.ofMillis(5)), true))
			.isEqualTo(new String(body, StandardCharsets.UTF_8));
	}

	@Test
	void oneEventPerWriteSendsEveryEventAsAnHttpChunkOfItsOwnAndFlushesIt() throws Exception {
		Workload workload = Workload.chunks(300);
		long flushesBefore = this.server.flushes();

		List<byte[]> chunks = rawChunks(workload);

		assertThat(this.server.flushes() - flushesBefore).isGreaterThanOrEqualTo(303);
		assertThat(chunks).hasSize(303).allSatisfy(LoadServerTests::isOneEvent);
		assertThat(rawChunks(workload.paced(20_000))).hasSize(303).allSatisfy(LoadServerTests::isOneEvent);
	}

	@Test
	void bulkWritesSendSlicesOf64KilobytesAndFlushRarely() throws Exception {
		Workload workload = Workload.chunks(2_000).inBulk();
		long flushesBefore = this.server.flushes();

		List<byte[]> chunks = rawChunks(workload);

		int length = join(chunks).length;
		assertThat(chunks).hasSize((length + 65535) / 65536)
			.allSatisfy((chunk) -> assertThat(chunk.length).isLessThanOrEqualTo(65536));
		assertThat(this.server.flushes() - flushesBefore).isLessThan(200);
	}

	@Test
	void answersAChatCompletionWhenNotAskedToStream() throws Exception {
		ChatCompletion shortAnswer = CerebrasJson.fromJson(post(Workload.chunks(0), false), ChatCompletion.class);
		ChatCompletion longAnswer = CerebrasJson.fromJson(post(Workload.chunks(200), false), ChatCompletion.class);

		assertThat(shortAnswer.content()).isEqualTo(Workload.chunks(0).answer())
			.isEqualTo("The quick brown fox jumps over the lazy dog.");
		assertThat(shortAnswer.usage().completionTokens()).isEqualTo(10);
		assertThat(longAnswer.content()).isEqualTo(Workload.chunks(200).answer());
		assertThat(longAnswer.content().length()).isEqualTo(Workload.chunks(200).textLength());
		assertThat(longAnswer.usage().completionTokens()).isEqualTo(200);
	}

	@Test
	void workloadsRoundTripThroughTheirModelName() {
		Workload events = Workload.chunks(2_000).firstChunkAfter(Duration.ofMillis(200));
		Workload paced = Workload.chunks(1_000).paced(2_000);
		Workload bulk = Workload.chunks(20_000).inBulk();

		assertThat(Workload.of(events.model())).isEqualTo(events);
		assertThat(Workload.of(paced.model())).isEqualTo(paced);
		assertThat(paced.pace()).isEqualTo(Duration.ofNanos(500_000));
		assertThat(paced.model()).isEqualTo("bench-1000-0-500-events");
		assertThat(Workload.of(bulk.model())).isEqualTo(bulk);
		assertThat(bulk.model()).isEqualTo("bench-20000-0-0-bulk");
	}

	@Test
	void namesWithoutAWriteModeReadAsBeforeWriteModes() {
		assertThat(Workload.of("bench-20000-50-0").writes()).isEqualTo(Workload.Writes.BULK);
		assertThat(Workload.of("bench-5-0-200"))
			.isEqualTo(new Workload(5, Duration.ZERO, Duration.ofNanos(200_000), Workload.Writes.EVENTS));
	}

	@Test
	void rejectsNamesItDidNotMakeAndPacedBulkWrites() {
		assertThatIllegalArgumentException().isThrownBy(() -> Workload.of("llama3.1-8b"))
			.withMessageContaining("bench-<chunks>-<delayMs>-<paceMicros>");
		assertThatIllegalArgumentException().isThrownBy(() -> Workload.of("bench-5-0-0-slices"))
			.withMessageContaining("slices");
		assertThatIllegalArgumentException().isThrownBy(() -> Workload.chunks(5).paced(1_000).inBulk())
			.withMessageContaining("Bulk writes cannot be paced");
	}

	private String post(Workload workload, boolean stream) throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.server.port() + "/v1/chat/completions"))
					.POST(HttpRequest.BodyPublishers.ofString(body(workload, stream)))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValue(stream ? "text/event-stream" : "application/json");
		return response.body();
	}

	/**
	 * Streams a workload over a plain socket and returns its body's HTTP chunks as they were framed on the wire.
	 */
	private List<byte[]> rawChunks(Workload workload) throws IOException {
		byte[] body = body(workload, true).getBytes(StandardCharsets.UTF_8);
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.server.port())) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
					+ "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			out.write(body);
			out.flush();
			InputStream in = socket.getInputStream();
			assertThat(line(in)).startsWith("HTTP/1.1 200");
			List<String> headers = new ArrayList<>();
			for (String header = line(in); !header.isEmpty(); header = line(in)) {
				headers.add(header.toLowerCase(Locale.ROOT));
			}
			assertThat(headers).contains("transfer-encoding: chunked", "content-type: text/event-stream");
			List<byte[]> chunks = new ArrayList<>();
			for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
				chunks.add(in.readNBytes(size));
				assertThat(line(in)).isEmpty();
			}
			assertThat(line(in)).isEmpty();
			return chunks;
		}
	}

	private static int chunkSize(InputStream in) throws IOException {
		return Integer.parseInt(line(in).split(";")[0].trim(), 16);
	}

	private static String line(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int next = in.read(); next != '\n'; next = in.read()) {
			assertThat(next).as("end of stream inside a line").isNotEqualTo(-1);
			line.write(next);
		}
		String text = line.toString(StandardCharsets.US_ASCII);
		return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
	}

	private static void isOneEvent(byte[] chunk) {
		String event = new String(chunk, StandardCharsets.UTF_8);
		assertThat(event).startsWith("data: ").endsWith("\n\n");
		assertThat(event.indexOf("\n\n")).isEqualTo(event.length() - 2);
	}

	private static byte[] join(List<byte[]> chunks) {
		ByteArrayOutputStream joined = new ByteArrayOutputStream();
		chunks.forEach(joined::writeBytes);
		return joined.toByteArray();
	}

	private static String body(Workload workload, boolean stream) {
		return "{\"model\":\"" + workload.model() + "\",\"stream\":" + stream
				+ ",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
	}

	private static List<String> events(String body) {
		assertThat(body).endsWith("\n\n");
		return List.of(body.split("\n\n")).stream().map((event) -> {
			assertThat(event).startsWith("data: ");
			return event.substring("data: ".length());
		}).toList();
	}

}
