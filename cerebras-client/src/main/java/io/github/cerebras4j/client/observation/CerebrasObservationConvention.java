package io.github.cerebras4j.client.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of a Cerebras call. Implement it, or extend
 * {@link DefaultCerebrasObservationConvention}, and give it to the client to change them.
 */
public interface CerebrasObservationConvention extends ObservationConvention<CerebrasObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof CerebrasObservationContext;
	}

}
