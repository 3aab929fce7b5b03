/**
 * Transport internals: the WebClient exchange, server-sent-event decoding and header handling. Not an API
 * for applications; types here may change between minor versions.
 */
@NullMarked
package io.github.cerebras4j.client.internal.transport;

import org.jspecify.annotations.NullMarked;
