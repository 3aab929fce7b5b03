package io.github.cerebras4j.throttle.redis;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.github.cerebras4j.client.throttle.Admission;
import reactor.core.publisher.Mono;

/**
 * Sends one instance's takes of a model's budget to Redis one at a time, in order, without a thread waiting: many
 * calls of one instance asking at once (as they do when a window resets) would otherwise race each other on Bucket4j's
 * compare-and-swap, and each lost race costs another round trip. Across instances the races remain, one per instance
 * at a time.
 */
final class TakeQueue {

	private final Map<String, Line> lines = new ConcurrentHashMap<>();

	/**
	 * Runs a take after the model's takes queued before it.
	 * @param model the model
	 * @param take the take
	 * @return its answer
	 */
	Mono<Admission> enqueue(String model, Supplier<Mono<Admission>> take) {
		Line line = this.lines.computeIfAbsent(model, (key) -> new Line());
		return Mono.create((sink) -> line.submit(() -> Mono.defer(take)
			.doFinally((signal) -> line.done())
			.subscribe(sink::success, sink::error, sink::success)));
	}

	/**
	 * The takes of one model: a queue, and whether one of them is running.
	 */
	private static final class Line {

		// per line: a thread draining one model's line must still drain another's when it answers a take of it
		private final ThreadLocal<Boolean> draining = ThreadLocal.withInitial(() -> false);

		private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();

		private final AtomicBoolean running = new AtomicBoolean();

		void submit(Runnable take) {
			this.queue.add(take);
			drain();
		}

		void done() {
			this.running.set(false);
			// a take answered on the draining thread (the local budget answers at once) lets the loop go on, rather
			// than start the next one a frame deeper
			if (!this.draining.get()) {
				drain();
			}
		}

		private void drain() {
			this.draining.set(true);
			try {
				while (!this.queue.isEmpty() && this.running.compareAndSet(false, true)) {
					Runnable take = this.queue.poll();
					if (take == null) {
						this.running.set(false);
						continue;
					}
					take.run();
				}
			}
			finally {
				this.draining.set(false);
			}
		}

	}

}
