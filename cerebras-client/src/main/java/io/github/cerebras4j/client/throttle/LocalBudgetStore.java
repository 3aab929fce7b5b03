package io.github.cerebras4j.client.throttle;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.cerebras4j.client.core.RateLimits;
import io.github.cerebras4j.client.core.RateLimits.Window;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;
import reactor.core.publisher.Mono;

/**
 * The budgets of each model kept in this JVM: for requests and tokens, per window (minute, hour, day), what is left
 * and when the window resets. Budgets start from the {@link BudgetLimits} given, or from the first response's
 * headers, less what was taken before that response came (the server may not have seen those calls yet). Every call takes its estimate and gives back what it did not use, so the count follows the server's for
 * this JVM's own calls, those still in flight included; the server's headers then set the limits and the windows'
 * ends, and lower the count when the server has counted more (other clients of the same organisation). A window
 * whose reset time passes starts full again; its length is the longest reset time the server reported for it (so
 * windows scaled down in a test server are followed), or its name's (a minute, an hour, a day) until then.
 *
 * <p>Thread-safe; every operation is a short critical section on one model's budgets, never a wait.
 */
public final class LocalBudgetStore implements BudgetStore {

	private final BudgetLimits limits;

	private final InstantSource clock;

	private final Map<String, ModelBudget> models = new ConcurrentHashMap<>();

	/**
	 * Creates a store that learns every budget from the server's headers.
	 */
	public LocalBudgetStore() {
		this(BudgetLimits.NONE);
	}

	/**
	 * Creates a store whose budgets start from the given limits.
	 * @param limits the limits of every model until the server reports its own
	 */
	public LocalBudgetStore(BudgetLimits limits) {
		this(limits, InstantSource.system());
	}

	/**
	 * Creates a store on a clock of its own, for tests.
	 * @param limits the limits of every model until the server reports its own
	 * @param clock the clock
	 */
	public LocalBudgetStore(BudgetLimits limits, InstantSource clock) {
		Assert.notNull(limits, "'limits' must not be null");
		Assert.notNull(clock, "'clock' must not be null");
		this.limits = limits;
		this.clock = clock;
	}

	@Override
	public Mono<Admission> take(String model, Cost cost) {
		return Mono.fromSupplier(() -> budget(model).take(cost, this.clock.instant()));
	}

	@Override
	public Mono<Void> giveBack(String model, long tokens) {
		return Mono.fromRunnable(() -> budget(model).giveBack(tokens, this.clock.instant()));
	}

	@Override
	public Mono<Void> update(String model, RateLimits limits) {
		return Mono.fromRunnable(() -> budget(model).update(limits, this.clock.instant()));
	}

	/**
	 * Sets the budgets to the state another store counted, for a shared store that keeps this one in step as its
	 * fallback: the limits, remainders and reset times given replace this store's, whatever the window.
	 * @param model the model
	 * @param state the other store's budgets, in the form of rate-limit headers
	 * @return completion
	 */
	public Mono<Void> set(String model, RateLimits state) {
		return Mono.fromRunnable(() -> budget(model).set(state, this.clock.instant()));
	}

	@Override
	public Map<String, Remaining> remaining() {
		Map<String, Remaining> remaining = new LinkedHashMap<>();
		this.models.forEach((model, budget) -> remaining.put(model, budget.remaining()));
		return remaining;
	}

	private ModelBudget budget(String model) {
		return this.models.computeIfAbsent(model, (name) -> new ModelBudget(this.limits));
	}

	@Override
	public String toString() {
		return "LocalBudgetStore[models=" + this.models.keySet() + "]";
	}

	/**
	 * The budgets of one model.
	 */
	private static final class ModelBudget {

		private final Map<Window, Bucket> requests = new EnumMap<>(Window.class);

		private final Map<Window, Bucket> tokens = new EnumMap<>(Window.class);

		// until the server first reports on the model: what was taken (less what was given back) since the count
		// started or was set, which the first report does not count for the calls still on their way to the server
		private boolean learning = true;

		private long pendingRequests;

		private long pendingTokens;

		ModelBudget(BudgetLimits limits) {
			limits.requests().forEach((window, limit) -> this.requests.put(window, new Bucket(false, window, limit)));
			limits.tokens().forEach((window, limit) -> this.tokens.put(window, new Bucket(true, window, limit)));
		}

		synchronized Admission take(Cost cost, Instant now) {
			Duration longestWait = null;
			String shortOf = null;
			for (Bucket bucket : buckets()) {
				bucket.roll(now);
				if (!bucket.fits(bucket.tokens ? cost.tokens() : cost.requests())) {
					Duration wait = bucket.resetAfter(now);
					if (longestWait == null || wait.compareTo(longestWait) > 0) {
						longestWait = wait;
						shortOf = bucket.name();
					}
				}
			}
			if (longestWait != null) {
				return Admission.refused(longestWait, shortOf);
			}
			this.requests.values().forEach((bucket) -> bucket.take(cost.requests(), now));
			this.tokens.values().forEach((bucket) -> bucket.take(cost.tokens(), now));
			if (this.learning) {
				this.pendingRequests += cost.requests();
				this.pendingTokens += cost.tokens();
			}
			return Admission.ADMITTED;
		}

		synchronized void giveBack(long amount, Instant now) {
			if (this.learning) {
				this.pendingTokens = Math.max(0, this.pendingTokens - amount);
			}
			for (Bucket bucket : this.tokens.values()) {
				bucket.roll(now);
				bucket.giveBack(amount);
			}
		}

		synchronized void update(RateLimits limits, Instant now) {
			// the model's first report lowers its remainders by every call taken so far: those the server has not
			// seen yet, and (not known apart from them) those it has, so that the first window is spent short rather
			// than over
			long unseenRequests = this.learning ? this.pendingRequests : 0;
			long unseenTokens = this.learning ? this.pendingTokens : 0;
			limits.requests()
				.forEach((window, reported) -> bucket(this.requests, false, window).update(reported, unseenRequests,
						now));
			limits.tokens()
				.forEach((window, reported) -> bucket(this.tokens, true, window).update(reported, unseenTokens, now));
			if (!limits.isEmpty()) {
				this.learning = false;
			}
		}

		synchronized void set(RateLimits state, Instant now) {
			// the state counts every call taken so far: only those taken after it are pending
			this.pendingRequests = 0;
			this.pendingTokens = 0;
			state.requests().forEach((window, counted) -> bucket(this.requests, false, window).set(counted, now));
			state.tokens().forEach((window, counted) -> bucket(this.tokens, true, window).set(counted, now));
		}

		synchronized Remaining remaining() {
			return new Remaining(smallest(this.requests), smallest(this.tokens));
		}

		private List<Bucket> buckets() {
			List<Bucket> all = new ArrayList<>(this.requests.values());
			all.addAll(this.tokens.values());
			return all;
		}

		private static Bucket bucket(Map<Window, Bucket> buckets, boolean tokens, Window window) {
			return buckets.computeIfAbsent(window, (key) -> new Bucket(tokens, key, null));
		}

		private static @Nullable Long smallest(Map<Window, Bucket> buckets) {
			Long smallest = null;
			for (Bucket bucket : buckets.values()) {
				if (bucket.remaining != null && (smallest == null || bucket.remaining < smallest)) {
					smallest = bucket.remaining;
				}
			}
			return smallest;
		}

	}

	/**
	 * One window's budget: its limit, what is left and when it resets, each unknown until configured or reported.
	 */
	private static final class Bucket {

		private final boolean tokens;

		private final Window window;

		private @Nullable Long limit;

		private @Nullable Long remaining;

		private @Nullable Instant resetAt;

		private Duration length;

		private boolean lengthReported;

		// whether the server reported on this budget yet: until then its count and window are guesses
		private boolean reported;

		Bucket(boolean tokens, Window window, @Nullable Long limit) {
			this.tokens = tokens;
			this.window = window;
			this.limit = limit;
			this.remaining = limit;
			this.length = nominalLength(window);
		}

		/** Starts the window afresh once its reset time has passed. */
		void roll(Instant now) {
			if (this.resetAt != null && !now.isBefore(this.resetAt)) {
				if (this.limit != null) {
					this.remaining = this.limit;
				}
				long lengths = Duration.between(this.resetAt, now).toNanos() / this.length.toNanos() + 1;
				this.resetAt = this.resetAt.plus(this.length.multipliedBy(lengths));
			}
		}

		/**
		 * Whether an amount fits what is left; an amount larger than the whole window fits a full window, so that
		 * the server, not the throttle, answers it.
		 */
		boolean fits(long amount) {
			if (amount == 0 || this.remaining == null) {
				return true;
			}
			long needed = (this.limit != null) ? Math.min(amount, this.limit) : amount;
			return this.remaining >= needed;
		}

		void take(long amount, Instant now) {
			if (this.remaining != null) {
				this.remaining = Math.max(0, this.remaining - amount);
			}
			if (this.resetAt == null) {
				this.resetAt = now.plus(this.length);
			}
		}

		void giveBack(long amount) {
			if (this.remaining != null) {
				long more = Math.max(0, this.remaining + amount);
				this.remaining = (this.limit != null) ? Math.min(this.limit, more) : more;
			}
		}

		/**
		 * Follows what the server reported. Its limit and its window's end always win. Its remainder wins the first
		 * time (less what was taken before, which the server may not have seen), when it is lower than this count, or
		 * when it is of a later window than this one (the server's window turned before this count's did); within one
		 * window a higher remainder does not raise the count, since the server has not yet seen the calls still on
		 * their way to it, which this count holds.
		 */
		void update(RateLimits.Bucket reported, long unseen, Instant now) {
			roll(now);
			if (reported.limit() != null) {
				this.limit = reported.limit();
			}
			Duration resetAfter = reported.resetAfter();
			Instant reportedReset = (resetAfter != null && !resetAfter.isNegative()) ? now.plus(resetAfter) : null;
			Long remaining = reported.remaining();
			boolean first = !this.reported;
			this.reported = true;
			if (remaining != null) {
				if (first || this.remaining == null || isLaterWindow(reportedReset)) {
					this.remaining = first ? Math.max(0, remaining - unseen) : remaining;
				}
				else {
					this.remaining = Math.min(this.remaining, remaining);
				}
			}
			if (reportedReset != null) {
				this.resetAt = reportedReset;
				// the first reported reset replaces the window's nominal length, later ones can only lengthen it
				if (!resetAfter.isZero() && (!this.lengthReported || resetAfter.compareTo(this.length) > 0)) {
					this.length = resetAfter;
					this.lengthReported = true;
				}
			}
		}

		/** Takes another store's count as it is; it is not a report of the server's, so later ones still win. */
		void set(RateLimits.Bucket counted, Instant now) {
			if (counted.limit() != null) {
				this.limit = counted.limit();
			}
			if (counted.remaining() != null) {
				this.remaining = counted.remaining();
			}
			Duration resetAfter = counted.resetAfter();
			if (resetAfter != null && !resetAfter.isNegative()) {
				this.resetAt = now.plus(resetAfter);
				if (!resetAfter.isZero() && resetAfter.compareTo(this.length) > 0) {
					this.length = resetAfter;
				}
			}
		}

		private boolean isLaterWindow(@Nullable Instant reportedReset) {
			return reportedReset != null && (this.resetAt == null
					|| reportedReset.isAfter(this.resetAt.plus(this.length.dividedBy(2))));
		}

		/** Names the budget for messages, for example {@code tokens per minute}. */
		String name() {
			return (this.tokens ? "tokens" : "requests") + " per " + this.window.name().toLowerCase(Locale.ROOT);
		}

		Duration resetAfter(Instant now) {
			return (this.resetAt != null) ? Duration.between(now, this.resetAt) : this.length;
		}

		private static Duration nominalLength(Window window) {
			return switch (window) {
				case MINUTE -> Duration.ofMinutes(1);
				case HOUR -> Duration.ofHours(1);
				case DAY -> Duration.ofDays(1);
			};
		}

	}

}
