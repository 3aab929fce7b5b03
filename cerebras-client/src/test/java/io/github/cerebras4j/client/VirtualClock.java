package io.github.cerebras4j.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import reactor.core.Disposable;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reactor's virtual time for tests that cross the network: {@link #install()} puts it in place of every Reactor
 * scheduler, so that the client's Reactor timers (the wait before a retry, a deadline set with
 * {@code RequestOptions.deadline}, the grace period of a stream response) run only when the test moves the clock on,
 * and it notes the delay of each timer it is asked for, so that a test reads the wait the client chose instead of
 * measuring it. The network, Netty's read timeouts and the client's hashed wheel timer keep real time. Close it to
 * put Reactor's schedulers back.
 * <p>
 * The connection pool's background eviction also runs on this clock, but its timers are not noted.
 */
final class VirtualClock extends VirtualTimeScheduler implements AutoCloseable {

	/** Far above anything these tests wait for: only keeps a broken test from hanging. */
	private static final Duration NO_HANG = Duration.ofSeconds(10);

	private final BlockingQueue<Duration> timers = new LinkedBlockingQueue<>();

	private final List<Duration> all = new ArrayList<>();

	private VirtualClock() {
		super(false);
	}

	/**
	 * Puts a new virtual clock in place of every Reactor scheduler.
	 * @return the clock, to close at the end of the test
	 */
	static VirtualClock install() {
		VirtualClock clock = new VirtualClock();
		VirtualTimeScheduler.set(clock);
		return clock;
	}

	@Override
	public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
		Disposable scheduled = super.schedule(task, delay, unit);
		// noted once queued, so that a test that moves the clock on after reading the delay always fires the timer
		if (isConnectionPools(task)) {
			return scheduled;
		}
		Duration timer = Duration.ofNanos(unit.toNanos(delay));
		synchronized (this.all) {
			this.all.add(timer);
		}
		this.timers.add(timer);
		return scheduled;
	}

	/**
	 * Tells whether a task is the connection pool's own: Reactor Netty's pool schedules its background eviction on
	 * Reactor's parallel scheduler when it opens its first connection, every 15 s by default. It runs on this clock
	 * too, but is not one of the timers a test reads.
	 */
	private static boolean isConnectionPools(Runnable task) {
		String type = task.getClass().getName();
		return type.startsWith("reactor.pool.") || type.startsWith("reactor.netty.");
	}

	/**
	 * Waits for the next timer the code under test starts, and returns its delay.
	 * @return the delay
	 * @throws InterruptedException if interrupted while waiting
	 */
	Duration nextTimer() throws InterruptedException {
		Duration timer = this.timers.poll(NO_HANG.toMillis(), TimeUnit.MILLISECONDS);
		assertThat(timer).as("a timer was started").isNotNull();
		return timer;
	}

	/**
	 * Runs a call to its end, moving the clock on by the delay of every timer it starts as soon as it starts it,
	 * and returns those delays: the waits the call asked for, in order.
	 * @param call the call, already subscribed to
	 * @return the delays of the timers the call started
	 * @throws InterruptedException if interrupted while waiting
	 */
	List<Duration> runToEnd(CompletableFuture<?> call) throws InterruptedException {
		Duration end = Duration.ofNanos(-1);
		call.whenComplete((result, ex) -> this.timers.add(end));
		List<Duration> waits = new ArrayList<>();
		while (true) {
			Duration timer = this.timers.poll(NO_HANG.toMillis(), TimeUnit.MILLISECONDS);
			assertThat(timer).as("the call started a timer or ended").isNotNull();
			if (timer == end) {
				return waits;
			}
			waits.add(timer);
			advanceTimeBy(timer);
		}
	}

	/**
	 * Returns the delays of every timer started so far, in order.
	 * @return the delays
	 */
	List<Duration> timers() {
		synchronized (this.all) {
			return List.copyOf(this.all);
		}
	}

	@Override
	public void close() {
		VirtualTimeScheduler.reset();
	}

}
