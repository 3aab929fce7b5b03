/**
 * The exceptions this client throws, one unchecked hierarchy under
 * {@link io.github.cerebras4j.client.error.CerebrasException}, and the error bodies the API sends.
 */
@NullMarked
package io.github.cerebras4j.client.error;

import org.jspecify.annotations.NullMarked;
