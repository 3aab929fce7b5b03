package io.github.cerebras4j.benchmarks.clients;

import java.util.concurrent.ExecutorService;

import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import reactor.core.publisher.Flux;

/**
 * Spring AI 2.0's OpenAI chat model pointed at the server, as its documentation configures it for an
 * OpenAI-compatible provider: {@code call} for a completion, {@code stream} for a stream, retries off like the others.
 */
public final class SpringAiOpenAi implements Contender {

	private final OpenAiChatModel chatModel;

	/**
	 * Creates the client for a server.
	 * @param origin the server's origin, {@code http://host:port}
	 * @param apiKey the key it sends
	 */
	public SpringAiOpenAi(String origin, String apiKey) {
		this.chatModel = OpenAiChatModel.builder()
			.options(OpenAiChatOptions.builder().baseUrl(origin + "/v1").apiKey(apiKey).maxRetries(0).build())
			.build();
	}

	@Override
	public String name() {
		return "Spring AI 2.0.1 OpenAiChatModel";
	}

	@Override
	public Received stream(String model) {
		long[] received = new long[2];
		responses(model).doOnNext((response) -> {
			if (received[1] == 0) {
				received[1] = System.nanoTime();
			}
			received[0] += textLength(response);
		}).blockLast();
		return new Received(received[0], received[1]);
	}

	@Override
	public String create(String model) {
		return this.chatModel.call(prompt(model)).getResult().getOutput().getText();
	}

	@Override
	public long streamConcurrently(String model, int count, ExecutorService threads) {
		// each stream on its own, as a server subscribes to each user's stream; only the totals are merged
		return Flux.range(0, count)
			.flatMap((i) -> responses(model).map(SpringAiOpenAi::textLength).reduce(0L, Long::sum), count)
			.reduce(0L, Long::sum)
			.block();
	}

	private Flux<ChatResponse> responses(String model) {
		return this.chatModel.stream(prompt(model));
	}

	private static Prompt prompt(String model) {
		return new Prompt(PROMPT, OpenAiChatOptions.builder().model(model).build());
	}

	private static long textLength(ChatResponse response) {
		Generation generation = response.getResult();
		String text = (generation != null) ? generation.getOutput().getText() : null;
		return (text != null) ? text.length() : 0;
	}

	@Override
	public void close() {
		// the OkHttp client Spring AI builds has no close method on the chat model; its threads are daemons
	}

}
