package io.github.cerebras4j.benchmarks.clients;

import java.util.List;
import java.util.concurrent.ExecutorService;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

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
		this.chatModel = chatModel(origin, apiKey);
	}

	/**
	 * Builds the chat model as this contender uses it (and {@link SpringAiChatClient} under {@code ChatClient}):
	 * retries off, no observation registry.
	 * @param origin the server's origin, {@code http://host:port}
	 * @param apiKey the key it sends
	 * @return the chat model
	 */
	static OpenAiChatModel chatModel(String origin, String apiKey) {
		return OpenAiChatModel.builder()
			.options(OpenAiChatOptions.builder().baseUrl(origin + "/v1").apiKey(apiKey).maxRetries(0).build())
			.observationRegistry(ObservationRegistry.NOOP)
			.build();
	}

	@Override
	public String name() {
		return "Spring AI 2.0.1 OpenAiChatModel";
	}

	@Override
	public Received stream(String model) {
		return received(model).block();
	}

	@Override
	public String create(String model) {
		return this.chatModel.call(prompt(model)).getResult().getOutput().getText();
	}

	@Override
	public List<Received> streamConcurrently(String model, int count, ExecutorService threads) {
		// each stream on its own, as a server subscribes to each user's stream; only the results are gathered
		return Flux.range(0, count).flatMap((i) -> received(model), count).collectList().block();
	}

	private Mono<Received> received(String model) {
		return Mono.defer(() -> {
			long start = System.nanoTime();
			long[] received = new long[2];
			return this.chatModel.stream(prompt(model)).doOnNext((response) -> {
				long length = textLength(response);
				if (received[1] == 0 && length > 0) {
					received[1] = System.nanoTime();
				}
				received[0] += length;
			}).then(Mono.fromSupplier(() -> new Received(received[0], start, received[1])));
		});
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
