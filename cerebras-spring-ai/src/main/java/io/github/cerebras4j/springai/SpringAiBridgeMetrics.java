package io.github.cerebras4j.springai;

import java.util.ArrayList;
import java.util.List;

import io.github.cerebras4j.client.observation.CerebrasObservationContext;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;
import io.micrometer.observation.ObservationView;

import org.springframework.ai.chat.observation.ChatModelObservationContext;

/**
 * Who records what when a call goes through {@link CerebrasChatModel}: Spring AI's {@code gen_ai.client.operation}
 * observation owns the call (its duration and its token usage), the client's own observation, its child, keeps what
 * only it knows (time to first token, {@code time_info}, retries, rate limits, chunk gaps), and records neither the
 * call duration nor the token usage again. Three pieces do it, each on a Cerebras observation whose parent (or an
 * ancestor) is a Spring AI chat model observation, a "bridged" one:
 * <ul>
 * <li>{@link #observationFilter()} tags it {@value #BRIDGE_KEY}={@value #BRIDGE_VALUE} when it stops;</li>
 * <li>{@link #meterObservationHandler()}, first of the meter handlers, takes it away from Micrometer's default meter
 * handler, so that no {@code gen_ai.client.operation.duration} timer is recorded for it;</li>
 * <li>{@link #meterFilter()} drops the client's {@code gen_ai.client.token.usage} of it (Spring AI counts the tokens
 * under that name, with its own tags) and removes the tag from its other meters, so that each meter name keeps one
 * set of tag keys.</li>
 * </ul>
 * Calls made with the templates directly are not touched.
 */
final class SpringAiBridgeMetrics {

	/** The key of the tag of a bridged call's observation (removed from its meters). */
	static final String BRIDGE_KEY = "cerebras.bridge";

	/** The value of the tag of a bridged call's observation. */
	static final String BRIDGE_VALUE = "spring-ai";

	/** The client's token usage meter, whose name Spring AI's chat observation uses too. */
	static final String TOKEN_USAGE = "gen_ai.client.token.usage";

	private static final String DROPPED = "cerebras.bridge.dropped";

	private SpringAiBridgeMetrics() {
	}

	static boolean isBridged(Observation.Context context) {
		if (!(context instanceof CerebrasObservationContext)) {
			return false;
		}
		ObservationView parent = context.getParentObservation();
		int depth = 0;
		while (parent != null && depth++ < 16) {
			if (parent.getContextView() instanceof ChatModelObservationContext) {
				return true;
			}
			parent = parent.getContextView().getParentObservation();
		}
		return false;
	}

	static ObservationFilter observationFilter() {
		return (context) -> isBridged(context)
				? context.addLowCardinalityKeyValue(KeyValue.of(BRIDGE_KEY, BRIDGE_VALUE)) : context;
	}

	static MeterObservationHandler<CerebrasObservationContext> meterObservationHandler() {
		return new BridgedCallMeterObservationHandler();
	}

	static MeterFilter meterFilter() {
		return new BridgedCallMeterFilter();
	}

	/**
	 * Handles a bridged call's observation in place of Micrometer's default meter handler, recording nothing.
	 */
	static final class BridgedCallMeterObservationHandler implements MeterObservationHandler<CerebrasObservationContext> {

		@Override
		public boolean supportsContext(Observation.Context context) {
			return isBridged(context);
		}

	}

	/**
	 * Drops the client's token usage of bridged calls and removes the bridge tag from their other meters.
	 */
	static final class BridgedCallMeterFilter implements MeterFilter {

		@Override
		public Meter.Id map(Meter.Id id) {
			if (id.getTag(BRIDGE_KEY) == null) {
				return id;
			}
			if (id.getName().equals(TOKEN_USAGE)) {
				return id.withName(DROPPED);
			}
			List<Tag> tags = new ArrayList<>();
			for (Tag tag : id.getTagsAsIterable()) {
				if (!tag.getKey().equals(BRIDGE_KEY)) {
					tags.add(tag);
				}
			}
			return id.replaceTags(tags);
		}

		@Override
		public MeterFilterReply accept(Meter.Id id) {
			return id.getName().equals(DROPPED) ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
		}

	}

}
