package io.github.cerebras4j.benchmarks.server;

import java.nio.charset.StandardCharsets;

/**
 * The bytes the {@link LoadServer} sends, in Cerebras' exact wire format (the chunk shape of an observed real
 * stream: a role chunk, content chunks, a final chunk with {@code finish_reason}, {@code usage} and
 * {@code time_info}, then {@code [DONE]}), encoded once so that serving them costs the server nothing but writes.
 */
final class WireFormat {

	private static final String HEAD = "{\"id\":\"chatcmpl-5f3c2a8e-1b7d-4e8a-9c61-0d2f4b7a9e13\",\"object\":\"chat.completion.chunk\","
			+ "\"created\":1764061200,\"model\":\"llama3.1-8b\",\"system_fingerprint\":\"fp_70185065a4\",\"choices\":[";

	private static final String[] WORDS = { " the", " quick", " brown", " fox", " jumps", " over", " lazy", " dog",
			" and", " keeps", " running", " through" };

	private static final String COMPLETION_TEXT = "The quick brown fox jumps over the lazy dog.";

	private WireFormat() {
	}

	/**
	 * Returns the SSE events of a stream, one array per event ({@code data: ...\n\n}), {@code [DONE]} last.
	 * @param chunks how many content chunks
	 * @return {@code chunks + 3} events: role, contents, final, {@code [DONE]}
	 */
	static byte[][] streamEvents(int chunks) {
		byte[][] events = new byte[chunks + 3][];
		events[0] = event(HEAD + "{\"index\":0,\"delta\":{\"role\":\"assistant\"}}]}");
		for (int i = 0; i < chunks; i++) {
			events[i + 1] = event(HEAD + "{\"index\":0,\"delta\":{\"content\":\"" + WORDS[i % WORDS.length] + "\"}}]}");
		}
		events[chunks + 1] = event(HEAD + "{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],"
				+ "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":" + chunks + ",\"total_tokens\":" + (chunks + 12)
				+ ",\"prompt_tokens_details\":{\"cached_tokens\":0}},\"time_info\":{\"queue_time\":0.000112,"
				+ "\"prompt_time\":0.00093,\"completion_time\":0.0211,\"total_time\":0.0233,\"created\":1764061200.513}}");
		events[chunks + 2] = "data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8);
		return events;
	}

	/**
	 * Returns a non-streamed chat completion.
	 * @param tokens how many tokens its answer carries: the text of as many content chunks of a stream, or, for
	 * zero, a short sentence of ten tokens
	 * @return the JSON body
	 */
	static byte[] completion(int tokens) {
		int completionTokens = (tokens > 0) ? tokens : 10;
		return ("{\"id\":\"chatcmpl-5f3c2a8e-1b7d-4e8a-9c61-0d2f4b7a9e13\",\"object\":\"chat.completion\","
				+ "\"created\":1764061200,\"model\":\"llama3.1-8b\",\"system_fingerprint\":\"fp_70185065a4\","
				+ "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
				+ "\"" + completionText(tokens) + "\"},\"finish_reason\":\"stop\"}],"
				+ "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":" + completionTokens + ",\"total_tokens\":"
				+ (completionTokens + 12) + ",\"prompt_tokens_details\":{\"cached_tokens\":0}},"
				+ "\"time_info\":{\"queue_time\":0.000112,\"prompt_time\":0.00093,\"completion_time\":0.0041,"
				+ "\"total_time\":0.0053,\"created\":1764061200.513}}")
			.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Returns the text of a non-streamed answer.
	 * @param tokens how many tokens it carries, zero for the short sentence
	 * @return the text
	 */
	static String completionText(int tokens) {
		if (tokens == 0) {
			return COMPLETION_TEXT;
		}
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < tokens; i++) {
			text.append(WORDS[i % WORDS.length]);
		}
		return text.toString();
	}

	static long textLength(int chunks) {
		long length = 0;
		for (int i = 0; i < chunks; i++) {
			length += WORDS[i % WORDS.length].length();
		}
		return length;
	}

	private static byte[] event(String json) {
		return ("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8);
	}

}
