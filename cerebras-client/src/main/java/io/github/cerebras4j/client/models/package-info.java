/**
 * The model catalogue: {@code GET /v1/models} and {@code GET /v1/models/{id}}.
 */
@NullMarked
package io.github.cerebras4j.client.models;

import org.jspecify.annotations.NullMarked;
