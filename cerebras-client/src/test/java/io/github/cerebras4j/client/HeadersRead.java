package io.github.cerebras4j.client;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Tells a scripted server when the client has read the headers of a response, for faults that must strike after them,
 * such as a reset once a stream has started: a {@link WebClient} filter that counts each response it is given, which
 * happens once its status and headers are read and before its body is. A server that waits for it instead of sleeping
 * breaks the response at a known point.
 */
final class HeadersRead implements ExchangeFilterFunction {

	private final Semaphore read = new Semaphore(0);

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		return next.exchange(request).doOnNext((response) -> this.read.release());
	}

	/**
	 * Returns a builder of the client's {@link WebClient} with this filter.
	 * @return the builder
	 */
	WebClient.Builder webClient() {
		return WebClient.builder().filter(this);
	}

	/**
	 * Waits until the client has read the headers of one more response; a hang guard of 10 s ends a broken test.
	 * @throws InterruptedException if interrupted while waiting
	 * @throws IllegalStateException if no response's headers were read within the guard
	 */
	void awaitNext() throws InterruptedException {
		if (!this.read.tryAcquire(10, TimeUnit.SECONDS)) {
			throw new IllegalStateException("The client read no response's headers");
		}
	}

}
