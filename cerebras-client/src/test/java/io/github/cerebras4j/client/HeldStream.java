package io.github.cerebras4j.client;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.util.Assert;

/**
 * A server-sent event stream that a {@link ScriptedSocketServer} holds open part way: it sends the headers and the
 * first events, then nothing until the test {@link #release() releases} it, then the rest and the end of the body.
 * Whatever reaches the test while {@link #restSent()} is still {@code false} was delivered as it arrived, not once the
 * body was complete: an order of events, not a measured time. So that a broken test cannot hang, the server goes on
 * by itself after 10 s, which such a test then sees as the rest having been sent.
 */
final class HeldStream implements ScriptedSocketServer.Script {

	private final String[] headers;

	private final String first;

	private final String rest;

	private final CountDownLatch released = new CountDownLatch(1);

	private final AtomicBoolean restSent = new AtomicBoolean();

	private HeldStream(String first, String rest, String[] headers) {
		this.first = first;
		this.rest = rest;
		this.headers = headers;
	}

	/**
	 * Holds a body after its first events.
	 * @param body the whole body, server-sent events each ending with a blank line
	 * @param events how many events leave before the hold, at least 1
	 * @param headers more header lines of the response, for example {@code x-request-id: req-1}
	 * @return the script
	 */
	static HeldStream after(String body, int events, String... headers) {
		Assert.isTrue(events >= 1, "at least one event must leave before the hold");
		String first = CerebrasWireMock.firstEvents(body, events);
		return new HeldStream(first, body.substring(first.length()), headers);
	}

	@Override
	public void answer(int request, ScriptedSocketServer.Exchange exchange) throws Exception {
		exchange.streamHeaders(this.headers).chunk(this.first);
		this.released.await(10, TimeUnit.SECONDS);
		this.restSent.set(true);
		if (!this.rest.isEmpty()) {
			exchange.chunk(this.rest);
		}
		exchange.endBody();
	}

	/** Lets the server send the rest of the body. */
	void release() {
		this.released.countDown();
	}

	/**
	 * Tells whether the server has gone on to send the rest of the body.
	 * @return {@code false} while the server holds the body after its first events
	 */
	boolean restSent() {
		return this.restSent.get();
	}

}
