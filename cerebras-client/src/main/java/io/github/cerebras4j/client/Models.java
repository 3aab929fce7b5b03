package io.github.cerebras4j.client;

import io.github.cerebras4j.client.models.Model;
import io.github.cerebras4j.client.models.ModelFormat;
import io.github.cerebras4j.client.models.ModelList;
import io.github.cerebras4j.client.core.RawResponse;

/**
 * The model catalogue, {@code GET /v1/models} and {@code GET /v1/models/{id}}, for blocking code. Obtained from
 * {@code CerebrasTemplate.models()}.
 */
public final class Models {

	private final ReactiveModels reactive;

	private final WithRawResponse withRawResponse;

	/**
	 * Creates the blocking view of the reactive resource.
	 * @param reactive the reactive resource that does the work
	 */
	Models(ReactiveModels reactive) {
		this.reactive = reactive;
		this.withRawResponse = new WithRawResponse(reactive.withRawResponse());
	}

	/**
	 * Lists the models available to the API key, in the default (OpenAI-compatible) shape.
	 * @return the list
	 */
	public ModelList list() {
		return BlockingCalls.block(() -> this.reactive.list());
	}

	/**
	 * Lists the models available to the API key in the given shape.
	 * @param format the shape of the list
	 * @return the list
	 */
	public ModelList list(ModelFormat format) {
		return BlockingCalls.block(() -> this.reactive.list(format));
	}

	/**
	 * Retrieves one model.
	 * @param modelId the model id, for example {@code llama3.1-8b}
	 * @return the model
	 * @throws IllegalArgumentException if the id is blank, {@code .} or {@code ..}; nothing is sent
	 */
	public Model retrieve(String modelId) {
		return BlockingCalls.block(() -> this.reactive.retrieve(modelId));
	}

	/**
	 * Retrieves one model in the given shape.
	 * @param modelId the model id
	 * @param format the shape of the answer
	 * @return the model
	 */
	public Model retrieve(String modelId, ModelFormat format) {
		return BlockingCalls.block(() -> this.reactive.retrieve(modelId, format));
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

		private final ReactiveModels.WithRawResponse reactive;

		WithRawResponse(ReactiveModels.WithRawResponse reactive) {
			this.reactive = reactive;
		}

		/**
		 * Lists the models available to the API key, in the default (OpenAI-compatible) shape.
		 * @return the response: status, headers, rate limits, retries and the list
		 */
		public RawResponse<ModelList> list() {
			return BlockingCalls.block(() -> this.reactive.list());
		}

		/**
		 * Lists the models available to the API key in the given shape.
		 * @param format the shape of the list
		 * @return the response: status, headers, rate limits, retries and the list
		 */
		public RawResponse<ModelList> list(ModelFormat format) {
			return BlockingCalls.block(() -> this.reactive.list(format));
		}

		/**
		 * Retrieves one model.
		 * @param modelId the model id, for example {@code llama3.1-8b}
		 * @return the response: status, headers, rate limits, retries and the model
		 * @throws IllegalArgumentException if the id is blank, {@code .} or {@code ..}; nothing is sent
		 */
		public RawResponse<Model> retrieve(String modelId) {
			return BlockingCalls.block(() -> this.reactive.retrieve(modelId));
		}

		/**
		 * Retrieves one model in the given shape.
		 * @param modelId the model id
		 * @param format the shape of the answer
		 * @return the response: status, headers, rate limits, retries and the model
		 */
		public RawResponse<Model> retrieve(String modelId, ModelFormat format) {
			return BlockingCalls.block(() -> this.reactive.retrieve(modelId, format));
		}

	}

}
