package io.github.cerebras4j.client.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One part of a message's content, written with its {@code type}: {@code text}, {@code image_url} or
 * {@code image}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = ContentPart.TextPart.class, name = "text"),
		@JsonSubTypes.Type(value = ContentPart.ImageUrlPart.class, name = "image_url"),
		@JsonSubTypes.Type(value = ContentPart.ImagePart.class, name = "image") })
public sealed interface ContentPart {

	/**
	 * Creates a text part.
	 * @param text the text
	 * @return {@code {"type":"text","text":...}}
	 */
	static TextPart text(String text) {
		return new TextPart(text);
	}

	/**
	 * Creates an image part that refers to an image by URL, including {@code data:} URLs.
	 * @param url the image URL
	 * @return {@code {"type":"image_url","image_url":{"url":...}}}
	 */
	static ImageUrlPart imageUrl(String url) {
		return imageUrl(url, null);
	}

	/**
	 * Creates an image part that refers to an image by URL, with a detail level.
	 * @param url the image URL
	 * @param detail the detail level, for example {@code low} or {@code high}, or {@code null}
	 * @return {@code {"type":"image_url","image_url":{"url":...,"detail":...}}}
	 */
	static ImageUrlPart imageUrl(String url, @Nullable String detail) {
		return new ImageUrlPart(new ImageUrl(url, detail));
	}

	/**
	 * Creates a Cerebras image part that carries the image itself.
	 * @param image the image data
	 * @return {@code {"type":"image","image":...}}
	 */
	static ImagePart image(String image) {
		return new ImagePart(image);
	}

	/**
	 * A text part.
	 *
	 * @param text the text
	 */
	record TextPart(String text) implements ContentPart {

		/**
		 * Creates a text part.
		 * @param text the text
		 * @throws IllegalArgumentException if {@code text} is {@code null}
		 */
		public TextPart {
			if (text == null) {
				throw new IllegalArgumentException("text must not be null");
			}
		}

	}

	/**
	 * An image referred to by URL.
	 *
	 * @param imageUrl the URL and its detail level ({@code image_url})
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record ImageUrlPart(ImageUrl imageUrl) implements ContentPart {

		/**
		 * Creates an image URL part.
		 * @param imageUrl the URL and its detail level ({@code image_url})
		 * @throws IllegalArgumentException if {@code imageUrl} is {@code null}
		 */
		public ImageUrlPart {
			if (imageUrl == null) {
				throw new IllegalArgumentException("image_url must not be null");
			}
		}

	}

	/**
	 * The target of an {@link ImageUrlPart}.
	 *
	 * @param url the image URL, including {@code data:} URLs
	 * @param detail the detail level, or {@code null} for the server's default
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ImageUrl(String url, @Nullable String detail) {

		/**
		 * Creates the URL of an image part.
		 * @param url the image URL, including {@code data:} URLs
		 * @param detail the detail level, or {@code null} for the server's default
		 * @throws IllegalArgumentException if {@code url} is {@code null} or blank
		 */
		public ImageUrl {
			if (url == null || url.isBlank()) {
				throw new IllegalArgumentException("image_url.url must not be blank");
			}
		}

	}

	/**
	 * A Cerebras image part that carries the image itself.
	 *
	 * @param image the image data
	 */
	record ImagePart(String image) implements ContentPart {

		/**
		 * Creates an image part.
		 * @param image the image data
		 * @throws IllegalArgumentException if {@code image} is {@code null} or blank
		 */
		public ImagePart {
			if (image == null || image.isBlank()) {
				throw new IllegalArgumentException("image must not be blank");
			}
		}

	}

}
