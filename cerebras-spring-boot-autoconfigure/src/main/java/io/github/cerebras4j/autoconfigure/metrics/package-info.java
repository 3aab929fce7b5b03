/**
 * Micrometer metrics of the Cerebras client: the meters a call's observation does not give by itself (time to first
 * token, token usage, throughput, chunk gaps, the server's timing, retries and rate-limit gauges) and the latency
 * histograms of call duration and time to first token.
 */
@NullMarked
package io.github.cerebras4j.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
