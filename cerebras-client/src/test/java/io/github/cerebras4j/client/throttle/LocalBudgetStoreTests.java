package io.github.cerebras4j.client.throttle;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;

import io.github.cerebras4j.client.core.RateLimits;
import io.github.cerebras4j.client.core.RateLimits.Window;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The budgets of {@link LocalBudgetStore} on a clock the test moves: taking until a budget is short, a window's reset,
 * the server's headers winning, tokens given back, windows as long as the server says.
 */
class LocalBudgetStoreTests {

	private static final String MODEL = "llama3.1-8b";

	private final MutableClock clock = new MutableClock();

	@Test
	void takesUntilABudgetIsShortThenSaysWhichAndWhenItResets() {
		LocalBudgetStore store = new LocalBudgetStore(
				BudgetLimits.NONE.withRequests(Window.MINUTE, 2).withTokens(Window.MINUTE, 1000), this.clock);
		assertThat(take(store, 400)).isEqualTo(Admission.ADMITTED);
		this.clock.advance(Duration.ofSeconds(10));
		assertThat(take(store, 400)).isEqualTo(Admission.ADMITTED);
		Admission third = take(store, 100);
		assertThat(third.admitted()).isFalse();
		assertThat(third.shortOf()).isEqualTo("requests per minute");
		assertThat(third.resetAfter()).as("the window started with the first call").isEqualTo(Duration.ofSeconds(50));
		assertThat(store.remaining()).containsEntry(MODEL, new Remaining(0L, 200L));
	}

	@Test
	void aRefusalTakesNothingFromTheOtherBudgets() {
		LocalBudgetStore store = new LocalBudgetStore(
				BudgetLimits.NONE.withRequests(Window.MINUTE, 5).withTokens(Window.MINUTE, 1000), this.clock);
		take(store, 900);
		Admission refused = take(store, 200);
		assertThat(refused.shortOf()).isEqualTo("tokens per minute");
		assertThat(store.remaining()).containsEntry(MODEL, new Remaining(4L, 100L));
	}

	@Test
	void aWindowStartsFullAgainOnceItsResetTimePasses() {
		LocalBudgetStore store = new LocalBudgetStore(BudgetLimits.NONE.withTokens(Window.MINUTE, 1000), this.clock);
		take(store, 1000);
		assertThat(take(store, 1).admitted()).isFalse();
		this.clock.advance(Duration.ofSeconds(60));
		assertThat(take(store, 1000)).isEqualTo(Admission.ADMITTED);
		this.clock.advance(Duration.ofSeconds(59));
		assertThat(take(store, 1).resetAfter()).as("the next window started where the first ended")
			.isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void theServersHeadersSetTheBudgetWhateverTheStoreCounted() {
		LocalBudgetStore store = new LocalBudgetStore(BudgetLimits.NONE.withTokens(Window.MINUTE, 1000), this.clock);
		store.update(MODEL, tokens(5000L, 12L, Duration.ofMillis(12_500))).block();
		assertThat(store.remaining()).containsEntry(MODEL, new Remaining(null, 12L));
		Admission refused = take(store, 13);
		assertThat(refused.resetAfter()).isEqualTo(Duration.ofMillis(12_500));
		this.clock.advance(Duration.ofMillis(12_500));
		assertThat(take(store, 5000)).as("the window starts full at the server's limit").isEqualTo(Admission.ADMITTED);
	}

	@Test
	void theFirstReportOnAModelIsLoweredByWhatWasTakenBeforeItSinceTheServerMayNotHaveSeenIt() {
		LocalBudgetStore store = new LocalBudgetStore(BudgetLimits.NONE, this.clock);
		take(store, 100);
		take(store, 300);
		store.giveBack(MODEL, 50).block();
		// the answer to the first call, made before the server saw the second
		store.update(MODEL, tokens(5000L, 4900L, Duration.ofSeconds(30))).block();
		assertThat(store.remaining().get(MODEL).tokens()).isEqualTo(4900L - 350L);
		// the calls taken after the first report are counted by the budget itself, not again at a budget's first
		// report later
		take(store, 1000);
		store.update(MODEL, new RateLimits(Map.of(Window.DAY, new RateLimits.Bucket(100L, 90L, Duration.ofHours(5))),
				Map.of()))
			.block();
		assertThat(store.remaining().get(MODEL)).isEqualTo(new Remaining(90L, 4900L - 350L - 1000L));
	}

	@Test
	void withinAWindowTheServersHigherRemainderDoesNotRaiseTheCountOfCallsItHasNotSeen() {
		LocalBudgetStore store = new LocalBudgetStore(BudgetLimits.NONE, this.clock);
		store.update(MODEL, tokens(1000L, 1000L, Duration.ofSeconds(60))).block();
		take(store, 300);
		take(store, 300);
		// the answer to the first call: the server had not seen the second one yet
		store.update(MODEL, tokens(1000L, 700L, Duration.ofSeconds(59))).block();
		assertThat(store.remaining().get(MODEL).tokens()).isEqualTo(400L);
		// another client of the same organisation used more than this one knows of
		store.update(MODEL, tokens(1000L, 100L, Duration.ofSeconds(58))).block();
		assertThat(store.remaining().get(MODEL).tokens()).isEqualTo(100L);
	}

	@Test
	void aRemainderOfALaterWindowWinsAndOneOfAnEarlierWindowCanOnlyLowerTheCount() {
		LocalBudgetStore store = new LocalBudgetStore(BudgetLimits.NONE, this.clock);
		store.update(MODEL, tokens(1000L, 0L, Duration.ofSeconds(50))).block();
		store.update(MODEL, tokens(1000L, 900L, Duration.ofSeconds(110))).block();
		assertThat(store.remaining().get(MODEL).tokens()).as("the server's window turned first").isEqualTo(900L);
		// this count's window turned before the server's: the server's end and its lower count win
		store.update(MODEL, tokens(1000L, 5L, Duration.ofSeconds(45))).block();
		assertThat(store.remaining().get(MODEL).tokens()).isEqualTo(5L);
		assertThat(take(store, 6).resetAfter()).isEqualTo(Duration.ofSeconds(45));
	}

	@Test
	void withoutLimitsEverythingIsAdmittedUntilTheServerReportsABudget() {
		LocalBudgetStore store = new LocalBudgetStore(BudgetLimits.NONE, this.clock);
		for (int i = 0; i < 1000; i++) {
			assertThat(take(store, 1_000_000)).isEqualTo(Admission.ADMITTED);
		}
		assertThat(store.remaining()).containsEntry(MODEL, new Remaining(null, null));
		store.update(MODEL, tokens(null, 0L, Duration.ofSeconds(3))).block();
		assertThat(take(store, 1).resetAfter()).isEqualTo(Duration.ofSeconds(3));
	}

	@Test
	void tokensGivenBackCanBeTakenAgainUpToTheLimit() {
		LocalBudgetStore store = new LocalBudgetStore(BudgetLimits.NONE.withTokens(Window.MINUTE, 1000), this.clock);
		take(store, 900);
		store.giveBack(MODEL, 850).block();
		assertThat(store.remaining().get(MODEL).tokens()).isEqualTo(950L);
		store.giveBack(MODEL, 500).block();
		assertThat(store.remaining().get(MODEL).tokens()).as("never above the limit").isEqualTo(1000L);
		store.giveBack(MODEL, -1200).block();
		assertThat(store.remaining().get(MODEL).tokens()).as("a call that used more takes more, down to 0")
			.isEqualTo(0L);
	}

	@Test
	void aWindowIsAsLongAsTheServerSaysNotAsItsName() {
		// a test server whose "minute" lasts two seconds
		LocalBudgetStore store = new LocalBudgetStore(BudgetLimits.NONE, this.clock);
		store.update(MODEL, tokens(100L, 0L, Duration.ofMillis(1500))).block();
		this.clock.advance(Duration.ofMillis(500));
		store.update(MODEL, tokens(100L, 0L, Duration.ofMillis(2000))).block();
		this.clock.advance(Duration.ofMillis(2000));
		assertThat(take(store, 100)).isEqualTo(Admission.ADMITTED);
		assertThat(take(store, 1).resetAfter()).as("the next window ends one reported length after the last")
			.isEqualTo(Duration.ofMillis(2000));
	}

	@Test
	void aCallLargerThanAWholeWindowWaitsForAFullWindowAndIsThenAdmitted() {
		LocalBudgetStore store = new LocalBudgetStore(BudgetLimits.NONE.withTokens(Window.MINUTE, 1000), this.clock);
		take(store, 10);
		assertThat(take(store, 5000).admitted()).isFalse();
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(take(store, 5000)).isEqualTo(Admission.ADMITTED);
	}

	@Test
	void modelsHaveBudgetsOfTheirOwn() {
		LocalBudgetStore store = new LocalBudgetStore(BudgetLimits.NONE.withRequests(Window.DAY, 1), this.clock);
		assertThat(store.take("a", new Cost(1, 0)).block()).isEqualTo(Admission.ADMITTED);
		assertThat(store.take("b", new Cost(1, 0)).block()).isEqualTo(Admission.ADMITTED);
		assertThat(store.take("a", new Cost(1, 0)).block().shortOf()).isEqualTo("requests per day");
	}

	private static Admission take(LocalBudgetStore store, long tokens) {
		return store.take(MODEL, new Cost(1, tokens)).block();
	}

	private static RateLimits tokens(Long limit, Long remaining, Duration resetAfter) {
		return new RateLimits(Map.of(), Map.of(Window.MINUTE, new RateLimits.Bucket(limit, remaining, resetAfter)));
	}

	private static final class MutableClock implements InstantSource {

		private Instant now = Instant.parse("2026-11-29T12:00:00Z");

		@Override
		public Instant instant() {
			return this.now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

	}

}
