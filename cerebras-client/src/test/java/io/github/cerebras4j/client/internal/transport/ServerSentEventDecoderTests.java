package io.github.cerebras4j.client.internal.transport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.github.cerebras4j.client.error.CerebrasMalformedResponseException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ServerSentEventDecoderTests {

	private final List<Event> events = new ArrayList<>();

	private final ServerSentEventDecoder decoder = newDecoder(this.events);

	// Wire facts §10 items 37-41 (the Python SDK's SSE decoder tests)

	@Test
	void namedEventCarriesItsData() {
		feed("event: completion\ndata: {\"foo\":true}\n\n");

		assertThat(this.events).containsExactly(new Event("completion", "{\"foo\":true}"));
	}

	@Test
	void eventWithoutEventFieldHasNoName() {
		feed("data: {\"foo\":true}\n\n");

		assertThat(this.events).containsExactly(new Event(null, "{\"foo\":true}"));
	}

	@Test
	void eventWithoutDataFieldHasEmptyData() {
		feed("event: ping\n\n");

		assertThat(this.events).containsExactly(new Event("ping", ""));
	}

	@Test
	void dataLinesAreJoinedWithNewlinesKeepingEmptyOnes() {
		feed("data: {\ndata: \"foo\":\ndata: \ndata:\ndata: true}\n\n");

		assertThat(this.events).containsExactly(new Event(null, "{\n\"foo\":\n\n\ntrue}"));
	}

	@Test
	void escapedNewlinesInsideJsonDoNotSplitTheEvent() {
		feed("""
				event: ping
				data: {"foo":"my long\\n\\ncontent"}

				""");

		assertThat(this.events).containsExactly(new Event("ping", "{\"foo\":\"my long\\n\\ncontent\"}"));
	}

	@Test
	void lineSeparatorCharacterInsideDataIsNotALineBreak() {
		feed("data: {\"content\":\"culpa\"}\n\ndata: {\"content\":\"\u2028\"}\n\ndata: {\"content\":\"foo\"}\n\n");

		assertThat(this.events).containsExactly(new Event(null, "{\"content\":\"culpa\"}"),
				new Event(null, "{\"content\":\"\u2028\"}"), new Event(null, "{\"content\":\"foo\"}"));
	}

	@Test
	void multiByteCharactersSplitAcrossFeedsAreDecoded() {
		byte[] stream = utf8("data: {\"content\":\"известни\"}\n\n");
		for (int split = 0; split <= stream.length; split++) {
			List<Event> received = new ArrayList<>();
			ServerSentEventDecoder decoder = newDecoder(received);

			decoder.feed(stream, 0, split);
			decoder.feed(stream, split, stream.length - split);

			assertThat(received).as("split at %d", split)
				.containsExactly(new Event(null, "{\"content\":\"известни\"}"));
		}
	}

	@Test
	void doneMarkerIsAnOrdinaryEvent() {
		feed("data: [DONE]\n\n");

		assertThat(this.events).containsExactly(new Event(null, "[DONE]"));
	}

	// Framing

	@ParameterizedTest
	@ValueSource(strings = { "\n", "\r\n", "\r" })
	void linesEndAtLfCrlfOrCrAndABlankLineEndsTheEvent(String lineEnd) {
		feed("event: a" + lineEnd + "data: 1" + lineEnd + "data: 2" + lineEnd + lineEnd + "data: 3" + lineEnd
				+ lineEnd);

		assertThat(this.events).containsExactly(new Event("a", "1\n2"), new Event(null, "3"));
		assertThat(this.decoder.hasIncompleteEvent()).isFalse();
	}

	@Test
	void crlfSplitAcrossFeedsIsOneLineEnd() {
		feed("data: a\r");
		feed("\ndata: b\r");
		feed("\n");
		assertThat(this.events).isEmpty();
		feed("\r\n");

		assertThat(this.events).containsExactly(new Event(null, "a\nb"));
	}

	@Test
	void emptyFeedBetweenCrAndLfKeepsThemOneLineEnd() {
		feed("data: a\r");
		feed("");
		feed("\n");
		assertThat(this.events).isEmpty();
		feed("\n");

		assertThat(this.events).containsExactly(new Event(null, "a"));
	}

	@Test
	void crAtEndOfFeedEndsTheLineWhenAnotherByteFollows() {
		feed("data: a\r");
		feed("data: b\r");
		feed("\r");

		assertThat(this.events).containsExactly(new Event(null, "a\nb"));
	}

	@Test
	void commentsAreIgnored() {
		feed(": keep-alive\n\ndata: x\n: in the middle\ndata: y\n\n");

		assertThat(this.events).containsExactly(new Event(null, "x\ny"));
	}

	@Test
	void commentOnlyBlockIsNotAnIncompleteEvent() {
		feed(": keep-alive\n");

		assertThat(this.decoder.hasIncompleteEvent()).isFalse();
	}

	@Test
	void blankLinesWithoutFieldsDispatchNothing() {
		feed("\n\n\r\n\r\r");

		assertThat(this.events).isEmpty();
	}

	@Test
	void byteOrderMarkAtStreamStartIsSkipped() {
		feed("\uFEFFdata: x\n\n");

		assertThat(this.events).containsExactly(new Event(null, "x"));
	}

	@Test
	void byteOrderMarkSplitAcrossFeedsIsSkippedAndIsNotAnIncompleteEvent() {
		byte[] stream = utf8("\uFEFFdata: x\n\n");
		this.decoder.feed(stream, 0, 2);
		assertThat(this.decoder.hasIncompleteEvent()).isFalse();

		this.decoder.feed(stream, 2, stream.length - 2);

		assertThat(this.events).containsExactly(new Event(null, "x"));
	}

	@Test
	void byteOrderMarkAfterStreamStartIsPartOfTheFieldName() {
		feed("data: a\n\n\uFEFFdata: b\n\n");

		assertThat(this.events).containsExactly(new Event(null, "a"));
	}

	@Test
	void lineWithoutColonIsAFieldWithEmptyValue() {
		feed("data\ndata\n\n");

		assertThat(this.events).containsExactly(new Event(null, "\n"));
	}

	@Test
	void valueWithoutLeadingSpaceIsTakenAsIs() {
		feed("event:x\ndata:{\"a\":1}\n\n");

		assertThat(this.events).containsExactly(new Event("x", "{\"a\":1}"));
	}

	@Test
	void onlyOneLeadingSpaceIsStripped() {
		feed("data:  x\n\n");

		assertThat(this.events).containsExactly(new Event(null, " x"));
	}

	@Test
	void valueKeepsFurtherColons() {
		feed("data: a: b:c\n\n");

		assertThat(this.events).containsExactly(new Event(null, "a: b:c"));
	}

	@Test
	void fieldNamesAreCaseSensitive() {
		feed("Data: x\nEVENT: y\n\n");

		assertThat(this.events).isEmpty();
	}

	@Test
	void eventNameIsResetAfterEachEvent() {
		feed("event: a\ndata: 1\n\ndata: 2\n\n");

		assertThat(this.events).containsExactly(new Event("a", "1"), new Event(null, "2"));
	}

	@Test
	void lastEventIdIsRememberedAndIdsContainingNulAreIgnored() {
		assertThat(this.decoder.lastEventId()).isNull();

		feed("id: 1\ndata: a\n\nid: 2\u0000x\ndata: b\n\n");

		assertThat(this.decoder.lastEventId()).isEqualTo("1");
		assertThat(this.events).containsExactly(new Event(null, "a"), new Event(null, "b"));
	}

	@Test
	void retryWithOnlyDigitsIsRememberedOtherValuesAreIgnored() {
		assertThat(this.decoder.retryMillis()).isNull();

		feed("retry: 3000\n\n");
		assertThat(this.decoder.retryMillis()).isEqualTo(3000L);

		feed("retry: 3s\n\nretry: -1\n\nretry:\n\nretry: 99999999999999999999\n\n");
		assertThat(this.decoder.retryMillis()).isEqualTo(3000L);
		assertThat(this.events).isEmpty();
	}

	@Test
	void unknownFieldsAreIgnored() {
		feed("foo: bar\n\nfoo: bar\ndata: x\n\n");

		assertThat(this.events).containsExactly(new Event(null, "x"));
	}

	@Test
	void severalEventsInOneFeedAreAllDispatched() {
		feed("data: 1\n\nevent: e\ndata: 2\n\ndata: 3\n\n");

		assertThat(this.events).containsExactly(new Event(null, "1"), new Event("e", "2"), new Event(null, "3"));
	}

	@Test
	void eventFedOneByteAtATimeIsDispatchedOnce() {
		byte[] stream = utf8("event: e\r\ndata: {\"content\":\"héllo 🚀\"}\r\ndata: x\r\n\r\n");
		for (int i = 0; i < stream.length; i++) {
			this.decoder.feed(stream, i, 1);
		}

		assertThat(this.events).containsExactly(new Event("e", "{\"content\":\"héllo 🚀\"}\nx"));
	}

	@Test
	void trailingEventWithoutBlankLineIsNotDispatchedButIncomplete() {
		feed("data: 1\n\ndata: 2\n");

		assertThat(this.events).containsExactly(new Event(null, "1"));
		assertThat(this.decoder.hasIncompleteEvent()).isTrue();
	}

	@Test
	void partialLineIsAnIncompleteEvent() {
		feed("data: 1\n\nda");

		assertThat(this.events).containsExactly(new Event(null, "1"));
		assertThat(this.decoder.hasIncompleteEvent()).isTrue();
	}

	@Test
	void completeEventLeavesNothingIncomplete() {
		assertThat(this.decoder.hasIncompleteEvent()).isFalse();

		feed("data: 1\n\n");

		assertThat(this.decoder.hasIncompleteEvent()).isFalse();
	}

	@Test
	void largeDataIsDeliveredWhole() {
		String large = "x".repeat(100_000);
		byte[] stream = utf8("data: " + large + "\ndata: " + large + "\n\n");
		for (int offset = 0; offset < stream.length; offset += 1000) {
			this.decoder.feed(stream, offset, Math.min(1000, stream.length - offset));
		}
		this.decoder.feed(stream, 0, stream.length);

		Event expected = new Event(null, large + "\n" + large);
		assertThat(this.events).containsExactly(expected, expected);
	}

	@Test
	void feedingADataBufferConsumesIt() {
		String large = "й".repeat(10_000);
		DataBuffer buffer = DefaultDataBufferFactory.sharedInstance.wrap(utf8("data: 1\n\ndata: " + large + "\n\n"));

		this.decoder.feed(buffer);

		assertThat(buffer.readableByteCount()).isZero();
		assertThat(this.events).containsExactly(new Event(null, "1"), new Event(null, large));
	}

	// Any split of a realistic stream yields the events of one feed

	@ParameterizedTest
	@ValueSource(strings = { "\n", "\r\n", "\r" })
	void chatStreamSplitAtEveryPointYieldsTheSameEvents(String lineEnd) {
		byte[] stream = chatStream(lineEnd);
		List<Event> expected = chatStreamEvents();
		this.decoder.feed(stream, 0, stream.length);
		assertThat(this.events).isEqualTo(expected);

		for (int split = 0; split <= stream.length; split++) {
			List<Event> received = new ArrayList<>();
			ServerSentEventDecoder decoder = newDecoder(received);

			decoder.feed(stream, 0, split);
			decoder.feed(stream, split, stream.length - split);

			assertThat(received).as("split at %d", split).isEqualTo(expected);
			assertThat(decoder.hasIncompleteEvent()).isFalse();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "\n", "\r\n", "\r" })
	void chatStreamInRandomChunksYieldsTheSameEvents(String lineEnd) {
		byte[] stream = chatStream(lineEnd);
		List<Event> expected = chatStreamEvents();
		Random random = new Random(20240917L);
		int[] maxChunkSizes = { 2, 7, 64, 1000, 20_000 };
		byte[] reused = new byte[20_100];

		for (int round = 0; round < 100; round++) {
			List<Event> received = new ArrayList<>();
			ServerSentEventDecoder decoder = newDecoder(received);
			int maxChunkSize = maxChunkSizes[round % maxChunkSizes.length];
			int position = 0;
			while (position < stream.length) {
				int size = Math.min(1 + random.nextInt(maxChunkSize), stream.length - position);
				int offset = random.nextInt(100);
				System.arraycopy(stream, position, reused, offset, size);
				decoder.feed(reused, offset, size);
				Arrays.fill(reused, (byte) '\n');
				position += size;
			}

			assertThat(received).as("round %d", round).isEqualTo(expected);
			assertThat(decoder.hasIncompleteEvent()).isFalse();
		}
	}

	private static List<String> chatChunks() {
		String[] contents = { "Hello", ",", " world", "!", " Привет", ", мир", " 🚀", "🎉🎉", " line\\nbreak", "\\n\\n",
				"\u2028", "para\u2028graph", " известни", " думи", " \\\"quoted\\\"", " 日本語", " café" };
		String chunk = """
				{"id":"chatcmpl-7f3a","object":"chat.completion.chunk","created":1769729480,"model":"gpt-oss-120b",\
				"system_fingerprint":"fp_70185065a4d8","choices":[{"index":0,"delta":{%s}}]}""";
		List<String> chunks = new ArrayList<>();
		chunks.add(chunk.formatted("\"role\":\"assistant\""));
		for (int i = 0; i < 48; i++) {
			String content = contents[i % contents.length];
			chunks.add(chunk.formatted("\"content\":\"" + content + "\""));
		}
		// the final chunk spread over several data lines, as a pretty-printing server would send it
		chunks.add("""
				{"id":"chatcmpl-7f3a","object":"chat.completion.chunk","created":1769729480,"model":"gpt-oss-120b",
				"choices":[{"index":0,"delta":{},"finish_reason":"stop"}],
				"usage":{"prompt_tokens":12,"completion_tokens":48,"total_tokens":60},
				"time_info":{"queue_time":0.0001,"prompt_time":0.002,"completion_time":0.03,"total_time":0.035,
				"created":1769729480.123}}""");
		return chunks;
	}

	private static byte[] chatStream(String lineEnd) {
		StringBuilder stream = new StringBuilder();
		for (String chunk : chatChunks()) {
			for (String line : chunk.split("\n")) {
				stream.append("data: ").append(line).append(lineEnd);
			}
			stream.append(lineEnd);
			stream.append(": keep-alive").append(lineEnd);
		}
		stream.append("data: [DONE]").append(lineEnd).append(lineEnd);
		return utf8(stream.toString());
	}

	private static List<Event> chatStreamEvents() {
		List<Event> events = new ArrayList<>();
		for (String chunk : chatChunks()) {
			events.add(new Event(null, chunk));
		}
		events.add(new Event(null, "[DONE]"));
		return events;
	}

	@Test
	void lineWithoutAnEndFailsOnceItPassesTheLimitAndHoldsNoMore() {
		ServerSentEventDecoder limited = new ServerSentEventDecoder((event, data, length) -> {
		}, 4096);
		byte[] piece = utf8("x".repeat(1000));
		limited.feed(utf8("data: "), 0, 6);
		for (int i = 0; i < 4; i++) {
			limited.feed(piece, 0, piece.length);
		}

		assertThatExceptionOfType(CerebrasMalformedResponseException.class)
			.isThrownBy(() -> limited.feed(piece, 0, piece.length))
			.withMessageContaining("line of the stream is longer than 4096 bytes");
		assertThat(limited.heldBytes()).isLessThanOrEqualTo(2 * 4097);
	}

	@Test
	void dataLinesWithoutABlankLineFailOnceTheyPassTheLimit() {
		ServerSentEventDecoder limited = new ServerSentEventDecoder((event, data, length) -> {
		}, 4096);
		byte[] line = utf8("data: " + "y".repeat(94) + "\n");

		assertThatExceptionOfType(CerebrasMalformedResponseException.class).isThrownBy(() -> {
			for (int i = 0; i < 1000; i++) {
				limited.feed(line, 0, line.length);
			}
		}).withMessageContaining("event of the stream is longer than 4096 bytes");
		assertThat(limited.heldBytes()).isLessThanOrEqualTo(2 * 4097);
	}

	@Test
	void eventOfExactlyTheLimitIsDecoded() {
		List<Event> received = new ArrayList<>();
		ServerSentEventDecoder limited = new ServerSentEventDecoder(
				(event, data, length) -> received.add(new Event(event, new String(data, 0, length, StandardCharsets.UTF_8))),
				4096);
		byte[] event = utf8("data: " + "z".repeat(4090) + "\n\n");

		limited.feed(event, 0, event.length);

		assertThat(received).singleElement().satisfies(e -> assertThat(e.data()).hasSize(4090));
	}

	private void feed(String text) {
		byte[] bytes = utf8(text);
		this.decoder.feed(bytes, 0, bytes.length);
	}

	private static ServerSentEventDecoder newDecoder(List<Event> received) {
		return new ServerSentEventDecoder(
				(event, data, length) -> received.add(new Event(event, new String(data, 0, length, StandardCharsets.UTF_8))),
				1024 * 1024);
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private record Event(@Nullable String name, String data) {
	}

}
