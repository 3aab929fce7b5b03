package io.github.cerebras4j.client.models;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.cerebras4j.client.core.ApiObject;
import io.github.cerebras4j.client.core.CerebrasJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A model of the catalogue, as listed by {@code GET /v1/models} or retrieved by {@code GET /v1/models/{id}}.
 * The API describes a model in one of four shapes; this record is the union of their fields, so every field is
 * {@code null} when the shape at hand does not have it:
 * <ul>
 * <li>the default, OpenAI-compatible shape ({@link ModelFormat#DEFAULT}): {@code id}, {@code object},
 * {@code created}, {@code owned_by};</li>
 * <li>the OpenRouter shape ({@link ModelFormat#OPENROUTER}): {@code id} with a provider prefix, {@code name},
 * {@code created}, {@code context_length}, {@code max_output_length}, {@code pricing} with prices as strings,
 * and optionally {@code description}, {@code hugging_face_id}, {@code input_modalities},
 * {@code output_modalities}, {@code datacenters}, {@code openrouter}, {@code quantization},
 * {@code supported_features}, {@code supported_sampling_parameters};</li>
 * <li>the Hugging Face shape ({@link ModelFormat#HUGGINGFACE}): {@code id}, {@code object}, {@code created},
 * {@code owned_by}, {@code context_length}, {@code pricing} with numeric {@code input} and {@code output},
 * and optionally {@code capabilities} and {@code hugging_face_id};</li>
 * <li>the public model shape, the richest: {@code id}, {@code object}, {@code name}, {@code created},
 * {@code description}, {@code owned_by}, {@code architecture}, {@code capabilities}, {@code limits},
 * {@code pricing} with prices as strings, {@code supported_parameters}, and optionally
 * {@code datacenter_locations}, {@code deprecated}, {@code preview}, {@code hugging_face_id},
 * {@code quantization}.</li>
 * </ul>
 *
 * @param id the model id, for example {@code llama3.1-8b} ({@code cerebras/gpt-oss-120b} in the OpenRouter shape)
 * @param object the object type, {@code model}
 * @param created when the model was created, in Unix seconds
 * @param ownedBy {@code owned_by}: the organisation that owns the model
 * @param name the human-readable name
 * @param description a description of the model
 * @param contextLength {@code context_length}: the most tokens of prompt and completion together
 * @param maxOutputLength {@code max_output_length}: the most tokens the model generates
 * @param huggingFaceId {@code hugging_face_id}: the model's id on Hugging Face
 * @param inputModalities {@code input_modalities}: what the model reads, for example {@code text}
 * @param outputModalities {@code output_modalities}: what the model writes
 * @param supportedFeatures {@code supported_features}: features such as tools or structured outputs
 * @param supportedSamplingParameters {@code supported_sampling_parameters}: the sampling parameters accepted
 * @param datacenters the datacenters serving the model
 * @param datacenterLocations {@code datacenter_locations}: where the model is served
 * @param openrouter the model's OpenRouter listing
 * @param quantization the weights' precision, for example {@code fp16} or {@code FP16/FP8 (weights only)}
 * @param architecture the model's modality and tokenizer
 * @param capabilities what the model can do
 * @param limits the model's token and rate limits
 * @param pricing the model's prices in USD
 * @param supportedParameters {@code supported_parameters}: the request parameters accepted
 * @param deprecated whether the model is deprecated
 * @param preview whether the model is a preview
 * @param extra fields this library does not know yet
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Model(@Nullable String id, @Nullable String object, @Nullable Long created, @Nullable String ownedBy,
		@Nullable String name, @Nullable String description, @Nullable Integer contextLength,
		@Nullable Integer maxOutputLength, @Nullable String huggingFaceId, @Nullable List<String> inputModalities,
		@Nullable List<String> outputModalities, @Nullable List<String> supportedFeatures,
		@Nullable List<String> supportedSamplingParameters, @Nullable List<Datacenter> datacenters,
		@Nullable List<String> datacenterLocations, @Nullable OpenRouterInfo openrouter,
		@Nullable String quantization, @Nullable Architecture architecture, @Nullable Capabilities capabilities,
		@Nullable Limits limits, @Nullable Pricing pricing, @Nullable SupportedParameters supportedParameters,
		@Nullable Boolean deprecated, @Nullable Boolean preview,
		@JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements ApiObject {

	/**
	 * Creates a model; {@code extra} is kept as an unmodifiable copy, empty when {@code null}.
	 * @param id the model id, for example {@code llama3.1-8b} ({@code cerebras/gpt-oss-120b} in the OpenRouter shape)
	 * @param object the object type, {@code model}
	 * @param created when the model was created, in Unix seconds
	 * @param ownedBy {@code owned_by}: the organisation that owns the model
	 * @param name the human-readable name
	 * @param description a description of the model
	 * @param contextLength {@code context_length}: the most tokens of prompt and completion together
	 * @param maxOutputLength {@code max_output_length}: the most tokens the model generates
	 * @param huggingFaceId {@code hugging_face_id}: the model's id on Hugging Face
	 * @param inputModalities {@code input_modalities}: what the model reads, for example {@code text}
	 * @param outputModalities {@code output_modalities}: what the model writes
	 * @param supportedFeatures {@code supported_features}: features such as tools or structured outputs
	 * @param supportedSamplingParameters {@code supported_sampling_parameters}: the sampling parameters accepted
	 * @param datacenters the datacenters serving the model
	 * @param datacenterLocations {@code datacenter_locations}: where the model is served
	 * @param openrouter the model's OpenRouter listing
	 * @param quantization the weights' precision, for example {@code fp16} or {@code FP16/FP8 (weights only)}
	 * @param architecture the model's modality and tokenizer
	 * @param capabilities what the model can do
	 * @param limits the model's token and rate limits
	 * @param pricing the model's prices in USD
	 * @param supportedParameters {@code supported_parameters}: the request parameters accepted
	 * @param deprecated whether the model is deprecated
	 * @param preview whether the model is a preview
	 * @param extra fields this library does not know yet
	 */
	public Model {
		extra = CerebrasJson.extra(extra);
	}

	/**
	 * A datacenter serving a model (OpenRouter shape).
	 *
	 * @param countryCode {@code country_code}: the datacenter's country, ISO 3166-1 alpha-2
	 * @param extra fields this library does not know yet
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Datacenter(@Nullable String countryCode,
			@JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements ApiObject {

		/**
		 * Creates a datacenter of a model; {@code extra} is kept as an unmodifiable copy, empty when {@code null}.
		 * @param countryCode {@code country_code}: the datacenter's country, ISO 3166-1 alpha-2
		 * @param extra fields this library does not know yet
		 */
		public Datacenter {
			extra = CerebrasJson.extra(extra);
		}

	}

	/**
	 * A model's OpenRouter listing (OpenRouter shape).
	 *
	 * @param slug the model's slug on OpenRouter
	 * @param extra fields this library does not know yet
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record OpenRouterInfo(@Nullable String slug,
			@JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements ApiObject {

		/**
		 * Creates the OpenRouter information of a model; {@code extra} is kept as an unmodifiable copy, empty when
		 * {@code null}.
		 * @param slug the model's slug on OpenRouter
		 * @param extra fields this library does not know yet
		 */
		public OpenRouterInfo {
			extra = CerebrasJson.extra(extra);
		}

	}

	/**
	 * A model's architecture (public model shape).
	 *
	 * @param modality what the model reads: {@code text}, {@code text+vision} or {@code multimodal}
	 * @param tokenizer the tokenizer's name
	 * @param instructType {@code instruct_type}: the instruction format, if any
	 * @param extra fields this library does not know yet
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Architecture(@Nullable String modality, @Nullable String tokenizer, @Nullable String instructType,
			@JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements ApiObject {

		/**
		 * Creates the architecture of a model; {@code extra} is kept as an unmodifiable copy, empty when {@code null}.
		 * @param modality what the model reads: {@code text}, {@code text+vision} or {@code multimodal}
		 * @param tokenizer the tokenizer's name
		 * @param instructType {@code instruct_type}: the instruction format, if any
		 * @param extra fields this library does not know yet
		 */
		public Architecture {
			extra = CerebrasJson.extra(extra);
		}

	}

	/**
	 * What a model can do. The Hugging Face shape sends {@code function_calling}, {@code streaming},
	 * {@code structured_outputs} and {@code vision}; the public model shape sends them all.
	 *
	 * @param functionCalling {@code function_calling}: whether the model calls functions
	 * @param jsonMode {@code json_mode}: whether the model can be made to answer in JSON
	 * @param parallelToolCalls {@code parallel_tool_calls}: whether the model calls several tools at once
	 * @param reasoning whether the model reasons before it answers
	 * @param responseFormat {@code response_format}: whether the model accepts a response format
	 * @param streaming whether responses can be streamed
	 * @param structuredOutputs {@code structured_outputs}: whether the model follows a JSON schema
	 * @param toolChoice {@code tool_choice}: whether the model accepts a tool choice
	 * @param tools whether the model accepts tools
	 * @param vision whether the model reads images
	 * @param extra fields this library does not know yet
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Capabilities(@Nullable Boolean functionCalling, @Nullable Boolean jsonMode,
			@Nullable Boolean parallelToolCalls, @Nullable Boolean reasoning, @Nullable Boolean responseFormat,
			@Nullable Boolean streaming, @Nullable Boolean structuredOutputs, @Nullable Boolean toolChoice,
			@Nullable Boolean tools, @Nullable Boolean vision,
			@JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements ApiObject {

		/**
		 * Creates the capabilities of a model; {@code extra} is kept as an unmodifiable copy, empty when {@code null}.
		 * @param functionCalling {@code function_calling}: whether the model calls functions
		 * @param jsonMode {@code json_mode}: whether the model can be made to answer in JSON
		 * @param parallelToolCalls {@code parallel_tool_calls}: whether the model calls several tools at once
		 * @param reasoning whether the model reasons before it answers
		 * @param responseFormat {@code response_format}: whether the model accepts a response format
		 * @param streaming whether responses can be streamed
		 * @param structuredOutputs {@code structured_outputs}: whether the model follows a JSON schema
		 * @param toolChoice {@code tool_choice}: whether the model accepts a tool choice
		 * @param tools whether the model accepts tools
		 * @param vision whether the model reads images
		 * @param extra fields this library does not know yet
		 */
		public Capabilities {
			extra = CerebrasJson.extra(extra);
		}

	}

	/**
	 * A model's token and rate limits (public model shape).
	 *
	 * @param maxCompletionTokens {@code max_completion_tokens}: the most tokens one completion can have
	 * @param maxContextLength {@code max_context_length}: the most tokens of prompt and completion together
	 * @param requestsPerMinute {@code requests_per_minute}: the caller's request rate limit
	 * @param tokensPerMinute {@code tokens_per_minute}: the caller's token rate limit
	 * @param extra fields this library does not know yet
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Limits(@Nullable Integer maxCompletionTokens, @Nullable Integer maxContextLength,
			@Nullable Integer requestsPerMinute, @Nullable Integer tokensPerMinute,
			@JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements ApiObject {

		/**
		 * Creates the limits of a model; {@code extra} is kept as an unmodifiable copy, empty when {@code null}.
		 * @param maxCompletionTokens {@code max_completion_tokens}: the most tokens one completion can have
		 * @param maxContextLength {@code max_context_length}: the most tokens of prompt and completion together
		 * @param requestsPerMinute {@code requests_per_minute}: the caller's request rate limit
		 * @param tokensPerMinute {@code tokens_per_minute}: the caller's token rate limit
		 * @param extra fields this library does not know yet
		 */
		public Limits {
			extra = CerebrasJson.extra(extra);
		}

	}

	/**
	 * A model's prices in USD. The OpenRouter and public model shapes send per-token prices as decimal strings
	 * ({@code prompt}, {@code completion}, and in OpenRouter also {@code image}, {@code request},
	 * {@code input_cache_read}, {@code input_cache_write}), kept as strings so no precision is lost; the Hugging
	 * Face shape sends numbers per million tokens ({@code input}, {@code output}).
	 *
	 * @param prompt the price of a prompt token
	 * @param completion the price of a completion token
	 * @param image the price of an image
	 * @param request the price of a request
	 * @param inputCacheRead {@code input_cache_read}: the price of a prompt token read from the cache
	 * @param inputCacheWrite {@code input_cache_write}: the price of a prompt token written to the cache
	 * @param input the price of a million prompt tokens
	 * @param output the price of a million completion tokens
	 * @param extra fields this library does not know yet
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Pricing(@Nullable String prompt, @Nullable String completion, @Nullable String image,
			@Nullable String request, @Nullable String inputCacheRead, @Nullable String inputCacheWrite,
			@Nullable Double input, @Nullable Double output,
			@JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements ApiObject {

		/**
		 * Creates the pricing of a model; {@code extra} is kept as an unmodifiable copy, empty when {@code null}.
		 * @param prompt the price of a prompt token
		 * @param completion the price of a completion token
		 * @param image the price of an image
		 * @param request the price of a request
		 * @param inputCacheRead {@code input_cache_read}: the price of a prompt token read from the cache
		 * @param inputCacheWrite {@code input_cache_write}: the price of a prompt token written to the cache
		 * @param input the price of a million prompt tokens
		 * @param output the price of a million completion tokens
		 * @param extra fields this library does not know yet
		 */
		public Pricing {
			extra = CerebrasJson.extra(extra);
		}

	}

	/**
	 * Which request parameters a model accepts (public model shape).
	 *
	 * @param frequencyPenalty {@code frequency_penalty}
	 * @param logitBias {@code logit_bias}
	 * @param logprobs {@code logprobs}
	 * @param maxCompletionTokens {@code max_completion_tokens}
	 * @param presencePenalty {@code presence_penalty}
	 * @param repetitionPenalty {@code repetition_penalty}
	 * @param seed {@code seed}
	 * @param stop {@code stop}
	 * @param temperature {@code temperature}
	 * @param topLogprobs {@code top_logprobs}
	 * @param topP {@code top_p}
	 * @param extra fields this library does not know yet
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record SupportedParameters(@Nullable Boolean frequencyPenalty, @Nullable Boolean logitBias,
			@Nullable Boolean logprobs, @Nullable Boolean maxCompletionTokens, @Nullable Boolean presencePenalty,
			@Nullable Boolean repetitionPenalty, @Nullable Boolean seed, @Nullable Boolean stop,
			@Nullable Boolean temperature, @Nullable Boolean topLogprobs, @Nullable Boolean topP,
			@JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements ApiObject {

		/**
		 * Creates the supported parameters of a model; {@code extra} is kept as an unmodifiable copy, empty when {@code
		 * null}.
		 * @param frequencyPenalty {@code frequency_penalty}
		 * @param logitBias {@code logit_bias}
		 * @param logprobs {@code logprobs}
		 * @param maxCompletionTokens {@code max_completion_tokens}
		 * @param presencePenalty {@code presence_penalty}
		 * @param repetitionPenalty {@code repetition_penalty}
		 * @param seed {@code seed}
		 * @param stop {@code stop}
		 * @param temperature {@code temperature}
		 * @param topLogprobs {@code top_logprobs}
		 * @param topP {@code top_p}
		 * @param extra fields this library does not know yet
		 */
		public SupportedParameters {
			extra = CerebrasJson.extra(extra);
		}

	}

}
