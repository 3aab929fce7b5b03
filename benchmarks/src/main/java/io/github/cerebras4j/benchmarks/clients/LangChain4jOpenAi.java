package io.github.cerebras4j.benchmarks.clients;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

/**
 * LangChain4j's OpenAI models pointed at the server, as its documentation configures them for an OpenAI-compatible
 * provider (a base URL ending in {@code /v1}, to which they add {@code /chat/completions}): {@link OpenAiChatModel} for
 * a completion, retries off like the others, and {@link OpenAiStreamingChatModel} for a stream, which has no retries.
 * Both use LangChain4j's default HTTP client, {@code java.net.http} in its default configuration: no limit on
 * connections, and HTTP/2 asked for, so every request carries {@code h2c} upgrade headers, which the HTTP/1.1 server
 * ignores. A completion is sent and awaited on the caller's thread. A stream is sent with {@code sendAsync}, and its
 * body is read to its end, every callback included, by a blocking parser in a dependent stage of that future, which
 * {@code java.net.http} runs in {@code CompletableFuture}'s default executor: the common {@code ForkJoinPool}, or, where
 * its parallelism is 1 as on two cores, a new thread per stream. Concurrent streams are all started from one thread
 * and then awaited, as their users would.
 */
public final class LangChain4jOpenAi implements Contender {

	private final OpenAiChatModel chatModel;

	private final OpenAiStreamingChatModel streamingChatModel;

	/**
	 * Creates the client for a server.
	 * @param origin the server's origin, {@code http://host:port}
	 * @param apiKey the key it sends
	 */
	public LangChain4jOpenAi(String origin, String apiKey) {
		this.chatModel = OpenAiChatModel.builder().baseUrl(origin + "/v1").apiKey(apiKey).maxRetries(0).build();
		this.streamingChatModel = OpenAiStreamingChatModel.builder().baseUrl(origin + "/v1").apiKey(apiKey).build();
	}

	@Override
	public String name() {
		return "LangChain4j 1.19.0 OpenAiChatModel";
	}

	@Override
	public Received stream(String model) {
		return join(start(model));
	}

	@Override
	public String create(String model) {
		return this.chatModel.chat(request(model)).aiMessage().text();
	}

	@Override
	public List<Received> streamConcurrently(String model, int count, ExecutorService threads) {
		List<CompletableFuture<Received>> streams = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			streams.add(start(model));
		}
		List<Received> received = new ArrayList<>(count);
		for (CompletableFuture<Received> stream : streams) {
			received.add(join(stream));
		}
		return received;
	}

	private CompletableFuture<Received> start(String model) {
		long start = System.nanoTime();
		CompletableFuture<Received> done = new CompletableFuture<>();
		this.streamingChatModel.chat(request(model), new StreamingChatResponseHandler() {

			// every callback of one stream runs on the one thread that reads it
			private long textLength;

			private long firstContentAt;

			@Override
			public void onPartialResponse(String partialResponse) {
				if (this.firstContentAt == 0 && !partialResponse.isEmpty()) {
					this.firstContentAt = System.nanoTime();
				}
				this.textLength += partialResponse.length();
			}

			@Override
			public void onCompleteResponse(ChatResponse completeResponse) {
				done.complete(new Received(this.textLength, start, this.firstContentAt));
			}

			@Override
			public void onError(Throwable error) {
				done.completeExceptionally(error);
			}

		});
		return done;
	}

	private static Received join(CompletableFuture<Received> stream) {
		try {
			return stream.join();
		}
		catch (CompletionException ex) {
			throw new IllegalStateException("A LangChain4j stream failed", ex.getCause());
		}
	}

	private static ChatRequest request(String model) {
		return ChatRequest.builder().messages(UserMessage.from(PROMPT)).modelName(model).build();
	}

	@Override
	public void close() {
		// LangChain4j's models have no close method; the java.net.http client's threads are daemons
	}

}
