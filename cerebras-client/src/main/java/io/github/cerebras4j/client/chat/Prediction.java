package io.github.cerebras4j.client.chat;

/**
 * Predicted output ({@code prediction}): text the answer is expected to largely repeat, for example a file
 * being edited, which lets the server generate it faster.
 *
 * @param type the kind of prediction, {@code content}
 * @param content the predicted text
 */
public record Prediction(String type, MessageContent content) {

	/**
	 * Creates a prediction.
	 * @param type the kind of prediction, {@code content}
	 * @param content the predicted text
	 * @throws IllegalArgumentException if {@code type} is {@code null} or blank, or {@code content} is {@code null}
	 */
	public Prediction {
		if (type == null || type.isBlank()) {
			throw new IllegalArgumentException("prediction.type must not be blank");
		}
		if (content == null) {
			throw new IllegalArgumentException("prediction.content must not be null");
		}
	}

	/**
	 * Creates a prediction of the answer's content.
	 * @param content the predicted text
	 * @return {@code {"type":"content","content":...}}
	 */
	public static Prediction content(String content) {
		return new Prediction("content", MessageContent.text(content));
	}

}
