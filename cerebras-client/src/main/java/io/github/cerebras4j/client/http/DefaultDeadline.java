package io.github.cerebras4j.client.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.concurrent.DefaultThreadFactory;
import reactor.core.publisher.Mono;

/**
 * The signal that ends a call at the client's default deadline of non-streaming calls, which every such call has.
 * Reactor's {@code timeout(Duration)} would schedule a task per call on a {@code ScheduledThreadPoolExecutor}, which
 * wakes a thread per call (about a sixth of a sequential call's CPU time here); a hashed wheel timer takes a timeout in
 * a queue without waking anybody, and one daemon thread looks at the wheel ten times a second. A deadline set by the
 * caller keeps Reactor's exact timer: this one is precise to about 100 ms, plenty for minutes.
 */
final class DefaultDeadline {

	private static final HashedWheelTimer TIMER = new HashedWheelTimer(new DefaultThreadFactory("cerebras-deadline", true),
			100, TimeUnit.MILLISECONDS, 512, false);

	private DefaultDeadline() {
	}

	/**
	 * Returns a signal that emits once the time has passed; cancelling it cancels the timer.
	 * @param deadline how long from subscription
	 * @return the signal
	 */
	static Mono<Long> after(Duration deadline) {
		return Mono.create(sink -> {
			Timeout timeout = TIMER.newTimeout(expired -> sink.success(0L), deadline.toMillis(), TimeUnit.MILLISECONDS);
			sink.onCancel(timeout::cancel);
		});
	}

}
