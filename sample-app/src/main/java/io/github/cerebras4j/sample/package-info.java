/**
 * A Spring Boot WebFlux application that chats with Cerebras through the starter, as a user of the starter would:
 * JSON and streamed answers, a browser page, problem details and actuator metrics. Without an API key it runs on the
 * built-in simulator.
 */
@NullMarked
package io.github.cerebras4j.sample;

import org.jspecify.annotations.NullMarked;
