package io.github.cerebras4j.client.throttle;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * A budget store's answer to a call that asks for its cost: admitted (the cost was taken), or not yet, with how long
 * until the budget that is short resets.
 *
 * @param admitted whether the cost was taken
 * @param resetAfter when not admitted, how long until the budget that is short resets; {@code null} when admitted
 * @param shortOf when not admitted, which budget is short, for messages (for example {@code tokens per minute});
 * {@code null} when admitted
 */
public record Admission(boolean admitted, @Nullable Duration resetAfter, @Nullable String shortOf) {

	/** The cost was taken. */
	public static final Admission ADMITTED = new Admission(true, null, null);

	/**
	 * Checks that a refusal says when and what.
	 * @param admitted whether the cost was taken
	 * @param resetAfter how long until the short budget resets, for a refusal
	 * @param shortOf which budget is short, for a refusal
	 */
	public Admission {
		Assert.isTrue(admitted || (resetAfter != null && shortOf != null),
				"A refusal must say when the budget resets and which budget is short");
	}

	/**
	 * The cost does not fit in a budget now; nothing was taken.
	 * @param resetAfter how long until that budget resets, not negative
	 * @param shortOf which budget, for example {@code tokens per minute}
	 * @return the refusal
	 */
	public static Admission refused(Duration resetAfter, String shortOf) {
		return new Admission(false, resetAfter.isNegative() ? Duration.ZERO : resetAfter, shortOf);
	}

}
