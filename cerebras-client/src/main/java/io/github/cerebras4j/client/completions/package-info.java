/**
 * Text completions: {@code POST /v1/completions}, its request and response types.
 */
@NullMarked
package io.github.cerebras4j.client.completions;

import org.jspecify.annotations.NullMarked;
