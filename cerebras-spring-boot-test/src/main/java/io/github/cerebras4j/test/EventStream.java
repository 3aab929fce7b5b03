package io.github.cerebras4j.test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * A Server-Sent Events body and its pacing on the wire. Unpaced, the body leaves at once (after the time to first
 * token, if any). Paced, it leaves in slots of at least {@value #MIN_SLOT_MILLIS} ms, each holding the events due
 * by then: the first slot, with the first token, leaves after the time to first token, then one slot per interval
 * at the token rate. WireMock's chunked dribble delay splits a body into equal byte ranges, so every slot is padded
 * to the same size with an SSE comment line, which clients ignore; each slot is then written and flushed on its own.
 */
final class EventStream {

	static final int MIN_SLOT_MILLIS = 5;

	private final List<byte[]> events = new ArrayList<>();

	private final List<Integer> dueTokens = new ArrayList<>();

	/**
	 * Appends an event with one {@code data} line.
	 * @param data the event's data, one line of JSON or {@code [DONE]}
	 * @param dueToken the index of the token the event waits for
	 */
	void data(String data, int dueToken) {
		raw(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8), dueToken);
	}

	/**
	 * Appends bytes as they are.
	 * @param bytes the bytes
	 * @param dueToken the index of the token the bytes wait for
	 */
	void raw(byte[] bytes, int dueToken) {
		this.events.add(bytes);
		this.dueTokens.add(dueToken);
	}

	/**
	 * Sets the body and its pacing on a response.
	 * @param response the response
	 * @param timeToFirstToken the delay before the first token leaves
	 * @param tokensPerSecond the token rate, or 0 to send every token at once
	 * @return the response
	 */
	ResponseDefinitionBuilder writeTo(ResponseDefinitionBuilder response, Duration timeToFirstToken,
			double tokensPerSecond) {
		int ttftMillis = (int) timeToFirstToken.toMillis();
		if (tokensPerSecond <= 0) {
			response.withBody(concat(this.events));
			return (ttftMillis > 0) ? response.withFixedDelay(ttftMillis) : response;
		}
		int slotMillis = Math.max(MIN_SLOT_MILLIS, (int) Math.ceil(1000 / tokensPerSecond));
		double slotsPerToken = 1000 / (tokensPerSecond * slotMillis);
		List<ByteArrayOutputStream> slots = new ArrayList<>();
		for (int i = 0; i < this.events.size(); i++) {
			int slot = (int) Math.floor(this.dueTokens.get(i) * slotsPerToken);
			while (slots.size() <= slot) {
				slots.add(new ByteArrayOutputStream());
			}
			slots.get(slot).writeBytes(this.events.get(i));
		}
		int slotSize = slots.stream().mapToInt(ByteArrayOutputStream::size).max().orElse(0) + 2;
		List<byte[]> padded = new ArrayList<>();
		for (ByteArrayOutputStream slot : slots) {
			byte[] comment = new byte[slotSize - slot.size()];
			Arrays.fill(comment, (byte) ' ');
			comment[0] = ':';
			comment[comment.length - 1] = '\n';
			slot.writeBytes(comment);
			padded.add(slot.toByteArray());
		}
		return response.withBody(concat(padded))
			.withChunkedDribbleDelay(padded.size(), padded.size() * slotMillis)
			.withFixedDelay(Math.max(0, ttftMillis - slotMillis));
	}

	private static byte[] concat(List<byte[]> parts) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		parts.forEach(body::writeBytes);
		return body.toByteArray();
	}

}
