package io.github.cerebras4j.benchmarks.threads;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jspecify.annotations.Nullable;

/**
 * The two Java 21 methods the virtual-thread benchmark and tests need,
 * {@code Executors.newVirtualThreadPerTaskExecutor()} and {@code Thread.isVirtual()}, for code compiled with
 * {@code --release 17}.
 * <p>
 * The module is compiled for Java 17 (CI builds it on 17 and 25), where those methods do not exist, so they are
 * looked up once, as method handles, on the running JVM. That is the smallest way to use them: a separate source set
 * compiled with {@code --release 21} under a profile would need its own compiler execution and a multi-release jar
 * for two method calls. On Java 17 to 20 the handles are absent, {@link #available()} is {@code false}, and the
 * benchmark and tests skip rather than fail.
 */
public final class VirtualThreads {

	private static final @Nullable MethodHandle NEW_THREAD_PER_TASK_EXECUTOR = lookUp(() -> MethodHandles.publicLookup()
		.findStatic(Executors.class, "newVirtualThreadPerTaskExecutor", MethodType.methodType(ExecutorService.class)));

	private static final @Nullable MethodHandle IS_VIRTUAL = lookUp(() -> MethodHandles.publicLookup()
		.findVirtual(Thread.class, "isVirtual", MethodType.methodType(boolean.class)));

	private VirtualThreads() {
	}

	/**
	 * Returns whether this JVM has virtual threads (Java 21 or newer).
	 * @return {@code true} if it has
	 */
	public static boolean available() {
		return NEW_THREAD_PER_TASK_EXECUTOR != null && IS_VIRTUAL != null;
	}

	/**
	 * Returns why the virtual-thread figures are skipped on this JVM.
	 * @return a sentence naming the Java version needed and this one
	 */
	public static String unavailableReason() {
		return "virtual threads need Java 21 or newer; this is Java " + System.getProperty("java.version");
	}

	/**
	 * Returns {@code Executors.newVirtualThreadPerTaskExecutor()}: every task on a new virtual thread.
	 * @return the executor
	 * @throws IllegalStateException before Java 21
	 */
	public static ExecutorService newThreadPerTaskExecutor() {
		try {
			return (ExecutorService) handle(NEW_THREAD_PER_TASK_EXECUTOR).invokeExact();
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Returns {@code thread.isVirtual()}.
	 * @param thread a thread
	 * @return whether it is a virtual thread
	 * @throws IllegalStateException before Java 21
	 */
	public static boolean isVirtual(Thread thread) {
		try {
			return (boolean) handle(IS_VIRTUAL).invokeExact(thread);
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static MethodHandle handle(@Nullable MethodHandle handle) {
		if (handle == null) {
			throw new IllegalStateException("Cannot use virtual threads: " + unavailableReason());
		}
		return handle;
	}

	private static @Nullable MethodHandle lookUp(Lookup lookup) {
		try {
			return lookup.find();
		}
		catch (NoSuchMethodException ex) {
			return null;
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@FunctionalInterface
	private interface Lookup {

		MethodHandle find() throws NoSuchMethodException, IllegalAccessException;

	}

}
