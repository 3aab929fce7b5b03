package io.github.cerebras4j.benchmarks.clients;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.springai.CerebrasChatModel;
import io.github.cerebras4j.springai.CerebrasChatOptions;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.openai.OpenAiChatOptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Spring AI's {@link ChatClient} on a chat model, used as an application uses it:
 * {@code chatClient.prompt().user(..).options(..).stream().content()} for a stream (every piece of text it emits is
 * counted), {@code .call().content()} for a completion. The model of each call names the server's workload and is set
 * through the request's options, which {@code ChatClient} merges into the model's defaults. Two chat models sit
 * under it: this project's {@link CerebrasChatModel} on a {@link CerebrasTemplate}, and Spring AI's own
 * {@code OpenAiChatModel} built as {@link SpringAiOpenAi} builds it; both without retries, and {@code ChatClient}
 * and both models with {@link ObservationRegistry#NOOP}, as every contender.
 */
public final class SpringAiChatClient implements Contender {

	private final String name;

	private final ChatClient chatClient;

	private final Function<String, ChatOptions.Builder<?>> options;

	private final Runnable close;

	private SpringAiChatClient(String name, ChatClient chatClient, Function<String, ChatOptions.Builder<?>> options,
			Runnable close) {
		this.name = name;
		this.chatClient = chatClient;
		this.options = options;
		this.close = close;
	}

	/**
	 * Creates {@code ChatClient} on this project's {@link CerebrasChatModel}.
	 * @param origin the server's origin, {@code http://host:port}
	 * @param apiKey the key it sends
	 * @param maxConnections the template's pool size
	 * @return the contender
	 */
	public static SpringAiChatClient onCerebrasChatModel(String origin, String apiKey, int maxConnections) {
		CerebrasTemplate cerebras = CerebrasSettings.apply(CerebrasTemplate.builder(), origin, apiKey, maxConnections)
			.build();
		CerebrasChatModel chatModel = CerebrasChatModel.builder()
			.cerebrasTemplate(cerebras)
			.observationRegistry(ObservationRegistry.NOOP)
			.build();
		return new SpringAiChatClient("Spring AI 2.0.1 ChatClient on cerebras4j CerebrasChatModel",
				ChatClient.create(chatModel, ObservationRegistry.NOOP),
				(model) -> CerebrasChatOptions.builder().model(model), cerebras::close);
	}

	/**
	 * Creates {@code ChatClient} on Spring AI's own {@code OpenAiChatModel}.
	 * @param origin the server's origin, {@code http://host:port}
	 * @param apiKey the key it sends
	 * @return the contender
	 */
	public static SpringAiChatClient onOpenAiChatModel(String origin, String apiKey) {
		return new SpringAiChatClient("Spring AI 2.0.1 ChatClient on OpenAiChatModel",
				ChatClient.create(SpringAiOpenAi.chatModel(origin, apiKey), ObservationRegistry.NOOP),
				(model) -> OpenAiChatOptions.builder().model(model), () -> {
					// as in SpringAiOpenAi: nothing to close
				});
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public Received stream(String model) {
		return received(model).block();
	}

	@Override
	public String create(String model) {
		return this.chatClient.prompt().user(PROMPT).options(this.options.apply(model)).call().content();
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
			return this.chatClient.prompt()
				.user(PROMPT)
				.options(this.options.apply(model))
				.stream()
				.content()
				.doOnNext((text) -> {
					int length = text.length();
					if (received[1] == 0 && length > 0) {
						received[1] = System.nanoTime();
					}
					received[0] += length;
				})
				.then(Mono.fromSupplier(() -> new Received(received[0], start, received[1])));
		});
	}

	@Override
	public void close() {
		this.close.run();
	}

}
