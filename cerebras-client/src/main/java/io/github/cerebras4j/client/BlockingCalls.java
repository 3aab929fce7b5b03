package io.github.cerebras4j.client;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The check every blocking entry point makes first: a thread that Reactor marks as non-blocking (a Netty event loop,
 * a {@code Schedulers.parallel()} worker) must not wait. Without it, {@code Mono.block()} would refuse only after it
 * subscribed, that is after the request was sent (and billed), and a {@code CerebrasStream} would park an event loop,
 * possibly the very one its chunks have to arrive on.
 */
final class BlockingCalls {

	private BlockingCalls() {
	}

	/**
	 * Fails if the current thread must not block; called before anything is sent.
	 * @throws IllegalStateException on a non-blocking thread, naming {@code ReactiveCerebrasTemplate} as what to use
	 */
	static void checkBeforeCall() {
		check("A call on CerebrasTemplate", "; nothing was sent");
	}

	/**
	 * Fails if the current thread must not block; called before waiting for something already under way.
	 * @param what what would wait, for example {@code CerebrasStream.response()}
	 * @throws IllegalStateException on a non-blocking thread, naming {@code ReactiveCerebrasTemplate} as what to use
	 */
	static void checkBeforeWait(String what) {
		check(what, "");
	}

	/**
	 * Checks the thread, then makes the call and waits for its result.
	 * @param call makes the call, sent when it is subscribed to
	 * @param <T> the result type
	 * @return the result
	 * @throws IllegalStateException on a non-blocking thread, before {@code call} is even made
	 */
	static <T> @Nullable T block(Supplier<Mono<T>> call) {
		checkBeforeCall();
		return call.get().block();
	}

	private static void check(String what, String consequence) {
		if (Schedulers.isInNonBlockingThread()) {
			throw new IllegalStateException(what + " blocks, which is not supported on thread '"
					+ Thread.currentThread().getName() + "', a non-blocking thread (for example a Netty event loop "
					+ "serving WebFlux)" + consequence + ". Use ReactiveCerebrasTemplate on such threads "
					+ "(CerebrasTemplate.reactive() returns the one behind a CerebrasTemplate), or call from a thread "
					+ "that may block, for example one of Schedulers.boundedElastic().");
		}
	}

}
