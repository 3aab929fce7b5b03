package io.github.cerebras4j.autoconfigure;

import io.github.cerebras4j.client.error.MissingApiKeyException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up that failed because no Cerebras API key was configured, and says where to set one.
 */
final class MissingApiKeyFailureAnalyzer extends AbstractFailureAnalyzer<MissingApiKeyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingApiKeyException cause) {
		return new FailureAnalysis("No Cerebras API key was configured: the cerebras.api-key property (or the "
				+ "CEREBRAS_API_KEY environment variable) is not set or is blank.",
				"""
						Set the cerebras.api-key property, for example in application.yml:

						    cerebras:
						      api-key: <your API key>

						or set the CEREBRAS_API_KEY environment variable, or define a CerebrasConnectionDetails bean. \
						Keys are issued at https://cloud.cerebras.ai. To run without the Cerebras client, set \
						cerebras.enabled=false.""",
				cause);
	}

}
