package io.github.cerebras4j.client.models;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ModelParamsTests {

	@Test
	void noneSetsNothing() {
		assertThat(ModelParams.none()).isEqualTo(new ModelParams(null, null, null));
	}

	@Test
	void builderSetsEveryParameter() {
		ModelParams params = ModelParams.builder()
			.format(ModelFormat.OPENROUTER)
			.cfRay("8f1c2a3b4c5d6e7f-SJC")
			.amzCfId("amz-cf-id")
			.build();

		assertThat(params.format()).isEqualTo(ModelFormat.OPENROUTER);
		assertThat(params.cfRay()).isEqualTo("8f1c2a3b4c5d6e7f-SJC");
		assertThat(params.amzCfId()).isEqualTo("amz-cf-id");
		assertThat(params.toBuilder().build()).isEqualTo(params);
	}

	@Test
	void formatsHaveTheirQueryValues() {
		assertThat(ModelFormat.values()).extracting(ModelFormat::value)
			.containsExactly("default", "openrouter", "huggingface");
	}

	@Test
	void headerParamsMustNotHoldLineBreaksOrNul() {
		for (String value : new String[] { "ray\r\nX-Injected: 1", "ray\nX-Injected: 1", "ray\0X-Injected" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> ModelParams.builder().cfRay(value).build())
				.withMessageContaining("CF-RAY")
				.withMessageNotContaining("X-Injected");
			assertThatIllegalArgumentException().isThrownBy(() -> ModelParams.builder().amzCfId(value).build())
				.withMessageContaining("X-Amz-Cf-Id")
				.withMessageNotContaining("X-Injected");
		}
	}
}
