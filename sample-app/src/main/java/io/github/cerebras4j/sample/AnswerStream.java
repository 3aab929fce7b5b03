package io.github.cerebras4j.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import io.github.cerebras4j.client.core.TimeInfo;
import io.github.cerebras4j.client.core.Usage;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.codec.ServerSentEvent;

/**
 * Turns one streamed chat completion into the server-sent events {@code POST /api/chat/stream} sends, measuring it on
 * the way:
 * <ul>
 * <li>{@code token}: {@code {"text": ...}}, one per chunk of the answer, as it arrives;</li>
 * <li>{@code reasoning}: {@code {"text": ...}}, one per chunk of a reasoning model's reasoning;</li>
 * <li>{@code done}: the {@link Summary}, last;</li>
 * <li>{@code problem}: a problem detail, last, when the stream fails after its first event (before it, the failure
 * is the HTTP response itself).</li>
 * </ul>
 * One instance per call: it holds the call's clock.
 */
final class AnswerStream {

	static final String TOKEN = "token";

	static final String REASONING = "reasoning";

	static final String DONE = "done";

	static final String PROBLEM = "problem";

	private final long start = System.nanoTime();

	private long firstTokenAt;

	private long lastTokenAt;

	private int tokenEvents;

	private boolean started;

	private @Nullable String model;

	private @Nullable String finishReason;

	private @Nullable Usage usage;

	private @Nullable TimeInfo timeInfo;

	private AnswerStream() {
	}

	/**
	 * Returns the events of a streamed answer; the clock starts when they are subscribed to.
	 * @param chunks the chunks from Cerebras, not yet subscribed to
	 * @return the events for the browser
	 */
	static Flux<ServerSentEvent<Object>> events(Flux<ChatCompletionChunk> chunks) {
		return Flux.defer(() -> new AnswerStream().eventsOf(chunks));
	}

	private Flux<ServerSentEvent<Object>> eventsOf(Flux<ChatCompletionChunk> chunks) {
		// map each chunk as it arrives and flatten last: an error must not overtake the events of the chunks before
		// it, which concatMapIterable would drop from its queue when the error reached it first
		return chunks.map(this::onChunk)
			.concatWith(Mono.fromSupplier(() -> List.of(event(DONE, summary()))))
			.onErrorResume((ex) -> this.started,
					(ex) -> Mono.just(List.of(event(PROBLEM, CerebrasProblems.problem(ex)))))
			.concatMapIterable(Function.identity());
	}

	private List<ServerSentEvent<Object>> onChunk(ChatCompletionChunk chunk) {
		List<ServerSentEvent<Object>> events = new ArrayList<>(2);
		if (!chunk.reasoning().isEmpty()) {
			events.add(event(REASONING, new Text(chunk.reasoning())));
		}
		if (!chunk.content().isEmpty()) {
			events.add(event(TOKEN, new Text(chunk.content())));
		}
		if (chunk.hasContent()) {
			this.lastTokenAt = System.nanoTime();
			if (this.tokenEvents++ == 0) {
				this.firstTokenAt = this.lastTokenAt;
			}
		}
		this.model = (chunk.model() != null) ? chunk.model() : this.model;
		this.finishReason = (chunk.finishReason() != null) ? chunk.finishReason() : this.finishReason;
		this.usage = (chunk.usage() != null) ? chunk.usage() : this.usage;
		this.timeInfo = (chunk.timeInfo() != null) ? chunk.timeInfo() : this.timeInfo;
		this.started |= !events.isEmpty();
		return events;
	}

	private Summary summary() {
		long end = System.nanoTime();
		Long timeToFirstToken = (this.tokenEvents > 0) ? millis(this.firstTokenAt - this.start) : null;
		return new Summary(this.model, this.finishReason, this.usage, this.timeInfo, timeToFirstToken,
				tokensPerSecond(), millis(end - this.start), this.tokenEvents,
				ChatAnswer.serverTokensPerSecond(this.usage, this.timeInfo));
	}

	private @Nullable Double tokensPerSecond() {
		Integer completionTokens = (this.usage != null) ? this.usage.completionTokens() : null;
		int tokens = (completionTokens != null) ? completionTokens : this.tokenEvents;
		long nanos = this.lastTokenAt - this.firstTokenAt;
		return (tokens > 1 && nanos > 0) ? ChatAnswer.oneDecimal(tokens / (nanos / 1e9)) : null;
	}

	private static long millis(long nanos) {
		return Math.round(nanos / 1e6);
	}

	private static ServerSentEvent<Object> event(String name, Object data) {
		return ServerSentEvent.builder(data).event(name).build();
	}

	/**
	 * The data of a {@code token} or {@code reasoning} event.
	 *
	 * @param text the piece of text the chunk carried
	 */
	record Text(String text) {
	}

	/**
	 * The data of the {@code done} event.
	 *
	 * @param model the model that answered
	 * @param finishReason why the model stopped
	 * @param usage the token counts, as Cerebras reports them on the last chunk
	 * @param timeInfo the server's timing in seconds, as Cerebras reports it on the last chunk ({@code time_info})
	 * @param timeToFirstTokenMs from sending the request to the first chunk with text, as this application saw it
	 * @param tokensPerSecond completion tokens (from {@code usage}, else the chunks with text) per second between the
	 * first and the last chunk with text, as this application saw them
	 * @param durationMs the whole call, from sending the request to the end of the stream
	 * @param chunks how many chunks carried text
	 * @param serverTokensPerSecond completion tokens per second of the server's completion time (from {@code usage}
	 * and {@code time_info})
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Summary(@Nullable String model, @Nullable String finishReason, @Nullable Usage usage,
			@Nullable TimeInfo timeInfo, @Nullable Long timeToFirstTokenMs, @Nullable Double tokensPerSecond,
			long durationMs, int chunks, @Nullable Double serverTokensPerSecond) {
	}

}
