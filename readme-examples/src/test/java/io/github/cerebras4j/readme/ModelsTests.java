package io.github.cerebras4j.readme;

import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.client.models.Model;
import io.github.cerebras4j.client.models.ModelFormat;
import io.github.cerebras4j.client.models.ModelList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's models example.
 */
@ExtendWith(EnvironmentMockServer.class)
class ModelsTests {

	@Test
	void listAndRetrieve(CerebrasTemplate cerebras) {
		// tag::models[]
		ModelList models = cerebras.models().list();
		Model model = cerebras.models().retrieve("llama3.1-8b");
		ModelList forOpenRouter = cerebras.models().list(ModelFormat.OPENROUTER);   // ?format=openrouter
		// end::models[]
		assertThat(models.data()).extracting(Model::id).contains("llama3.1-8b", "gpt-oss-120b", "qwen-3-32b");
		assertThat(model.id()).isEqualTo("llama3.1-8b");
		assertThat(forOpenRouter.data()).isNotEmpty();
	}

}
