package io.github.cerebras4j.test;

import java.time.Instant;
import java.util.List;

/**
 * What the rate-limit budget of a {@link CerebrasMockServer} counted since it was set: the generation requests it
 * admitted and rejected with 429, the tokens they used, and the same counts for each token window, so that a
 * simulation can report the tokens used per window as a fraction of {@link RateLimit#tokens()}.
 *
 * @param requestsAdmitted the requests admitted by the budget (and then answered as scripted, which may be an
 * error)
 * @param requestsRejected the requests answered 429 because they did not fit the budget
 * @param tokensUsed the prompt and completion tokens of the admitted requests (none for a request the script fails
 * with an error status or a reset connection)
 * @param windows the token windows in which requests arrived, oldest first; the last
 * {@value #REMEMBERED_WINDOWS}
 */
public record RateLimitStats(long requestsAdmitted, long requestsRejected, long tokensUsed, List<Window> windows) {

	/** How many token windows the budget keeps counts of. */
	public static final int REMEMBERED_WINDOWS = 1000;

	/** No budget, nothing counted. */
	public static final RateLimitStats NONE = new RateLimitStats(0, 0, 0, List.of());

	/**
	 * Copies the windows.
	 * @param requestsAdmitted the requests admitted
	 * @param requestsRejected the requests rejected with 429
	 * @param tokensUsed the tokens used by the admitted requests
	 * @param windows the token windows, oldest first
	 */
	public RateLimitStats {
		windows = List.copyOf(windows);
	}

	/**
	 * The counts of one token window.
	 *
	 * @param index the window's number, 0 for the window that starts when the budget is set
	 * @param start when the window started, by the server's clock
	 * @param requestsAdmitted the requests admitted in the window
	 * @param requestsRejected the requests rejected with 429 in the window
	 * @param tokensUsed the tokens used by the requests admitted in the window
	 */
	public record Window(long index, Instant start, long requestsAdmitted, long requestsRejected, long tokensUsed) {

	}

}
