package io.github.cerebras4j.autoconfigure.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import io.github.cerebras4j.client.core.RateLimits;
import io.github.cerebras4j.client.core.TimeInfo;
import io.github.cerebras4j.client.core.Usage;
import io.github.cerebras4j.client.error.CerebrasApiException;
import io.github.cerebras4j.client.observation.CerebrasObservationContext;
import io.github.cerebras4j.client.observation.CerebrasObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Records, when the observation of a Cerebras call stops, the meters its own timer
 * ({@code gen_ai.client.operation.duration}, made by Micrometer's {@code DefaultMeterObservationHandler}) does not
 * give:
 * <ul>
 * <li>{@value #TIME_TO_FIRST_CHUNK} (timer): from sending the request to the first chunk with content or reasoning,
 * once per stream that had one, also when the stream later failed or was cancelled;</li>
 * <li>{@value #TOKEN_USAGE} (summary, tokens): the usage, with tag {@value #TOKEN_TYPE} {@code input} or
 * {@code output};</li>
 * <li>{@value #OUTPUT_TOKENS_PER_SECOND} (summary): a stream's completion tokens over the time from its first
 * content to its last chunk;</li>
 * <li>{@value #CHUNK_GAP_MAX} (timer): the longest silence between two chunks of a stream;</li>
 * <li>{@value #SERVER_TIME} (timer): the server's {@code time_info}, with tag {@value #PHASE} {@code queue},
 * {@code prompt}, {@code completion} or {@code total};</li>
 * <li>{@value #RETRIES} (counter): one per retry, with tag {@value #CAUSE}, the status retried (such as
 * {@code 503}) or the exception's simple name;</li>
 * <li>{@value #RATE_LIMIT_REMAINING} (gauge): the last remaining value the rate-limit headers reported, with tags
 * {@code gen_ai.request.model}, {@value #RESOURCE} ({@code requests} or {@code tokens}) and {@value #WINDOW}
 * ({@code minute}, {@code hour} or {@code day}), registered the first time the server reports it.</li>
 * </ul>
 * Every meter but the gauges carries the observation's low-cardinality tags (operation, provider, model,
 * streaming, outcome, status code, error type), so failed and cancelled calls are told apart; never the API key,
 * the prompt or the text.
 * <p>
 * The model of the gauges is the tag value a {@link CerebrasModelTagMeterFilter} gives it, so that the gauges this
 * handler holds stay bounded whatever models callers name: the models beyond the filter's limit share the gauges
 * tagged {@value CerebrasModelTagMeterFilter#OTHER}, which hold the value last reported for any of them. Register
 * the same filter on the registry to bound the other meters too (the auto-configuration does).
 * <p>
 * It is a plain {@link ObservationHandler}, not a {@code MeterObservationHandler}: Spring Boot lets only the first
 * meter handler handle an observation, and that one must keep timing the call.
 */
public final class CerebrasMeterObservationHandler implements ObservationHandler<CerebrasObservationContext> {

	/** The name of the time to first token timer, after the GenAI semantic conventions. */
	public static final String TIME_TO_FIRST_CHUNK = "gen_ai.client.operation.time_to_first_chunk";

	/** The name of the token usage summary, after the GenAI semantic conventions. */
	public static final String TOKEN_USAGE = "gen_ai.client.token.usage";

	/** The name of the output throughput summary of streams. */
	public static final String OUTPUT_TOKENS_PER_SECOND = "cerebras.client.output.tokens.per.second";

	/** The name of the timer of the longest gap between two chunks of a stream. */
	public static final String CHUNK_GAP_MAX = "cerebras.client.stream.chunk.gap.max";

	/** The name of the timers of the server's own timing. */
	public static final String SERVER_TIME = "cerebras.client.server.time";

	/** The name of the retry counter. */
	public static final String RETRIES = "cerebras.client.retries";

	/** The name of the rate-limit gauges. */
	public static final String RATE_LIMIT_REMAINING = "cerebras.client.rate.limit.remaining";

	/** The tag of {@value #TOKEN_USAGE}: {@code input} or {@code output}. */
	public static final String TOKEN_TYPE = "gen_ai.token.type";

	/** The tag of {@value #SERVER_TIME}: {@code queue}, {@code prompt}, {@code completion} or {@code total}. */
	public static final String PHASE = "phase";

	/** The tag of {@value #RETRIES}: the status retried or the exception's simple name. */
	public static final String CAUSE = "cause";

	/** The tag of {@value #RATE_LIMIT_REMAINING}: {@code requests} or {@code tokens}. */
	public static final String RESOURCE = "resource";

	/** The tag of {@value #RATE_LIMIT_REMAINING}: {@code minute}, {@code hour} or {@code day}. */
	public static final String WINDOW = "window";

	private static final String MODEL = LowCardinalityKeyNames.REQUEST_MODEL.asString();

	private final MeterRegistry registry;

	private final CerebrasModelTagMeterFilter modelTags;

	private final ConcurrentMap<RateLimitKey, AtomicLong> rateLimitsRemaining = new ConcurrentHashMap<>();

	/**
	 * Creates a handler recording to a registry, whose gauges keep the name of at most
	 * {@value CerebrasModelTagMeterFilter#DEFAULT_MAX_MODEL_TAGS} distinct models.
	 * @param registry where the meters are registered
	 */
	public CerebrasMeterObservationHandler(MeterRegistry registry) {
		this(registry, new CerebrasModelTagMeterFilter(CerebrasModelTagMeterFilter.DEFAULT_MAX_MODEL_TAGS));
	}

	/**
	 * Creates a handler recording to a registry, whose gauges take their model tag from a filter; register the same
	 * filter on the registry so that every meter agrees.
	 * @param registry where the meters are registered
	 * @param modelTags gives the model tag of the gauges
	 */
	public CerebrasMeterObservationHandler(MeterRegistry registry, CerebrasModelTagMeterFilter modelTags) {
		Assert.notNull(registry, "'registry' must not be null");
		Assert.notNull(modelTags, "'modelTags' must not be null");
		this.registry = registry;
		this.modelTags = modelTags;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof CerebrasObservationContext;
	}

	@Override
	public void onStop(CerebrasObservationContext context) {
		Tags tags = lowCardinalityTags(context);
		recordStream(context, tags);
		recordUsage(context.usage(), tags);
		recordServerTime(context.timeInfo(), tags);
		recordRetries(context.retryCauses(), tags);
		recordRateLimits(context);
	}

	private void recordStream(CerebrasObservationContext context, Tags tags) {
		Duration timeToFirstChunk = context.timeToFirstChunk();
		if (timeToFirstChunk != null) {
			Timer.builder(TIME_TO_FIRST_CHUNK)
				.description("Time from sending the request to the first chunk with content or reasoning")
				.tags(tags)
				.register(this.registry)
				.record(timeToFirstChunk);
		}
		Duration longestGap = context.longestChunkGap();
		if (longestGap != null) {
			Timer.builder(CHUNK_GAP_MAX)
				.description("Longest gap between two chunks of a stream")
				.tags(tags)
				.register(this.registry)
				.record(longestGap);
		}
		Usage usage = context.usage();
		Integer outputTokens = (usage != null) ? usage.completionTokens() : null;
		Duration generationTime = context.generationTime();
		if (context.streaming() && outputTokens != null && generationTime != null && generationTime.toNanos() > 0) {
			DistributionSummary.builder(OUTPUT_TOKENS_PER_SECOND)
				.description("Completion tokens per second of a stream, from its first content to its last chunk")
				.tags(tags)
				.register(this.registry)
				.record(outputTokens / (generationTime.toNanos() / 1e9));
		}
	}

	private void recordUsage(@Nullable Usage usage, Tags tags) {
		if (usage != null) {
			recordTokens("input", usage.promptTokens(), tags);
			recordTokens("output", usage.completionTokens(), tags);
		}
	}

	private void recordTokens(String type, @Nullable Integer tokens, Tags tags) {
		if (tokens != null) {
			DistributionSummary.builder(TOKEN_USAGE)
				.description("Tokens used by a Cerebras call, by type")
				.baseUnit("tokens")
				.tags(tags)
				.tag(TOKEN_TYPE, type)
				.register(this.registry)
				.record(tokens);
		}
	}

	private void recordServerTime(@Nullable TimeInfo timeInfo, Tags tags) {
		if (timeInfo != null) {
			recordServerTime("queue", timeInfo.queueTime(), tags);
			recordServerTime("prompt", timeInfo.promptTime(), tags);
			recordServerTime("completion", timeInfo.completionTime(), tags);
			recordServerTime("total", timeInfo.totalTime(), tags);
		}
	}

	private void recordServerTime(String phase, @Nullable Double seconds, Tags tags) {
		if (seconds != null && seconds >= 0 && Double.isFinite(seconds)) {
			Timer.builder(SERVER_TIME)
				.description("Time the Cerebras server reports in time_info, by phase")
				.tags(tags)
				.tag(PHASE, phase)
				.register(this.registry)
				.record(Duration.ofNanos(Math.round(seconds * 1e9)));
		}
	}

	private void recordRetries(List<String> causes, Tags tags) {
		for (String cause : causes) {
			Counter.builder(RETRIES)
				.description("Retries of Cerebras calls, by cause")
				.tags(tags)
				.tag(CAUSE, cause)
				.register(this.registry)
				.increment();
		}
	}

	private void recordRateLimits(CerebrasObservationContext context) {
		RateLimits limits = (context.response() == null && context.getError() instanceof CerebrasApiException api)
				? api.rateLimits() : context.rateLimits();
		if (!limits.isEmpty()) {
			String model = this.modelTags.modelTag(model(context));
			recordRemaining(model, "requests", limits.requests());
			recordRemaining(model, "tokens", limits.tokens());
		}
	}

	private void recordRemaining(String model, String resource, Map<RateLimits.Window, RateLimits.Bucket> buckets) {
		buckets.forEach((window, bucket) -> {
			Long remaining = bucket.remaining();
			if (remaining != null) {
				this.rateLimitsRemaining
					.computeIfAbsent(new RateLimitKey(model, resource, window), key -> register(key, remaining))
					.set(remaining);
			}
		});
	}

	private AtomicLong register(RateLimitKey key, long initial) {
		AtomicLong remaining = new AtomicLong(initial);
		Gauge.builder(RATE_LIMIT_REMAINING, remaining, AtomicLong::doubleValue)
			.description("Remaining requests or tokens of a rate-limit window, as last reported by the server")
			.tag(MODEL, key.model())
			.tag(RESOURCE, key.resource())
			.tag(WINDOW, key.window().name().toLowerCase(Locale.ROOT))
			.strongReference(true)
			.register(this.registry);
		return remaining;
	}

	private static String model(CerebrasObservationContext context) {
		KeyValue tag = context.getLowCardinalityKeyValue(MODEL);
		if (tag != null) {
			return tag.getValue();
		}
		String model = context.requestModel();
		return (model != null) ? model : "none";
	}

	private static Tags lowCardinalityTags(Observation.Context context) {
		List<Tag> tags = new ArrayList<>(8);
		for (KeyValue keyValue : context.getLowCardinalityKeyValues()) {
			tags.add(Tag.of(keyValue.getKey(), keyValue.getValue()));
		}
		return Tags.of(tags);
	}

	private record RateLimitKey(String model, String resource, RateLimits.Window window) {
	}

}
