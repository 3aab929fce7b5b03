package io.github.cerebras4j.client;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class during which Netty reported a leaked buffer or a buffer released too often. Netty runs these
 * tests with its leak detector at {@code paranoid} (see the surefire configuration); its reports are log events,
 * which this Logback appender (declared in {@code logback-test.xml}) collects: the leak detector's, and any event
 * whose exception is an {@code IllegalReferenceCountException}, whatever logger reported it (Netty's pipeline,
 * Reactor's dropped errors). The extension, registered for every test class, checks them after each class.
 */
public final class NettyReports extends AppenderBase<ILoggingEvent> implements AfterAllCallback {

	private static final List<String> reports = new ArrayList<>();

	@Override
	protected void append(ILoggingEvent event) {
		if (event.getLoggerName().equals("io.netty.util.ResourceLeakDetector") || isReferenceCountError(event)
				|| event.getFormattedMessage().contains("refCnt: 0")) {
			synchronized (reports) {
				reports.add(event.getLoggerName() + ": " + event.getFormattedMessage()
						+ ((event.getThrowableProxy() != null) ? " (" + event.getThrowableProxy().getMessage() + ")" : ""));
			}
		}
	}

	private static boolean isReferenceCountError(ILoggingEvent event) {
		for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
			if (t.getClassName().endsWith("IllegalReferenceCountException")) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void afterAll(ExtensionContext context) {
		// a leak is reported when its buffer has been collected and the detector next tracks a buffer
		System.gc();
		for (int i = 0; i < 8; i++) {
			release(PooledByteBufAllocator.DEFAULT.directBuffer(16));
			release(UnpooledByteBufAllocator.DEFAULT.heapBuffer(16));
		}
		List<String> found;
		synchronized (reports) {
			found = List.copyOf(reports);
			reports.clear();
		}
		if (!found.isEmpty()) {
			throw new AssertionError("Netty reported " + found.size() + " buffer leak(s) or reference-count error(s) in "
					+ context.getDisplayName() + ":\n" + String.join("\n", found));
		}
	}

	private static void release(ByteBuf buffer) {
		buffer.release();
	}

}
