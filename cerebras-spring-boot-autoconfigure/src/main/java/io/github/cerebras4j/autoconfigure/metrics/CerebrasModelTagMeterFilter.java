package io.github.cerebras4j.autoconfigure.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.cerebras4j.client.observation.CerebrasObservationDocumentation.LowCardinalityKeyNames;
import io.github.cerebras4j.client.observation.DefaultCerebrasObservationConvention;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.Assert;

/**
 * Bounds the number of distinct values of the {@code gen_ai.request.model} tag on the Cerebras client's meters. The
 * model comes from the caller, so without a bound every new model name, a typo included, would create timers with
 * histograms, summaries, counters and gauges that live as long as the registry. The first {@code maxModelTags}
 * distinct models keep their name; every later one is tagged {@value #OTHER}, so calls with those models are still
 * counted, together. The first time a model is tagged {@value #OTHER}, a warning is logged, once.
 * <p>
 * A meter is the Cerebras client's when its name starts with {@code cerebras.} or when it carries the tag
 * {@code gen_ai.provider.name=cerebras}, as the meters of the default observation convention do. Other meters, such
 * as another GenAI client's meters of the same names, are left as they are.
 * <p>
 * {@link CerebrasMeterObservationHandler} asks the same filter for the tag of its rate-limit gauges, so that the
 * gauges it holds are bounded too. Thread-safe.
 */
public final class CerebrasModelTagMeterFilter implements MeterFilter {

	/** The tag value of the models beyond the limit: {@value}. */
	public static final String OTHER = "other";

	/** The default most distinct models: {@value}. */
	public static final int DEFAULT_MAX_MODEL_TAGS = 100;

	private static final Log logger = LogFactory.getLog(CerebrasModelTagMeterFilter.class);

	private static final String MODEL = LowCardinalityKeyNames.REQUEST_MODEL.asString();

	private static final String PROVIDER = LowCardinalityKeyNames.PROVIDER.asString();

	private final int maxModelTags;

	private final Set<String> models = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean warned = new AtomicBoolean();

	/**
	 * Creates a filter keeping the name of at most the given number of distinct models.
	 * @param maxModelTags the most distinct models; 0 tags every model {@value #OTHER}
	 */
	public CerebrasModelTagMeterFilter(int maxModelTags) {
		Assert.isTrue(maxModelTags >= 0, "'maxModelTags' must not be negative");
		this.maxModelTags = maxModelTags;
	}

	@Override
	public Meter.Id map(Meter.Id id) {
		String model = id.getTag(MODEL);
		if (model == null || !isCerebras(id)) {
			return id;
		}
		String tag = modelTag(model);
		return tag.equals(model) ? id : id.withTag(Tag.of(MODEL, tag));
	}

	/**
	 * Returns the tag value of a model: the model itself while it is one of the first {@code maxModelTags} distinct
	 * models seen, {@value #OTHER} otherwise.
	 * @param model the model as the caller named it
	 * @return the model or {@value #OTHER}
	 */
	public String modelTag(String model) {
		if (this.models.contains(model) || OTHER.equals(model)) {
			return model;
		}
		synchronized (this.models) {
			if (this.models.contains(model)) {
				return model;
			}
			if (this.models.size() < this.maxModelTags) {
				this.models.add(model);
				return model;
			}
		}
		if (this.warned.compareAndSet(false, true)) {
			logger.warn("Reached the maximum number of distinct gen_ai.request.model tag values (" + this.maxModelTags
					+ ") of the Cerebras client's meters: further models are tagged '" + OTHER
					+ "'. Set cerebras.metrics.max-model-tags to change the maximum.");
		}
		return OTHER;
	}

	private static boolean isCerebras(Meter.Id id) {
		return id.getName().startsWith("cerebras.")
				|| DefaultCerebrasObservationConvention.PROVIDER.equals(id.getTag(PROVIDER));
	}

}
