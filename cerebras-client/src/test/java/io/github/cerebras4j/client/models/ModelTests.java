package io.github.cerebras4j.client.models;

import io.github.cerebras4j.client.core.CerebrasJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ModelTests {

	private static final String DEFAULT_LIST = """
			{
			  "object": "list",
			  "data": [
			    {"id": "llama3.1-8b", "object": "model", "created": 1721692800, "owned_by": "Meta"},
			    {"id": "gpt-oss-120b", "object": "model", "created": 1754438400, "owned_by": "OpenAI"}
			  ]
			}
			""";

	private static final String OPENROUTER_LIST = """
			{
			  "data": [
			    {
			      "id": "cerebras/gpt-oss-120b",
			      "name": "OpenAI: gpt-oss-120b",
			      "created": 1754438400,
			      "description": "OpenAI's open-weight 117B MoE model.",
			      "context_length": 131072,
			      "max_output_length": 40960,
			      "hugging_face_id": "openai/gpt-oss-120b",
			      "input_modalities": ["text"],
			      "output_modalities": ["text"],
			      "quantization": "fp16",
			      "pricing": {
			        "prompt": "0.00000035",
			        "completion": "0.00000075",
			        "image": "0",
			        "request": "0",
			        "input_cache_read": "0",
			        "input_cache_write": "0"
			      },
			      "datacenters": [{"country_code": "US"}, {"country_code": "CA"}],
			      "openrouter": {"slug": "openai/gpt-oss-120b"},
			      "supported_features": ["tools", "json_mode", "structured_outputs", "reasoning"],
			      "supported_sampling_parameters": ["temperature", "top_p", "stop", "seed", "max_tokens"]
			    }
			  ]
			}
			""";

	private static final String HUGGINGFACE_LIST = """
			{
			  "object": "list",
			  "data": [
			    {
			      "id": "llama3.1-8b",
			      "object": "model",
			      "created": 1721692800,
			      "owned_by": "Meta",
			      "context_length": 32768,
			      "hugging_face_id": "meta-llama/Llama-3.1-8B-Instruct",
			      "pricing": {"input": 0.1, "output": 0.1},
			      "capabilities": {"function_calling": true, "streaming": true, "structured_outputs": true, "vision": false}
			    }
			  ]
			}
			""";

	private static final String PUBLIC_MODEL = """
			{
			  "id": "qwen-3-235b-a22b-instruct-2507",
			  "object": "model",
			  "name": "Qwen 3 235B Instruct",
			  "created": 1753142400,
			  "description": "Qwen3 235B A22B Instruct 2507, a mixture-of-experts model.",
			  "owned_by": "Qwen",
			  "hugging_face_id": "Qwen/Qwen3-235B-A22B-Instruct-2507",
			  "architecture": {"modality": "text", "tokenizer": "Qwen3", "instruct_type": null},
			  "capabilities": {
			    "function_calling": true, "json_mode": true, "parallel_tool_calls": true, "reasoning": false,
			    "response_format": true, "streaming": true, "structured_outputs": true, "tool_choice": true,
			    "tools": true, "vision": false
			  },
			  "limits": {
			    "max_completion_tokens": 40000, "max_context_length": 131000,
			    "requests_per_minute": 30, "tokens_per_minute": 60000
			  },
			  "pricing": {"prompt": "0.0000006", "completion": "0.0000012"},
			  "supported_parameters": {
			    "frequency_penalty": true, "logit_bias": false, "logprobs": true, "max_completion_tokens": true,
			    "presence_penalty": true, "repetition_penalty": false, "seed": true, "stop": true,
			    "temperature": true, "top_logprobs": true, "top_p": true
			  },
			  "datacenter_locations": ["Oklahoma City, US", "Montreal, CA"],
			  "deprecated": true,
			  "preview": false,
			  "quantization": "FP16/FP8 (weights only)"
			}
			""";

	private final JsonMapper mapper = CerebrasJson.mapper();

	@Test
	void defaultListIsDecoded() {
		ModelList list = CerebrasJson.fromJson(DEFAULT_LIST, ModelList.class);

		assertThat(list.object()).isEqualTo("list");
		assertThat(list.data()).extracting(Model::id).containsExactly("llama3.1-8b", "gpt-oss-120b");
		Model model = list.data().get(0);
		assertThat(model.object()).isEqualTo("model");
		assertThat(model.created()).isEqualTo(1721692800L);
		assertThat(model.ownedBy()).isEqualTo("Meta");
		assertThat(model.pricing()).isNull();
		assertThat(model.contextLength()).isNull();
	}

	@Test
	void openRouterListIsDecoded() {
		ModelList list = CerebrasJson.fromJson(OPENROUTER_LIST, ModelList.class);

		assertThat(list.object()).isNull();
		Model model = list.data().get(0);
		assertThat(model.id()).isEqualTo("cerebras/gpt-oss-120b");
		assertThat(model.name()).isEqualTo("OpenAI: gpt-oss-120b");
		assertThat(model.description()).startsWith("OpenAI's open-weight");
		assertThat(model.contextLength()).isEqualTo(131072);
		assertThat(model.maxOutputLength()).isEqualTo(40960);
		assertThat(model.huggingFaceId()).isEqualTo("openai/gpt-oss-120b");
		assertThat(model.inputModalities()).containsExactly("text");
		assertThat(model.outputModalities()).containsExactly("text");
		assertThat(model.quantization()).isEqualTo("fp16");
		assertThat(model.pricing().prompt()).isEqualTo("0.00000035");
		assertThat(model.pricing().completion()).isEqualTo("0.00000075");
		assertThat(model.pricing().image()).isEqualTo("0");
		assertThat(model.pricing().request()).isEqualTo("0");
		assertThat(model.pricing().inputCacheRead()).isEqualTo("0");
		assertThat(model.pricing().inputCacheWrite()).isEqualTo("0");
		assertThat(model.pricing().input()).isNull();
		assertThat(model.datacenters()).extracting(Model.Datacenter::countryCode).containsExactly("US", "CA");
		assertThat(model.openrouter().slug()).isEqualTo("openai/gpt-oss-120b");
		assertThat(model.supportedFeatures()).contains("structured_outputs");
		assertThat(model.supportedSamplingParameters()).containsExactly("temperature", "top_p", "stop", "seed",
				"max_tokens");
	}

	@Test
	void huggingFaceListIsDecoded() {
		ModelList list = CerebrasJson.fromJson(HUGGINGFACE_LIST, ModelList.class);

		Model model = list.data().get(0);
		assertThat(model.contextLength()).isEqualTo(32768);
		assertThat(model.ownedBy()).isEqualTo("Meta");
		assertThat(model.huggingFaceId()).isEqualTo("meta-llama/Llama-3.1-8B-Instruct");
		assertThat(model.pricing().input()).isEqualTo(0.1);
		assertThat(model.pricing().output()).isEqualTo(0.1);
		assertThat(model.pricing().prompt()).isNull();
		Model.Capabilities capabilities = model.capabilities();
		assertThat(capabilities.functionCalling()).isTrue();
		assertThat(capabilities.streaming()).isTrue();
		assertThat(capabilities.structuredOutputs()).isTrue();
		assertThat(capabilities.vision()).isFalse();
		assertThat(capabilities.jsonMode()).isNull();
	}

	@Test
	void publicModelIsDecoded() {
		Model model = CerebrasJson.fromJson(PUBLIC_MODEL, Model.class);

		assertThat(model.id()).isEqualTo("qwen-3-235b-a22b-instruct-2507");
		assertThat(model.name()).isEqualTo("Qwen 3 235B Instruct");
		assertThat(model.architecture().modality()).isEqualTo("text");
		assertThat(model.architecture().tokenizer()).isEqualTo("Qwen3");
		assertThat(model.architecture().instructType()).isNull();
		Model.Capabilities capabilities = model.capabilities();
		assertThat(capabilities.jsonMode()).isTrue();
		assertThat(capabilities.parallelToolCalls()).isTrue();
		assertThat(capabilities.reasoning()).isFalse();
		assertThat(capabilities.responseFormat()).isTrue();
		assertThat(capabilities.toolChoice()).isTrue();
		assertThat(capabilities.tools()).isTrue();
		Model.Limits limits = model.limits();
		assertThat(limits.maxCompletionTokens()).isEqualTo(40000);
		assertThat(limits.maxContextLength()).isEqualTo(131000);
		assertThat(limits.requestsPerMinute()).isEqualTo(30);
		assertThat(limits.tokensPerMinute()).isEqualTo(60000);
		assertThat(model.pricing().prompt()).isEqualTo("0.0000006");
		assertThat(model.pricing().completion()).isEqualTo("0.0000012");
		Model.SupportedParameters parameters = model.supportedParameters();
		assertThat(parameters.frequencyPenalty()).isTrue();
		assertThat(parameters.logitBias()).isFalse();
		assertThat(parameters.logprobs()).isTrue();
		assertThat(parameters.maxCompletionTokens()).isTrue();
		assertThat(parameters.presencePenalty()).isTrue();
		assertThat(parameters.repetitionPenalty()).isFalse();
		assertThat(parameters.seed()).isTrue();
		assertThat(parameters.stop()).isTrue();
		assertThat(parameters.temperature()).isTrue();
		assertThat(parameters.topLogprobs()).isTrue();
		assertThat(parameters.topP()).isTrue();
		assertThat(model.datacenterLocations()).containsExactly("Oklahoma City, US", "Montreal, CA");
		assertThat(model.deprecated()).isTrue();
		assertThat(model.preview()).isFalse();
		assertThat(model.quantization()).isEqualTo("FP16/FP8 (weights only)");
	}

	@Test
	void listWithoutDataHasAnEmptyList() {
		assertThat(CerebrasJson.fromJson("{\"object\": \"list\"}", ModelList.class).data()).isEmpty();
	}

	@Test
	void unknownFieldsAreKeptAndWrittenBack() {
		String json = """
				{
				  "object": "list",
				  "next_page": null,
				  "data": [
				    {
				      "id": "gpt-oss-120b",
				      "owned_by": "OpenAI",
				      "status": "active",
				      "architecture": {"modality": "text", "tokenizer": "o200k", "layers": 36},
				      "capabilities": {"tools": true, "audio": false},
				      "limits": {"max_context_length": 131072, "requests_per_day": 14400},
				      "pricing": {"prompt": "0.00000035", "currency": "USD"},
				      "supported_parameters": {"top_p": true, "min_p": false},
				      "datacenters": [{"country_code": "US", "city": "Oklahoma City"}],
				      "openrouter": {"slug": "openai/gpt-oss-120b", "variant": "free"}
				    }
				  ]
				}
				""";

		ModelList list = CerebrasJson.fromJson(json, ModelList.class);

		assertThat(list.extra()).containsOnlyKeys("next_page").containsEntry("next_page", null);
		Model model = list.data().get(0);
		assertThat(model.extra()).containsOnlyKeys("status");
		assertThat(model.architecture().extra()).containsEntry("layers", 36);
		assertThat(model.capabilities().extra()).containsEntry("audio", false);
		assertThat(model.limits().extra()).containsEntry("requests_per_day", 14400);
		assertThat(model.pricing().extra()).containsEntry("currency", "USD");
		assertThat(model.supportedParameters().extra()).containsEntry("min_p", false);
		assertThat(model.datacenters().get(0).extra()).containsEntry("city", "Oklahoma City");
		assertThat(model.openrouter().extra()).containsEntry("variant", "free");
		assertThat(this.mapper.readTree(list.toJson())).isEqualTo(this.mapper.readTree(json));
	}

	@Test
	void modelsAreWrittenBackAsTheyWereSent() {
		for (String json : new String[] { OPENROUTER_LIST, HUGGINGFACE_LIST }) {
			ModelList list = CerebrasJson.fromJson(json, ModelList.class);
			assertThat(this.mapper.readTree(list.toJson())).isEqualTo(this.mapper.readTree(json));
		}
	}

	@Test
	void valuesSurviveARoundTrip() {
		Model model = CerebrasJson.fromJson(PUBLIC_MODEL, Model.class);
		ModelList list = CerebrasJson.fromJson(OPENROUTER_LIST, ModelList.class);

		assertThat(CerebrasJson.fromJson(model.toJson(), Model.class)).isEqualTo(model);
		assertThat(CerebrasJson.fromJson(list.toJson(), ModelList.class)).isEqualTo(list);
	}

}
