package io.github.cerebras4j.client.internal.transport;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * The body of a streamed response, which decides what a cancellation does to the connection. Cancelled before the
 * stream's end (the caller stopped reading, or the stream failed), it cancels the body, and Reactor Netty closes
 * the connection. Cancelled because the stream ended ({@code data: [DONE]} arrived, while the body goes on), it
 * reads the rest of the body and drops it, so that a body that then ends cleanly returns its connection to the
 * pool; a body that goes on for more than {@link #MAX_TAIL_BYTES} or does not end within the grace period is
 * cancelled, which closes the connection. The caller is not kept waiting meanwhile: it has already completed.
 */
final class DrainingBody extends Flux<DataBuffer> {

	/** The most bytes after {@code data: [DONE]} read to keep the connection. */
	private static final int MAX_TAIL_BYTES = 64 * 1024;

	private final Flux<DataBuffer> body;

	private final BooleanSupplier ended;

	private final Duration grace;

	/**
	 * Wraps a body.
	 * @param body the body's buffers
	 * @param ended tells, when the body is cancelled, whether the stream had ended
	 * @param grace how long the rest of the body may take to end
	 */
	DrainingBody(Flux<DataBuffer> body, BooleanSupplier ended, Duration grace) {
		this.body = body;
		this.ended = ended;
		this.grace = grace;
	}

	@Override
	public void subscribe(CoreSubscriber<? super DataBuffer> actual) {
		this.body.subscribe(new Tail(actual, this.ended, this.grace));
	}

	private static final class Tail implements CoreSubscriber<DataBuffer>, Subscription {

		private final CoreSubscriber<? super DataBuffer> actual;

		private final BooleanSupplier ended;

		private final Duration grace;

		private @Nullable Subscription upstream;

		private volatile boolean draining;

		private volatile boolean terminated;

		private long drainedBytes;

		private @Nullable Disposable timer;

		Tail(CoreSubscriber<? super DataBuffer> actual, BooleanSupplier ended, Duration grace) {
			this.actual = actual;
			this.ended = ended;
			this.grace = grace;
		}

		@Override
		public Context currentContext() {
			return this.actual.currentContext();
		}

		@Override
		public void onSubscribe(Subscription s) {
			if (Operators.validate(this.upstream, s)) {
				this.upstream = s;
				this.actual.onSubscribe(this);
			}
		}

		@Override
		public void onNext(DataBuffer buffer) {
			if (!this.draining) {
				this.actual.onNext(buffer);
				return;
			}
			this.drainedBytes += buffer.readableByteCount();
			DataBufferUtils.release(buffer);
			if (this.drainedBytes > MAX_TAIL_BYTES) {
				stop();
			}
		}

		@Override
		public void onError(Throwable ex) {
			this.terminated = true;
			if (this.draining) {
				disposeTimer();
				return;
			}
			this.actual.onError(ex);
		}

		@Override
		public void onComplete() {
			this.terminated = true;
			if (this.draining) {
				disposeTimer();
				return;
			}
			this.actual.onComplete();
		}

		@Override
		public void request(long n) {
			upstream().request(n);
		}

		@Override
		public void cancel() {
			if (this.draining) {
				return;
			}
			if (!this.terminated && this.ended.getAsBoolean()) {
				this.draining = true;
				this.timer = CoarseTimer.schedule(this::stop, this.grace);
				upstream().request(Long.MAX_VALUE);
			}
			else {
				upstream().cancel();
			}
		}

		private void stop() {
			disposeTimer();
			if (!this.terminated) {
				upstream().cancel();
			}
		}

		private void disposeTimer() {
			Disposable scheduled = this.timer;
			if (scheduled != null) {
				scheduled.dispose();
			}
		}

		private Subscription upstream() {
			Subscription s = this.upstream;
			if (s == null) {
				throw new IllegalStateException("Not subscribed");
			}
			return s;
		}

	}

}
