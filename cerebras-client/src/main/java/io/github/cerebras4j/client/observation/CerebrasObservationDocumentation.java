package io.github.cerebras4j.client.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observation of Cerebras calls and its key names, after the OpenTelemetry GenAI semantic conventions where
 * they name the thing.
 */
public enum CerebrasObservationDocumentation implements ObservationDocumentation {

	/**
	 * One call to the Cerebras API, from sending the request to the last byte of the response (the whole stream
	 * for a streamed call). Its timer is {@code gen_ai.client.operation.duration}.
	 */
	CLIENT_OPERATION {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultCerebrasObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}

	};

	/**
	 * Tags of the metrics, each with a handful of values.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/** {@code chat}, {@code text_completion} or {@code models}. */
		OPERATION {
			@Override
			public String asString() {
				return "gen_ai.operation.name";
			}
		},

		/** Always {@code cerebras}. */
		PROVIDER {
			@Override
			public String asString() {
				return "gen_ai.provider.name";
			}
		},

		/** Always {@code cerebras}; the older name of {@link #PROVIDER}. */
		SYSTEM {
			@Override
			public String asString() {
				return "gen_ai.system";
			}
		},

		/** The model asked for, {@code none} for the model catalogue. */
		REQUEST_MODEL {
			@Override
			public String asString() {
				return "gen_ai.request.model";
			}
		},

		/** {@code true} for a streamed call. */
		STREAMING {
			@Override
			public String asString() {
				return "cerebras.streaming";
			}
		},

		/** {@code SUCCESS}, {@code ERROR} or {@code CANCELLED}. */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		},

		/** The HTTP status of the last response, {@code NONE} when no response came. */
		STATUS {
			@Override
			public String asString() {
				return "http.response.status_code";
			}
		},

		/** The simple class name of the exception that ended the call, {@code none} on success. */
		ERROR_TYPE {
			@Override
			public String asString() {
				return "error.type";
			}
		}

	}

	/**
	 * Attributes of the span, not tags of the metrics.
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/** The time to first token of a stream, in seconds. */
		TIME_TO_FIRST_CHUNK {
			@Override
			public String asString() {
				return "gen_ai.response.time_to_first_chunk";
			}
		},

		/** The model that answered. */
		RESPONSE_MODEL {
			@Override
			public String asString() {
				return "gen_ai.response.model";
			}
		},

		/** Prompt tokens. */
		INPUT_TOKENS {
			@Override
			public String asString() {
				return "gen_ai.usage.input_tokens";
			}
		},

		/** Generated tokens. */
		OUTPUT_TOKENS {
			@Override
			public String asString() {
				return "gen_ai.usage.output_tokens";
			}
		},

		/** The API's host. */
		SERVER_ADDRESS {
			@Override
			public String asString() {
				return "server.address";
			}
		},

		/** The retries the call made. */
		RETRIES {
			@Override
			public String asString() {
				return "cerebras.retries";
			}
		}

	}

}
