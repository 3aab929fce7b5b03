package io.github.cerebras4j.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.github.cerebras4j.client.chat.ReactiveChatCompletions;
import io.github.cerebras4j.client.completions.ReactiveCompletions;
import io.github.cerebras4j.client.core.RequestOptions;
import io.github.cerebras4j.client.core.ResponseMetadata;
import io.github.cerebras4j.client.core.WarmUpResult;
import io.github.cerebras4j.client.internal.transport.CerebrasHttpClient;
import io.github.cerebras4j.client.internal.transport.ConnectionWarmer;
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

	private final CerebrasHttpClient http;

	private final Runnable onClose;

	private final Chat chat;

	private final ReactiveCompletions completions;

	private final ReactiveModels models;

	/**
	 * Creates a template on a transport; most applications use {@link #builder()} instead.
	 * @param http the transport
	 * @param onClose what {@link #close()} releases, for example the connection pool the builder created
	 */
	public ReactiveCerebrasTemplate(CerebrasHttpClient http, Runnable onClose) {
		Assert.notNull(http, "'http' must not be null");
		Assert.notNull(onClose, "'onClose' must not be null");
		this.http = http;
		this.onClose = onClose;
		this.chat = new Chat(new ReactiveChatCompletions(http));
		this.completions = new ReactiveCompletions(http);
		this.models = new ReactiveModels(http);
	}

	/**
	 * Starts building a template.
	 * @return a builder whose {@code build()} returns a {@code ReactiveCerebrasTemplate}
	 */
	public static CerebrasClientBuilder<ReactiveCerebrasTemplate> builder() {
		return new CerebrasClientBuilder<>((http, onClose) -> new ReactiveCerebrasTemplate(http, onClose));
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
	public ReactiveCompletions completions() {
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
		return ConnectionWarmer.warmUp(this.http);
	}

	/**
	 * Checks that the API is reachable and accepts the key with one {@code GET /v1/tcp_warming}, without retries;
	 * what a health check needs.
	 * @param timeout the longest wait, connection included
	 * @return the response's status and headers; a failure is a {@code CerebrasException}
	 */
	public Mono<ResponseMetadata> ping(Duration timeout) {
		return ConnectionWarmer.ping(this.http, timeout);
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
		return new ReactiveCerebrasTemplate(this.http.withOptions(builder.build()), () -> {
		});
	}

	/**
	 * Returns the base URL calls go to.
	 * @return the base URL, without a trailing slash
	 */
	public String baseUrl() {
		return this.http.baseUrl();
	}

	/**
	 * Returns the transport, for the blocking template built on this one.
	 * @return the transport
	 */
	CerebrasHttpClient http() {
		return this.http;
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
		return "ReactiveCerebrasTemplate[baseUrl=" + this.http.baseUrl() + "]";
	}

	/**
	 * The chat resources of the reactive template.
	 *
	 * @param completions chat completions, {@code POST /v1/chat/completions}
	 */
	public record Chat(ReactiveChatCompletions completions) {
	}

}
