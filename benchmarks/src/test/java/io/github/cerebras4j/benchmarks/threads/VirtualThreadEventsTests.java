package io.github.cerebras4j.benchmarks.threads;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * {@link VirtualThreadEvents} counts a virtual thread that parks while pinned, and only such a thread, so that a test
 * asserting zero pins would fail if there were one. Since Java 24 (JEP 491) {@code synchronized} no longer pins; a
 * class initializer still does (the JVM runs it in a frame a virtual thread cannot leave), on every version, so that
 * is how these tests pin.
 */
class VirtualThreadEventsTests {

	private static final Duration GUARD = Duration.ofSeconds(30);

	// what PinsInItsInitializer waits for; here, since setting a field of that class would initialize it
	private static final CountDownLatch initializerRelease = new CountDownLatch(1);

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void countsAVirtualThreadThatParksWhilePinned() throws Exception {
		ExecutorService threads = VirtualThreads.newThreadPerTaskExecutor();
		try (VirtualThreadEvents events = VirtualThreadEvents.start()) {
			AtomicReference<Thread> running = new AtomicReference<>();
			Future<?> pinning = threads.submit(() -> {
				running.set(Thread.currentThread());
				PinsInItsInitializer.initialize();
			});
			awaitParked(running);
			initializerRelease.countDown();
			pinning.get();

			VirtualThreadEvents.Counts counts = events.stop();

			assertThat(counts.pinned()).as(counts.describe()).isEqualTo(1);
			assertThat(counts.submitFailed()).isZero();
			assertThat(counts.firstEvents()).singleElement()
				.asString()
				.startsWith(VirtualThreadEvents.PINNED)
				.contains(PinsInItsInitializer.class.getName() + ".<clinit>");
		}
		finally {
			threads.shutdown();
		}
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void doesNotCountAVirtualThreadThatParksUnpinned() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService threads = VirtualThreads.newThreadPerTaskExecutor();
		try (VirtualThreadEvents events = VirtualThreadEvents.start()) {
			AtomicReference<Thread> running = new AtomicReference<>();
			Future<?> parking = threads.submit(() -> {
				running.set(Thread.currentThread());
				release.await();
				return null;
			});
			awaitParked(running);
			release.countDown();
			parking.get();

			VirtualThreadEvents.Counts counts = events.stop();

			assertThat(counts.pinned()).as(counts.describe()).isZero();
			assertThat(counts.submitFailed()).isZero();
			assertThat(counts.firstEvents()).isEmpty();
		}
		finally {
			threads.shutdown();
		}
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void virtualThreadsAreThereFromJava21() throws Exception {
		ExecutorService threads = VirtualThreads.newThreadPerTaskExecutor();
		try {
			assertThat(VirtualThreads.available()).isTrue();
			assertThat(threads.submit(() -> VirtualThreads.isVirtual(Thread.currentThread())).get()).isTrue();
			assertThat(VirtualThreads.isVirtual(Thread.currentThread())).isFalse();
		}
		finally {
			threads.shutdown();
		}
	}

	@Test
	@EnabledForJreRange(max = JRE.JAVA_20)
	void beforeJava21ThereAreNoVirtualThreads() {
		assertThat(VirtualThreads.available()).isFalse();
		assertThat(VirtualThreads.unavailableReason()).contains("Java 21");
		assertThatIllegalStateException().isThrownBy(VirtualThreads::newThreadPerTaskExecutor)
			.withMessageContaining("Java 21");
	}

	// the latch is counted down only once the thread waits on it, so that it always parks (a virtual thread that
	// waits, pinned or not, is WAITING)
	private static void awaitParked(AtomicReference<Thread> running) {
		await().atMost(GUARD).until(() -> running.get() != null && running.get().getState() == Thread.State.WAITING);
	}

	/**
	 * Parks in its static initializer until released: the thread that initializes it pins while it waits. A class is
	 * initialized once per JVM, so only one test may use it.
	 */
	private static final class PinsInItsInitializer {

		static {
			try {
				initializerRelease.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		private PinsInItsInitializer() {
		}

		static void initialize() {
		}

	}

}
