/**
 * Spring AI for Cerebras: {@link io.github.cerebras4j.springai.CerebrasChatModel}, a Spring AI
 * {@code ChatModel} backed by the Cerebras client, its options and its auto-configuration.
 */
@NullMarked
package io.github.cerebras4j.springai;

import org.jspecify.annotations.NullMarked;
