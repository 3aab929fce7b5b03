package io.github.cerebras4j.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.github.cerebras4j.client.core.ResponseMetadata;
import io.github.cerebras4j.client.core.StreamResponse;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CerebrasStream}'s hand-over: a chunk is asked for when the reader wants one, so what arrived while
 * the reader was busy is processed on the reader's thread, not handed over one by one from the network thread.
 */
class CerebrasStreamTests {

	private static final ResponseMetadata OK = new ResponseMetadata(HttpStatus.OK, new HttpHeaders(), 0);

	@Test
	void chunksThatArrivedWhileTheReaderWasBusyAreProcessedOnTheReadersThread() throws InterruptedException {
		Sinks.Many<Integer> network = Sinks.many().unicast().onBackpressureBuffer();
		List<Long> requests = new ArrayList<>();
		try (CerebrasStream<String> stream = CerebrasStream.open(() -> Mono.just(new StreamResponse<>(OK, network.asFlux()
			.doOnRequest(requests::add)
			.map((chunk) -> chunk + " processed on " + Thread.currentThread().getName()))))) {
			Thread writer = new Thread(() -> {
				for (int chunk = 1; chunk <= 3; chunk++) {
					network.tryEmitNext(chunk);
				}
				network.tryEmitComplete();
			}, "network");
			writer.start();
			writer.join();

			String reader = Thread.currentThread().getName();
			assertThat(stream).containsExactly("1 processed on " + reader, "2 processed on " + reader,
					"3 processed on " + reader);
		}
		assertThat(requests).containsOnly(1L);
	}

	@Test
	void chunksAreAskedForAndProcessedWithoutHoldingTheStreamsMonitor() {
		// The reader runs the chunks' pipeline (decoding, and it may end the call and run its observation's handlers)
		// when it asks for a chunk. On Java 21 to 23 a virtual thread that parks while it holds a monitor pins its
		// carrier, so none may be held there: whatever that pipeline waits for must not pin.
		AtomicReference<Object> opened = new AtomicReference<>();
		List<Boolean> monitorHeld = new ArrayList<>();
		try (CerebrasStream<String> stream = CerebrasStream.open(() -> Mono.just(new StreamResponse<>(OK, Flux
			.just("first", "second")
			.doOnRequest((n) -> monitorHeld.add(Thread.holdsLock(opened.get())))
			.doOnNext((chunk) -> monitorHeld.add(Thread.holdsLock(opened.get()))))))) {
			opened.set(stream);

			assertThat(stream).containsExactly("first", "second");
		}
		assertThat(monitorHeld).hasSize(4).containsOnly(false);
	}

	@Test
	void theResponseIsGivenBeforeAnyChunkIsRead() {
		Sinks.Many<String> network = Sinks.many().unicast().onBackpressureBuffer();
		network.tryEmitNext("first");
		network.tryEmitComplete();
		List<Long> requests = new ArrayList<>();
		try (CerebrasStream<String> stream = CerebrasStream
			.open(() -> Mono.just(new StreamResponse<>(OK, network.asFlux().doOnRequest(requests::add))))) {

			assertThat(stream.response()).isSameAs(OK);
			assertThat(requests).isEmpty();
			assertThat(stream).containsExactly("first");
		}
	}

}
