package io.github.cerebras4j.client.internal.transport;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.concurrent.DefaultThreadFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Timers that cost next to nothing per call, for the waits every call or stream has: the default deadline of a
 * non-streaming call and the grace given to a stream's body after {@code data: [DONE]}. Reactor's timers schedule a
 * task per call on a {@code ScheduledThreadPoolExecutor}, which wakes a thread per call (about a sixth of a sequential
 * call's CPU time here); a hashed wheel timer takes a timeout into a queue without waking anybody, and one daemon
 * thread looks at the wheel ten times a second. So these timers are precise to about 100 ms, plenty for what they
 * time; a deadline set by the caller keeps Reactor's exact timer.
 */
final class CoarseTimer {

	private static final HashedWheelTimer TIMER = new HashedWheelTimer(new DefaultThreadFactory("cerebras-timer", true),
			100, TimeUnit.MILLISECONDS, 512, false);

	private CoarseTimer() {
	}

	/**
	 * Returns a signal that emits once the time has passed; cancelling it cancels the timer.
	 * @param delay how long from subscription
	 * @return the signal
	 */
	static Mono<Long> after(Duration delay) {
		return Mono.create(sink -> {
			Timeout timeout = TIMER.newTimeout(expired -> sink.success(0L), delay.toMillis(), TimeUnit.MILLISECONDS);
			sink.onCancel(timeout::cancel);
		});
	}

	/**
	 * Runs a task once the time has passed, on the timer's thread; the task must be short.
	 * @param task what to run
	 * @param delay how long from now
	 * @return what cancels the task
	 */
	static Disposable schedule(Runnable task, Duration delay) {
		Timeout timeout = TIMER.newTimeout(expired -> task.run(), delay.toMillis(), TimeUnit.MILLISECONDS);
		return timeout::cancel;
	}

}
