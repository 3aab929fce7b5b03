/**
 * Chat completions: {@code POST /v1/chat/completions}, its request, messages, tools and response types.
 */
@NullMarked
package io.github.cerebras4j.client.chat;

import org.jspecify.annotations.NullMarked;
