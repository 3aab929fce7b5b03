/**
 * When the client retries a failed request and how long it waits in between, as a Spring
 * {@link org.springframework.core.retry.RetryPolicy} with the rules of the official Cerebras SDKs.
 */
@NullMarked
package io.github.cerebras4j.client.retry;

import org.jspecify.annotations.NullMarked;
