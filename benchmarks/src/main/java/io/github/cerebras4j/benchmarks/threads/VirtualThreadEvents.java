package io.github.cerebras4j.benchmarks.threads;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Counts, with an in-process JFR recording, the times a virtual thread pinned its carrier and the times one could not
 * be scheduled: {@code jdk.VirtualThreadPinned} with a threshold of zero (its default, 20 ms, would miss every short
 * pin) and {@code jdk.VirtualThreadSubmitFailed}, both with stack traces. Start it, run the work, then
 * {@link #stop()}: the recording is dumped to a temporary file, read back and deleted, so every event committed before
 * {@code stop()} is counted (a {@code RecordingStream} hands events over asynchronously, about once a second).
 * <p>
 * Before Java 21 the events do not exist and the counts are zero.
 */
public final class VirtualThreadEvents implements AutoCloseable {

	/** A virtual thread parked or blocked while it could not leave its carrier. */
	public static final String PINNED = "jdk.VirtualThreadPinned";

	/** A virtual thread could not be scheduled to start or to continue. */
	public static final String SUBMIT_FAILED = "jdk.VirtualThreadSubmitFailed";

	private static final int DESCRIBED_EVENTS = 5;

	private static final int DESCRIBED_FRAMES = 12;

	private final Recording recording;

	private VirtualThreadEvents(Recording recording) {
		this.recording = recording;
	}

	/**
	 * Starts recording.
	 * @return the running recording
	 */
	public static VirtualThreadEvents start() {
		Recording recording = new Recording();
		recording.setName("cerebras4j virtual thread events");
		recording.enable(PINNED).withThreshold(Duration.ZERO).withStackTrace();
		recording.enable(SUBMIT_FAILED).withStackTrace();
		recording.start();
		return new VirtualThreadEvents(recording);
	}

	/**
	 * Stops recording and counts the events recorded.
	 * @return the counts, and a description of the first pinned and failed events
	 */
	public Counts stop() {
		this.recording.stop();
		Path file = null;
		try {
			file = Files.createTempFile("cerebras4j-virtual-threads", ".jfr");
			this.recording.dump(file);
			long pinned = 0;
			long submitFailed = 0;
			List<String> described = new ArrayList<>();
			for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
				String name = event.getEventType().getName();
				if (PINNED.equals(name)) {
					pinned++;
				}
				else if (SUBMIT_FAILED.equals(name)) {
					submitFailed++;
				}
				else {
					continue;
				}
				if (described.size() < DESCRIBED_EVENTS) {
					described.add(describe(event));
				}
			}
			return new Counts(pinned, submitFailed, described);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the JFR recording", ex);
		}
		finally {
			this.recording.close();
			if (file != null) {
				try {
					Files.deleteIfExists(file);
				}
				catch (IOException ex) {
					// a temporary file left behind is no reason to lose the counts
				}
			}
		}
	}

	/**
	 * Stops recording, if it still runs, and discards what was recorded.
	 */
	@Override
	public void close() {
		this.recording.close();
	}

	private static String describe(RecordedEvent event) {
		StringBuilder description = new StringBuilder(event.getEventType().getName());
		// pinnedReason and blockingOperation exist from Java 24; exceptionMessage is the failed submission's
		for (String field : List.of("pinnedReason", "blockingOperation", "exceptionMessage")) {
			if (event.hasField(field)) {
				description.append(", ").append(field).append(": ").append(event.<Object>getValue(field));
			}
		}
		RecordedStackTrace stackTrace = event.getStackTrace();
		if (stackTrace != null) {
			description.append(stackTrace.getFrames()
				.stream()
				.limit(DESCRIBED_FRAMES)
				.map(VirtualThreadEvents::frame)
				.collect(Collectors.joining("\n\tat ", "\n\tat ", "")));
		}
		return description.toString();
	}

	private static String frame(RecordedFrame frame) {
		return frame.getMethod().getType().getName() + "." + frame.getMethod().getName() + " line "
				+ frame.getLineNumber();
	}

	/**
	 * What one recording counted.
	 *
	 * @param pinned {@code jdk.VirtualThreadPinned} events
	 * @param submitFailed {@code jdk.VirtualThreadSubmitFailed} events
	 * @param firstEvents the first few of either, each with its reason where the JVM gives one and the top of its
	 * stack
	 */
	public record Counts(long pinned, long submitFailed, List<String> firstEvents) {

		/**
		 * Returns the counts and the events described, for an assertion's message.
		 * @return a description
		 */
		public String describe() {
			return String.format("%d pinned, %d failed submissions%s", this.pinned, this.submitFailed,
					this.firstEvents.isEmpty() ? "" : ":\n" + String.join("\n", this.firstEvents));
		}

	}

}
