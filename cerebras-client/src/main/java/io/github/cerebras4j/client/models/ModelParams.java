package io.github.cerebras4j.client.models;

import io.github.cerebras4j.client.internal.HeaderChecks;
import org.jspecify.annotations.Nullable;

/**
 * The optional parameters of listing and retrieving models: the {@code format} query parameter and the
 * {@code CF-RAY} and {@code X-Amz-Cf-Id} request headers. {@link #none()} sends none of them.
 *
 * @param format the shape the catalogue is returned in, or {@code null} for the server's default
 * @param cfRay the {@code CF-RAY} request header, or {@code null} to not send it
 * @param amzCfId the {@code X-Amz-Cf-Id} request header, or {@code null} to not send it
 */
public record ModelParams(@Nullable ModelFormat format, @Nullable String cfRay, @Nullable String amzCfId) {

	private static final ModelParams NONE = new ModelParams(null, null, null);

	/**
	 * Checks the header parameters.
	 * @throws IllegalArgumentException if a header parameter holds CR, LF or NUL
	 */
	public ModelParams {
		HeaderChecks.optionalValue("CF-RAY", cfRay);
		HeaderChecks.optionalValue("X-Amz-Cf-Id", amzCfId);
	}

	/**
	 * Parameters that send no query parameter and no header.
	 * @return the empty parameters
	 */
	public static ModelParams none() {
		return NONE;
	}

	/**
	 * Starts an empty builder.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Starts a builder holding these parameters, to derive a changed copy.
	 * @return a new builder
	 */
	public Builder toBuilder() {
		return new Builder().format(this.format).cfRay(this.cfRay).amzCfId(this.amzCfId);
	}

	/**
	 * Builds {@link ModelParams}.
	 */
	public static final class Builder {

		private @Nullable ModelFormat format;

		private @Nullable String cfRay;

		private @Nullable String amzCfId;

		private Builder() {
		}

		/**
		 * Sets the {@code format} query parameter.
		 * @param format the shape the catalogue is returned in, or {@code null} to not send it
		 * @return this builder
		 */
		public Builder format(@Nullable ModelFormat format) {
			this.format = format;
			return this;
		}

		/**
		 * Sets the {@code CF-RAY} request header.
		 * @param cfRay the header value, or {@code null} to not send it
		 * @return this builder
		 */
		public Builder cfRay(@Nullable String cfRay) {
			this.cfRay = cfRay;
			return this;
		}

		/**
		 * Sets the {@code X-Amz-Cf-Id} request header.
		 * @param amzCfId the header value, or {@code null} to not send it
		 * @return this builder
		 */
		public Builder amzCfId(@Nullable String amzCfId) {
			this.amzCfId = amzCfId;
			return this;
		}

		/**
		 * Builds the parameters.
		 * @return the parameters
		 */
		public ModelParams build() {
			return new ModelParams(this.format, this.cfRay, this.amzCfId);
		}

	}

}
