package io.github.cerebras4j.client.internal.transport;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;


import io.github.cerebras4j.client.core.ResponseMetadata;
import io.github.cerebras4j.client.core.StreamResponse;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import org.springframework.core.log.LogAccessor;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Turns one stream of chunks into a {@link StreamResponse}: at the first signal of the stream (its first chunk, or its
 * clean end) the response's metadata is known, so it emits the response; the chunks are the same stream, the first
 * one kept for their subscriber, with that subscriber's demand forwarded upstream (no buffer in between). Cancelling
 * them cancels the exchange. If nobody subscribes to them within a grace period, the exchange is cancelled so that its
 * connection goes back to the pool, and a later subscriber gets an error saying so.
 */
final class StreamResponses {

	private static final LogAccessor logger = new LogAccessor(StreamResponses.class);

	private StreamResponses() {
	}

	/**
	 * Returns the response of one stream, subscribing to the stream when the response is subscribed to.
	 * @param chunks the chunks of one call
	 * @param response gives the response's status and headers at the stream's first signal
	 * @param gracePeriod how long the chunks wait for a subscriber after the response is emitted (the grace timer runs
	 * on {@link Schedulers#parallel()}, a virtual-time scheduler in tests that install one), or {@code null} for a
	 * subscriber that takes the chunks as soon as it has the response
	 * @param <K> the chunk type
	 * @return the response, emitted once per subscription
	 */
	static <K> Mono<StreamResponse<K>> of(Flux<K> chunks, Supplier<@Nullable ResponseMetadata> response,
			@Nullable Duration gracePeriod) {
		// the response completes as soon as it is emitted; the stream must stay open for its chunks' subscriber,
		// hence cancelSourceOnComplete false
		return chunks.<StreamResponse<K>>switchOnFirst((first, rest) -> {
			Throwable failure = first.getThrowable();
			if (failure != null) {
				return Mono.error(failure);
			}
			ResponseMetadata metadata = response.get();
			if (metadata == null) {
				return Mono.error(new IllegalStateException("The stream started without a response"));
			}
			Flux<K> handedOver = (gracePeriod != null) ? OnceChunks.of(rest, gracePeriod).flux() : rest;
			return Mono.just(new StreamResponse<>(metadata, handedOver));
		}, false).singleOrEmpty();
	}

	/**
	 * The chunks of a response: to be subscribed to once, within the grace period.
	 */
	private static final class OnceChunks<K> {

		private static final int WAITING = 0;

		private static final int SUBSCRIBED = 1;

		private static final int EXPIRED = 2;

		private final Flux<K> rest;

		private final Duration gracePeriod;

		private final AtomicInteger state = new AtomicInteger(WAITING);

		private final Disposable.Swap expiry = Disposables.swap();

		private OnceChunks(Flux<K> rest, Duration gracePeriod) {
			this.rest = rest;
			this.gracePeriod = gracePeriod;
		}

		static <K> OnceChunks<K> of(Flux<K> rest, Duration gracePeriod) {
			OnceChunks<K> chunks = new OnceChunks<>(rest, gracePeriod);
			long nanos = gracePeriod.toNanos();
			chunks.expiry.update(Schedulers.parallel().schedule(chunks::expire, nanos, TimeUnit.NANOSECONDS));
			return chunks;
		}

		Flux<K> flux() {
			return Flux.defer(this::claim);
		}

		private Flux<K> claim() {
			int previous = this.state.compareAndExchange(WAITING, SUBSCRIBED);
			if (previous == WAITING) {
				this.expiry.dispose();
				return this.rest;
			}
			if (previous == SUBSCRIBED) {
				return Flux.error(new IllegalStateException(
						"The chunks of a StreamResponse can be subscribed to only once; they were already"));
			}
			return Flux.error(new IllegalStateException("The chunks of this StreamResponse were not subscribed to within "
					+ describe(this.gracePeriod) + " of the response, so its exchange was cancelled to give the "
					+ "connection back; subscribe to the chunks as soon as the response arrives"));
		}

		private void expire() {
			if (this.state.compareAndSet(WAITING, EXPIRED)) {
				logger.debug(() -> "Chunks of a StreamResponse not subscribed to within " + describe(this.gracePeriod)
						+ "; cancelling the exchange");
				this.rest.subscribe(new CancellingSubscriber<>());
			}
		}

		private static String describe(Duration duration) {
			return (duration.toMillis() % 1000 == 0) ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
		}

	}

	/**
	 * Cancels what it subscribes to at once, asking for nothing.
	 */
	private static final class CancellingSubscriber<K> extends BaseSubscriber<K> {

		@Override
		protected void hookOnSubscribe(Subscription subscription) {
			subscription.cancel();
		}

		@Override
		protected void hookOnError(Throwable ex) {
			// the stream failed before it could be cancelled, and nobody is there to tell
			logger.debug(ex, () -> "Chunks of a StreamResponse nobody subscribed to failed");
		}

	}

}
