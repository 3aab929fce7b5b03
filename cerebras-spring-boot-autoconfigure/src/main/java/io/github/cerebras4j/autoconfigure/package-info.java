/**
 * Auto-configuration of the Cerebras client: {@code cerebras.*} properties, {@code CerebrasTemplate} and
 * {@code ReactiveCerebrasTemplate} beans, connection details, start-up checks and warm-up.
 */
@NullMarked
package io.github.cerebras4j.autoconfigure;

import org.jspecify.annotations.NullMarked;
