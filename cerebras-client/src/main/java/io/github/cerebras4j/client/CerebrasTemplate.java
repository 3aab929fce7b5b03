package io.github.cerebras4j.client;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.github.cerebras4j.client.chat.ChatCompletion;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.completions.Completion;
import io.github.cerebras4j.client.completions.CompletionChunk;
import io.github.cerebras4j.client.completions.CompletionRequest;
import io.github.cerebras4j.client.core.RequestOptions;
import io.github.cerebras4j.client.core.WarmUpResult;
import org.springframework.util.Assert;

/**
 * The blocking entry point to the Cerebras Cloud inference API, in the spirit of {@code RestTemplate}: calls wait
 * for their result, and streams are {@link CerebrasStream}s to iterate. Mirrors the official SDKs' shape:
 * {@code chat().completions()}, {@code completions()}, {@code models()}. A view of a
 * {@link ReactiveCerebrasTemplate}, sharing its connection pool; thread-safe.
 *
 * <p>Its calls block, so they are for threads that may block: on a thread Reactor marks as non-blocking (a Netty
 * event loop, for example inside a WebFlux handler, or a {@code Schedulers.parallel()} worker) every call throws an
 * {@link IllegalStateException} before anything is sent; use {@link #reactive()} there. {@link #warmUp()} never
 * blocks and works anywhere.
 *
 * <pre class="code">
 * CerebrasTemplate cerebras = CerebrasTemplate.builder().apiKey(key).build();
 * ChatCompletion completion = cerebras.chat().completions().create(
 *         ChatCompletionRequest.builder().model("llama3.1-8b").user("Why is fast inference important?").build());
 * </pre>
 */
public final class CerebrasTemplate implements AutoCloseable {

	private final ReactiveCerebrasTemplate reactive;

	private final Chat chat;

	private final Generations<CompletionRequest, Completion, CompletionChunk> completions;

	private final Models models;

	/**
	 * Creates the blocking view of a reactive template; both share one connection pool.
	 * @param reactive the reactive template that does the work
	 */
	public CerebrasTemplate(ReactiveCerebrasTemplate reactive) {
		Assert.notNull(reactive, "'reactive' must not be null");
		this.reactive = reactive;
		this.chat = new Chat(new ChatCompletions(reactive.chat().completions()));
		this.completions = new Generations<>(reactive.completions());
		this.models = new Models(reactive.models());
	}

	/**
	 * Starts building a template.
	 * @return a builder whose {@code build()} returns a {@code CerebrasTemplate}
	 */
	public static CerebrasClientBuilder<CerebrasTemplate> builder() {
		return new CerebrasClientBuilder<>(CerebrasTemplate::new);
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
	public Generations<CompletionRequest, Completion, CompletionChunk> completions() {
		return this.completions;
	}

	/**
	 * Returns the model catalogue, {@code GET /v1/models}.
	 * @return the models resource
	 */
	public Models models() {
		return this.models;
	}

	/**
	 * Opens the configured number of pooled connections with {@code GET /v1/tcp_warming}, in the background; the
	 * builder does it once at build time unless told not to. Never blocks, never throws.
	 * @return the outcome, completed when the warming requests have answered or failed
	 */
	public CompletableFuture<WarmUpResult> warmUp() {
		return this.reactive.warmUp();
	}

	/**
	 * Returns a view of this template whose calls use more options (retries, timeouts, headers, query, body
	 * fields); it shares this template's connection pool, is cheap to create and needs no closing.
	 * <pre class="code">
	 * cerebras.withOptions(o -&gt; o.maxRetries(5).responseTimeout(Duration.ofSeconds(5)).header("X-Trace", id))
	 *         .chat().completions().create(request);
	 * </pre>
	 * @param options sets the options
	 * @return the view
	 */
	public CerebrasTemplate withOptions(Consumer<RequestOptions.Builder> options) {
		return new CerebrasTemplate(this.reactive.withOptions(options));
	}

	/**
	 * Returns the reactive template this one is a view of.
	 * @return the reactive template
	 */
	public ReactiveCerebrasTemplate reactive() {
		return this.reactive;
	}

	/**
	 * Releases what the underlying reactive template owns.
	 */
	@Override
	public void close() {
		this.reactive.close();
	}

	@Override
	public String toString() {
		return "CerebrasTemplate[baseUrl=" + this.reactive.baseUrl() + "]";
	}

	/**
	 * The chat resources of the blocking template.
	 *
	 * @param completions chat completions, {@code POST /v1/chat/completions}
	 */
	public record Chat(ChatCompletions completions) {
	}

}
