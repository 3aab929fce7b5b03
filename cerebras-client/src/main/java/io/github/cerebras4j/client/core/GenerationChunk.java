package io.github.cerebras4j.client.core;

import io.github.cerebras4j.client.core.Generation;

/**
 * One chunk of a streamed generation, chat or text: the piece of generated text it carries and whether it carries
 * any, which marks the time to first token.
 */
public interface GenerationChunk extends Generation {

	/**
	 * Returns the piece of generated text of the first choice: a chat chunk's content, a text chunk's text.
	 * @return the text, {@code ""} when there is none
	 */
	String generatedText();

	/**
	 * Tells whether the chunk carries generated content or reasoning, unlike the role-only first chunk of a chat
	 * stream or a final chunk that only carries usage.
	 * @return whether the chunk carries generated text
	 */
	boolean hasContent();

	/**
	 * Tells whether a choice of this chunk carries a {@code finish_reason}: the answer is complete, so a body that
	 * ends after this chunk without {@code data: [DONE]} is not an interruption.
	 * @return whether a choice finished
	 */
	boolean finishesAChoice();

}
