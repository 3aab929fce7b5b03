package io.github.cerebras4j.client;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Queue;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import io.github.cerebras4j.client.core.ResponseMetadata;
import io.github.cerebras4j.client.core.StreamResponse;
import io.github.cerebras4j.client.error.CerebrasException;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.util.concurrent.Queues;

/**
 * A stream of chunks for blocking code: iterate it once (it is {@link Iterable}), or read it as a
 * {@link java.util.stream.Stream}, and close it, best with try-with-resources. The request is already on its way
 * when you get the stream; an error, whether an HTTP error status or one inside the stream, is thrown from
 * {@link Iterator#hasNext()} as a {@link CerebrasException}. {@link #response()} gives the status and headers
 * before the first chunk. {@link #close()} before the end cancels the exchange and frees the connection.
 *
 * <p>Reading a stream waits, so it is for threads that may block: on a thread Reactor marks as non-blocking (a Netty
 * event loop, for example inside a WebFlux handler) opening a stream, {@link Iterator#hasNext()},
 * {@link Iterator#next()} and {@link #response()} throw an {@link IllegalStateException} instead of parking the
 * thread (opening one sends nothing); use {@link ReactiveCerebrasTemplate} there. {@link #close()} works anywhere.
 *
 * <p>A chunk is asked for when the caller wants one. If its bytes have arrived, it is parsed and handed over on the
 * caller's thread; only a chunk that has not arrived yet is handed over by the network thread, which then wakes the
 * caller. So a caller that falls behind a fast stream parses the waiting chunks itself, without a thread hand-off
 * per chunk.
 *
 * @param <T> the chunk type
 */
public final class CerebrasStream<T> implements Iterable<T>, AutoCloseable {

	private static final VarHandle WAITER;

	private static final VarHandle ASKED;

	static {
		try {
			MethodHandles.Lookup lookup = MethodHandles.lookup();
			WAITER = lookup.findVarHandle(CerebrasStream.class, "waiter", Thread.class);
			ASKED = lookup.findVarHandle(CerebrasStream.class, "asked", boolean.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	// holds at most one chunk: one is asked for when the reader wants one (see ChunkIterator#hasNext)
	private final Queue<T> queue = Queues.<T>one().get();

	private final ResponseSubscriber responseSubscriber = new ResponseSubscriber();

	private final ChunkSubscriber subscriber = new ChunkSubscriber();

	private final CompletableFuture<ResponseMetadata> response = new CompletableFuture<>();

	@SuppressWarnings("unused") // accessed through WAITER
	private volatile @Nullable Thread waiter;

	private volatile boolean done;

	private volatile boolean closed;

	private @Nullable Throwable error;

	private boolean iterated;

	// whether a chunk was asked for and not yet taken from the queue; set to true through ASKED
	private volatile boolean asked;

	private CerebrasStream() {
	}

	/**
	 * Opens a stream: subscribes at once to the response the source gives, then to its chunks, and hands them to the
	 * caller.
	 * @param source gives the response of one call, emitted with its first chunk
	 * @param <T> the chunk type
	 * @return the stream
	 * @throws IllegalStateException on a thread that must not block, before the source is asked for anything
	 */
	static <T> CerebrasStream<T> open(Supplier<Mono<StreamResponse<T>>> source) {
		BlockingCalls.checkBeforeCall();
		CerebrasStream<T> stream = new CerebrasStream<>();
		source.get().subscribe(stream.responseSubscriber);
		return stream;
	}

	/**
	 * Returns the status and headers of the response, waiting for them if they have not arrived yet; they arrive
	 * before the first chunk.
	 * @return the response's status, headers and retries
	 * @throws CerebrasException if the call failed before a response started, the same exception iteration throws
	 * @throws IllegalStateException on a thread that must not block
	 */
	public ResponseMetadata response() {
		BlockingCalls.checkBeforeWait("CerebrasStream.response()");
		try {
			return this.response.join();
		}
		catch (CompletionException ex) {
			throw Exceptions.propagate(ex.getCause());
		}
	}

	/**
	 * Returns the iterator over the chunks; a stream can be iterated only once.
	 * @return the iterator
	 * @throws IllegalStateException on a second call
	 */
	@Override
	public synchronized Iterator<T> iterator() {
		if (this.iterated) {
			throw new IllegalStateException("A CerebrasStream can be iterated only once");
		}
		this.iterated = true;
		return new ChunkIterator();
	}

	/**
	 * Returns the chunks as a sequential {@link Stream}; closing it closes this stream.
	 * @return the chunks
	 */
	public Stream<T> stream() {
		Spliterator<T> spliterator = Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL);
		return StreamSupport.stream(spliterator, false).onClose(this::close);
	}

	/**
	 * Stops the stream: cancels the exchange if it is still running, which closes its connection; chunks not
	 * read yet are dropped and iteration ends. Safe to call more than once and from any thread.
	 */
	@Override
	public void close() {
		this.closed = true;
		this.response.completeExceptionally(new CerebrasException("The stream was closed before its response arrived", null));
		this.responseSubscriber.cancel();
		this.subscriber.cancel();
		wakeUp();
	}

	// No monitor is held here: the request runs the chunks' pipeline on the reader's thread (decoding, and it may end
	// the call and run its observation's handlers), and on Java 21 to 23 a virtual thread that parks holding a monitor
	// pins its carrier.
	private void askForChunk() {
		if (ASKED.compareAndSet(this, false, true)) {
			this.subscriber.request(1);
		}
	}

	private void wakeUp() {
		Thread waiting = (Thread) WAITER.getAndSet(this, null);
		if (waiting != null) {
			LockSupport.unpark(waiting);
		}
	}

	@Override
	public String toString() {
		return "CerebrasStream[done=" + this.done + ", closed=" + this.closed + "]";
	}

	private void failed(Throwable ex) {
		this.response.completeExceptionally(ex);
		this.error = ex;
		this.done = true;
		wakeUp();
	}

	/**
	 * Receives the response and subscribes the chunk subscriber to its chunks.
	 */
	private final class ResponseSubscriber extends Operators.DeferredSubscription
			implements CoreSubscriber<StreamResponse<T>> {

		@Override
		public void onSubscribe(Subscription s) {
			if (set(s)) {
				s.request(1);
			}
		}

		@Override
		public void onNext(StreamResponse<T> response) {
			CerebrasStream.this.response.complete(response.metadata());
			response.chunks().subscribe(CerebrasStream.this.subscriber);
		}

		@Override
		public void onError(Throwable ex) {
			failed(ex);
		}

		@Override
		public void onComplete() {
			if (!CerebrasStream.this.response.isDone()) {
				failed(new IllegalStateException("The stream ended without a response"));
			}
		}

	}

	/**
	 * Receives the chunks, one at a time as the reader asks; a request made before the chunks are subscribed to is
	 * kept until they are.
	 */
	private final class ChunkSubscriber extends Operators.DeferredSubscription implements CoreSubscriber<T> {

		@Override
		public void onSubscribe(Subscription s) {
			set(s);
		}

		@Override
		public void onNext(T chunk) {
			if (!CerebrasStream.this.queue.offer(chunk)) {
				onError(Exceptions.failWithOverflow("More chunks arrived than were requested"));
				return;
			}
			wakeUp();
		}

		@Override
		public void onError(Throwable ex) {
			failed(ex);
		}

		@Override
		public void onComplete() {
			CerebrasStream.this.done = true;
			wakeUp();
		}

	}

	private final class ChunkIterator implements Iterator<T> {

		@Override
		public boolean hasNext() {
			BlockingCalls.checkBeforeWait("Reading a CerebrasStream");
			Queue<T> queue = CerebrasStream.this.queue;
			while (true) {
				if (CerebrasStream.this.closed) {
					return false;
				}
				boolean finished = CerebrasStream.this.done;
				if (!queue.isEmpty()) {
					return true;
				}
				if (finished) {
					Throwable ex = CerebrasStream.this.error;
					if (ex != null) {
						CerebrasStream.this.error = null;
						throw Exceptions.propagate(ex);
					}
					return false;
				}
				if (!CerebrasStream.this.asked) {
					// Asked for only now, a chunk whose bytes have arrived is parsed and delivered on this thread (the
					// request runs the pipeline here); the network thread delivers, and wakes this one, only a chunk
					// that was not there yet.
					askForChunk();
					continue;
				}
				awaitChunk();
			}
		}

		@Override
		public T next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			CerebrasStream.this.asked = false;
			return CerebrasStream.this.queue.poll();
		}

		private void awaitChunk() {
			// Publish ourselves as the waiter, then look again: the producer either saw us or we see its chunk.
			WAITER.setVolatile(CerebrasStream.this, Thread.currentThread());
			if (CerebrasStream.this.queue.isEmpty() && !CerebrasStream.this.done && !CerebrasStream.this.closed) {
				LockSupport.park(CerebrasStream.this);
			}
			WAITER.compareAndSet(CerebrasStream.this, Thread.currentThread(), null);
			if (Thread.currentThread().isInterrupted()) {
				close();
				throw new CerebrasException("Interrupted while waiting for the next chunk; the stream is closed",
						new InterruptedException());
			}
		}

	}

}
