package io.github.cerebras4j.client;

import io.github.cerebras4j.client.models.Model;
import io.github.cerebras4j.client.models.ModelFormat;
import io.github.cerebras4j.client.models.ModelList;
import io.github.cerebras4j.client.models.ModelParams;
import java.util.Map;

import io.github.cerebras4j.client.core.RawResponse;
import io.github.cerebras4j.client.internal.transport.ApiCall;
import io.github.cerebras4j.client.internal.transport.Transport;
import io.github.cerebras4j.client.internal.transport.RequestBodies;
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
		return list(ModelParams.none());
	}

	/**
	 * Lists the models available to the API key in the given shape.
	 * @param format the shape of the list
	 * @return the list
	 */
	public Mono<ModelList> list(ModelFormat format) {
		return list(ModelParams.builder().format(format).build());
	}

	/**
	 * Lists the models with optional format and header parameters.
	 * @param params the parameters
	 * @return the list
	 */
	public Mono<ModelList> list(ModelParams params) {
		return this.withRawResponse.list(params).mapNotNull(HttpEntity::getBody);
	}

	/**
	 * Retrieves one model.
	 * @param modelId the model id, for example {@code llama3.1-8b}
	 * @return the model
	 * @throws IllegalArgumentException if the id is blank, {@code .} or {@code ..}; nothing is sent
	 */
	public Mono<Model> retrieve(String modelId) {
		return retrieve(modelId, ModelParams.none());
	}

	/**
	 * Retrieves one model in the given shape.
	 * @param modelId the model id
	 * @param format the shape of the answer
	 * @return the model
	 * @throws IllegalArgumentException if the id is blank, {@code .} or {@code ..}; nothing is sent
	 */
	public Mono<Model> retrieve(String modelId, ModelFormat format) {
		return retrieve(modelId, ModelParams.builder().format(format).build());
	}

	/**
	 * Retrieves one model with optional format and header parameters.
	 * @param modelId the model id
	 * @param params the parameters
	 * @return the model
	 * @throws IllegalArgumentException if the id is blank, {@code .} or {@code ..}; nothing is sent
	 */
	public Mono<Model> retrieve(String modelId, ModelParams params) {
		return this.withRawResponse.retrieve(modelId, params).mapNotNull(HttpEntity::getBody);
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
		 * Lists the models with optional format and header parameters.
		 * @param params the parameters
		 * @return the response: status, headers, rate limits, retries and the list
		 */
		public Mono<RawResponse<ModelList>> list(ModelParams params) {
			return get("/v1/models", null, params, ModelList.class);
		}

		/**
		 * Retrieves one model with optional format and header parameters. The id is sent as one path segment: a
		 * {@code /} in it, like other reserved characters, is percent-encoded.
		 * @param modelId the model id
		 * @param params the parameters
		 * @return the response: status, headers, rate limits, retries and the model
		 * @throws IllegalArgumentException if the id is blank, {@code .} or {@code ..}; nothing is sent
		 */
		public Mono<RawResponse<Model>> retrieve(String modelId, ModelParams params) {
			if (modelId == null || modelId.isBlank()) {
				throw new IllegalArgumentException("model id must not be blank, for example \"llama3.1-8b\"");
			}
			if (modelId.equals(".") || modelId.equals("..")) {
				// encoded as one segment they would still be dot segments, which move the path up
				throw new IllegalArgumentException("model id must not be '.' or '..', for example \"llama3.1-8b\"");
			}
			return get("/v1/models/" + UriUtils.encodePathSegment(modelId, UTF_8), modelId, params, Model.class);
		}

		private <T> Mono<RawResponse<T>> get(String path, @Nullable String modelId, ModelParams params, Class<T> type) {
			Assert.notNull(params, "'params' must not be null");
			ModelFormat format = params.format();
			Map<String, String> query = (format != null) ? Map.of("format", format.value()) : Map.of();
			ApiCall call = new ApiCall(HttpMethod.GET, path, query,
					RequestBodies.headerParams(params.cfRay(), params.amzCfId(), null), null,
					CerebrasObservationContext.MODELS, modelId);
			return this.http.exchange(call, type);
		}

	}

}
