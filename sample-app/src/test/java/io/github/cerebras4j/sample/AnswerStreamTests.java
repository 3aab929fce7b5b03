package io.github.cerebras4j.sample;

import java.util.ArrayList;
import java.util.List;

import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import io.github.cerebras4j.client.core.CerebrasJson;
import io.github.cerebras4j.client.error.CerebrasApiException;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Sinks;

import org.springframework.http.HttpHeaders;
import org.springframework.http.codec.ServerSentEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AnswerStream} under a slow reader: the browser's connection asks for one event at a time.
 */
class AnswerStreamTests {

	@Test
	void anErrorThatArrivesWhileTheReaderIsBusyComesAfterTheTokensBeforeIt() {
		Sinks.Many<ChatCompletionChunk> cerebras = Sinks.many().unicast().onBackpressureBuffer();
		OneAtATime reader = new OneAtATime();
		AnswerStream.events(cerebras.asFlux()).subscribe(reader);

		cerebras.tryEmitNext(chunk("Once"));
		cerebras.tryEmitNext(chunk(" upon"));
		cerebras.tryEmitError(CerebrasApiException.of(500, new HttpHeaders(), "{\"message\":\"The model crashed\"}"));
		assertThat(reader.names()).containsExactly("token");

		reader.more();
		reader.more();

		assertThat(reader.names()).containsExactly("token", "token", "problem");
		assertThat(reader.events.get(1).data()).isEqualTo(new AnswerStream.Text(" upon"));
		assertThat(reader.failure).isNull();
	}

	private static ChatCompletionChunk chunk(String content) {
		return CerebrasJson.mapper()
			.readValue("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + content + "\"}}]}",
					ChatCompletionChunk.class);
	}

	/**
	 * Requests one event, then one more each time {@link #more()} is called.
	 */
	private static final class OneAtATime extends BaseSubscriber<ServerSentEvent<Object>> {

		private final List<ServerSentEvent<Object>> events = new ArrayList<>();

		private Throwable failure;

		@Override
		protected void hookOnSubscribe(Subscription subscription) {
			subscription.request(1);
		}

		@Override
		protected void hookOnNext(ServerSentEvent<Object> event) {
			this.events.add(event);
		}

		@Override
		protected void hookOnError(Throwable ex) {
			this.failure = ex;
		}

		void more() {
			request(1);
		}

		List<String> names() {
			return this.events.stream().map(ServerSentEvent::event).toList();
		}

	}

}
