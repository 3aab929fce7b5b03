/**
 * Micrometer Observation of Cerebras calls: one observation per call, with the GenAI semantic conventions' names,
 * the time to first token of streams, token usage and the server's timing. Replace
 * {@link io.github.cerebras4j.client.observation.CerebrasObservationConvention} to change names and tags.
 */
@NullMarked
package io.github.cerebras4j.client.observation;

import org.jspecify.annotations.NullMarked;
