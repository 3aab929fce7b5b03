package io.github.cerebras4j.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import io.github.cerebras4j.client.completions.Completion;
import io.github.cerebras4j.client.completions.CompletionChunk;
import io.github.cerebras4j.client.completions.CompletionRequest;
import io.github.cerebras4j.client.core.RequestOptions;
import io.github.cerebras4j.client.core.ResponseMetadata;
import io.github.cerebras4j.client.core.WarmUpResult;
import io.github.cerebras4j.client.internal.transport.Transport;
import io.github.cerebras4j.client.observation.CerebrasObservationContext;
import org.springframework.util.Assert;
import reactor.core.publisher.Mono;

/**
 * The reactive entry point to the Cerebras Cloud inference API: every call returns a {@code Mono} or a
 * {@code Flux} and nothing blocks. Mirrors the official SDKs' shape: {@code chat().completions()},
 * {@code completions()}, {@code models()}. Thread-safe; build one per application and share it, which shares its
 * connection pool.
 *
 * <pre class="code">
 * ReactiveCerebrasTemplate cerebras = ReactiveCerebrasTemplate.builder().apiKey(key).build();
 * Flux&lt;ChatCompletionChunk&gt; chunks = cerebras.chat().completions().stream(request);
 * </pre>
 */
public final class ReactiveCerebrasTemplate implements AutoCloseable {

	private static final ReactiveGenerations.Endpoint<Completion, CompletionChunk> TEXT_COMPLETIONS =
			new ReactiveGenerations.Endpoint<>("/v1/completions", Completion.class, CompletionChunk.class, CerebrasObservationContext.TEXT_COMPLETION);

	private final Transport transport;

	private final ConnectionWarmer warmer;

	private final Runnable onClose;

	private final Chat chat;

	private final ReactiveGenerations<CompletionRequest, Completion, CompletionChunk> completions;

	private final ReactiveModels models;

	ReactiveCerebrasTemplate(Transport transport, ConnectionWarmer warmer, Runnable onClose) {
		this.transport = transport;
		this.warmer = warmer;
		this.onClose = onClose;
		this.chat = new Chat(new ReactiveChatCompletions(transport));
		this.completions = new ReactiveGenerations<>(transport, TEXT_COMPLETIONS);
		this.models = new ReactiveModels(transport);
	}

	/**
	 * Starts building a template.
	 * @return a builder whose {@code build()} returns a {@code ReactiveCerebrasTemplate}
	 */
	public static CerebrasClientBuilder<ReactiveCerebrasTemplate> builder() {
		return new CerebrasClientBuilder<>(reactive -> reactive);
	}

	/**
	 * Returns the chat resources.
	 * @return {@code chat()}, whose {@code completions()} is {@code POST /v1/chat/completions}
	 */
	public Chat chat() {
		return this.chat;
	}

	/**
	 * Returns text completions, {@code POST /v1/completions}.
	 * @return the text completions resource
	 */
	public ReactiveGenerations<CompletionRequest, Completion, CompletionChunk> completions() {
		return this.completions;
	}

	/**
	 * Returns the model catalogue, {@code GET /v1/models}.
	 * @return the models resource
	 */
	public ReactiveModels models() {
		return this.models;
	}

	/**
	 * Opens the configured number of pooled connections with {@code GET /v1/tcp_warming}, in the background; the
	 * builder does it once at build time unless told not to. Never blocks, never throws.
	 * @return the outcome, completed when the warming requests have answered or failed
	 */
	public CompletableFuture<WarmUpResult> warmUp() {
		return this.warmer.warmUp(this.transport);
	}

	/**
	 * Checks that the API is reachable and accepts the key with one {@code GET /v1/tcp_warming}, without retries;
	 * what a health check needs.
	 * @param timeout the longest wait, connection included
	 * @return the response's status and headers; a failure is a {@code CerebrasException}
	 */
	public Mono<ResponseMetadata> ping(Duration timeout) {
		return ConnectionWarmer.ping(this.transport, timeout);
	}

	/**
	 * Returns a view of this template whose calls use more options (retries, timeouts, headers, query, body
	 * fields); it shares this template's connection pool, is cheap to create and needs no closing.
	 * @param options sets the options, for example {@code o -> o.maxRetries(5).header("X-Trace", id)}
	 * @return the view
	 */
	public ReactiveCerebrasTemplate withOptions(Consumer<RequestOptions.Builder> options) {
		Assert.notNull(options, "'options' must not be null");
		RequestOptions.Builder builder = RequestOptions.builder();
		options.accept(builder);
		return new ReactiveCerebrasTemplate(this.transport.withOptions(builder.build()), this.warmer, () -> {
		});
	}

	/**
	 * Returns the base URL calls go to.
	 * @return the base URL, without a trailing slash
	 */
	public String baseUrl() {
		return this.transport.baseUrl();
	}

	/**
	 * Releases what this template owns (the connection pool the builder created); a template built on a
	 * caller's own resources releases nothing of theirs.
	 */
	@Override
	public void close() {
		this.onClose.run();
	}

	@Override
	public String toString() {
		return "ReactiveCerebrasTemplate[baseUrl=" + this.transport.baseUrl() + "]";
	}

	/**
	 * The chat resources of the reactive template.
	 *
	 * @param completions chat completions, {@code POST /v1/chat/completions}
	 */
	public record Chat(ReactiveChatCompletions completions) {
	}

}
