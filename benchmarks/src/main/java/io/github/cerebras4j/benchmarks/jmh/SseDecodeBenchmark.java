package io.github.cerebras4j.benchmarks.jmh;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import io.github.cerebras4j.benchmarks.clients.JdkHttpBaseline;
import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import io.github.cerebras4j.client.internal.transport.StreamChunkDecoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;

/**
 * Decoding one SSE event of a content chunk, from its bytes to its text: this library's decoder (SSE framing at the
 * byte level, then Jackson into the full {@link ChatCompletionChunk}) against the baseline's (the bytes as a line
 * String, the {@code data: } prefix cut off, Jackson into a record holding only the text).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SseDecodeBenchmark {

	private static final String EVENT = "data: {\"id\":\"chatcmpl-5f3c2a8e-1b7d-4e8a-9c61-0d2f4b7a9e13\","
			+ "\"object\":\"chat.completion.chunk\",\"created\":1764061200,\"model\":\"llama3.1-8b\","
			+ "\"system_fingerprint\":\"fp_70185065a4\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" fox\"}}]}\n\n";

	private final byte[] event = EVENT.getBytes(StandardCharsets.UTF_8);

	private StreamChunkDecoder<ChatCompletionChunk> decoder;

	@Setup
	public void setUp() {
		this.decoder = new StreamChunkDecoder<>(ChatCompletionChunk.class, new HttpHeaders(), 4 * 1024 * 1024, (text) -> text);
	}

	@Benchmark
	public void cerebras4j(Blackhole blackhole) {
		for (ChatCompletionChunk chunk : this.decoder.decode(DefaultDataBufferFactory.sharedInstance.wrap(this.event))) {
			blackhole.consume(chunk.content());
		}
	}

	@Benchmark
	public void baseline(Blackhole blackhole) {
		String line = new String(this.event, 0, this.event.length - 2, StandardCharsets.UTF_8);
		JdkHttpBaseline.Chunk chunk = JdkHttpBaseline.readChunk(line.substring(6));
		blackhole.consume(chunk.choices().get(0).delta().content());
	}

}
