/**
 * The transport: the only code that touches WebClient's exchange and Reactor Netty. A call goes through small stages:
 * {@link io.github.cerebras4j.client.internal.transport.RequestAssembly} (URI, headers, key, read timeout), the
 * exchange, whose failures become typed exceptions
 * ({@link io.github.cerebras4j.client.internal.transport.ErrorResponses},
 * {@link io.github.cerebras4j.client.internal.transport.TransportFailures}), decoding
 * ({@link io.github.cerebras4j.client.internal.transport.JsonBodies} or
 * {@link io.github.cerebras4j.client.internal.transport.EventStreams}), and
 * {@link io.github.cerebras4j.client.internal.transport.CallPolicy} (retries, deadline, observation), put together by
 * {@link io.github.cerebras4j.client.internal.transport.Transport}. Not an API for applications: types here may
 * change in any release.
 */
@NullMarked
package io.github.cerebras4j.client.internal.transport;

import org.jspecify.annotations.NullMarked;
