package io.github.cerebras4j.client;

import io.github.cerebras4j.client.models.Model;
import io.github.cerebras4j.client.models.ModelFormat;
import io.github.cerebras4j.client.models.ModelList;
import java.util.Map;

import io.github.cerebras4j.client.core.RawResponse;
import io.github.cerebras4j.client.internal.transport.ApiCall;
import io.github.cerebras4j.client.internal.transport.Transport;
import io.github.cerebras4j.client.observation.CerebrasObservationContext;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The model catalogue, {@code GET /v1/models} and {@code GET /v1/models/{id}}, as {@link Mono}s. Obtained from
 * {@code ReactiveCerebrasTemplate.models()}.
 */
public final class ReactiveModels {

	private final WithRawResponse withRawResponse;

	/**
	 * Creates the resource on a transport.
	 * @param http the transport
	 */
	ReactiveModels(Transport http) {
		this.withRawResponse = new WithRawResponse(http);
	}

	/**
	 * Lists the models available to the API key, in the default (OpenAI-compatible) shape.
	 * @return the list
	 */
	public Mono<ModelList> list() {
		return this.withRawResponse.list().mapNotNull(HttpEntity::getBody);
	}

	/**
	 * Lists the models available to the API key in the given shape.
	 * @param format the shape of the list
	 * @return the list
	 */
	public Mono<ModelList> list(ModelFormat format) {
		return this.withRawResponse.list(format).mapNotNull(HttpEntity::getBody);
	}

	/**
	 * Retrieves one model.
	 * @param modelId the model id, for example {@code llama3.1-8b}
	 * @return the model
	 * @throws IllegalArgumentException if the id is blank, {@code .} or {@code ..}; nothing is sent
	 */
	public Mono<Model> retrieve(String modelId) {
		return this.withRawResponse.retrieve(modelId).mapNotNull(HttpEntity::getBody);
	}

	/**
	 * Retrieves one model in the given shape.
	 * @param modelId the model id
	 * @param format the shape of the answer
	 * @return the model
	 * @throws IllegalArgumentException if the id is blank, {@code .} or {@code ..}; nothing is sent
	 */
	public Mono<Model> retrieve(String modelId, ModelFormat format) {
		return this.withRawResponse.retrieve(modelId, format).mapNotNull(HttpEntity::getBody);
	}

	/**
	 * Returns the same calls answering with the status, headers, rate limits and retries of the response.
	 * @return the raw-response view
	 */
	public WithRawResponse withRawResponse() {
		return this.withRawResponse;
	}

	/**
	 * The model catalogue answering with the whole response, not just its body.
	 */
	public static final class WithRawResponse {

		private final Transport http;

		WithRawResponse(Transport http) {
			this.http = http;
		}

		/**
		 * Lists the models available to the API key, in the default (OpenAI-compatible) shape.
		 * @return the response: status, headers, rate limits, retries and the list
		 */
		public Mono<RawResponse<ModelList>> list() {
			return get("/v1/models", null, null, ModelList.class);
		}

		/**
		 * Lists the models available to the API key in the given shape.
		 * @param format the shape of the list
		 * @return the response: status, headers, rate limits, retries and the list
		 */
		public Mono<RawResponse<ModelList>> list(ModelFormat format) {
			Assert.notNull(format, "'format' must not be null");
			return get("/v1/models", null, format, ModelList.class);
		}

		/**
		 * Retrieves one model. The id is sent as one path segment: a {@code /} in it, like other reserved
		 * characters, is percent-encoded.
		 * @param modelId the model id, for example {@code llama3.1-8b}
		 * @return the response: status, headers, rate limits, retries and the model
		 * @throws IllegalArgumentException if the id is blank, {@code .} or {@code ..}; nothing is sent
		 */
		public Mono<RawResponse<Model>> retrieve(String modelId) {
			return retrieveIn(modelId, null);
		}

		/**
		 * Retrieves one model in the given shape. The id is sent as one path segment: a {@code /} in it, like other
		 * reserved characters, is percent-encoded.
		 * @param modelId the model id
		 * @param format the shape of the answer
		 * @return the response: status, headers, rate limits, retries and the model
		 * @throws IllegalArgumentException if the id is blank, {@code .} or {@code ..}; nothing is sent
		 */
		public Mono<RawResponse<Model>> retrieve(String modelId, ModelFormat format) {
			Assert.notNull(format, "'format' must not be null");
			return retrieveIn(modelId, format);
		}

		private Mono<RawResponse<Model>> retrieveIn(String modelId, @Nullable ModelFormat format) {
			if (modelId == null || modelId.isBlank()) {
				throw new IllegalArgumentException("model id must not be blank, for example \"llama3.1-8b\"");
			}
			if (modelId.equals(".") || modelId.equals("..")) {
				// encoded as one segment they would still be dot segments, which move the path up
				throw new IllegalArgumentException("model id must not be '.' or '..', for example \"llama3.1-8b\"");
			}
			return get("/v1/models/" + UriUtils.encodePathSegment(modelId, UTF_8), modelId, format, Model.class);
		}

		private <T> Mono<RawResponse<T>> get(String path, @Nullable String modelId, @Nullable ModelFormat format,
				Class<T> type) {
			Map<String, String> query = (format != null) ? Map.of("format", format.value()) : Map.of();
			ApiCall call = new ApiCall(HttpMethod.GET, path, query, null,
					CerebrasObservationContext.MODELS, modelId);
			return this.http.exchange(call, type);
		}

	}

}
