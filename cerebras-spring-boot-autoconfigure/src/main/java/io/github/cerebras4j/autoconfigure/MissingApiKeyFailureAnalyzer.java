package io.github.cerebras4j.autoconfigure;

import java.util.List;

import io.github.cerebras4j.client.error.MissingApiKeyException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up that failed because no usable Cerebras API key was configured (none, a blank one, an unresolved
 * {@code ${...}} placeholder, or one with whitespace inside), and says where to set one. It never shows the key.
 */
final class MissingApiKeyFailureAnalyzer extends AbstractFailureAnalyzer<MissingApiKeyException> {

	private static final String ELSEWHERE = """
			Keys are issued at https://cloud.cerebras.ai. To run without the Cerebras client, set \
			cerebras.enabled=false.""";

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingApiKeyException cause) {
		if (cause instanceof UnusableApiKeyException unusable) {
			return switch (unusable.reason()) {
				case UNRESOLVED_PLACEHOLDER -> unresolvedPlaceholder(unusable);
				case WHITESPACE_OR_CONTROL_CHARACTER -> whitespaceOrControlCharacter(unusable);
			};
		}
		return new FailureAnalysis("No Cerebras API key was configured: the cerebras.api-key property (or the "
				+ "CEREBRAS_API_KEY environment variable) is not set or is blank.",
				"""
						Set the cerebras.api-key property, for example in application.yml:

						    cerebras:
						      api-key: <your API key>

						or set the CEREBRAS_API_KEY environment variable, or define a CerebrasConnectionDetails bean. \
						""" + ELSEWHERE,
				cause);
	}

	private FailureAnalysis unresolvedPlaceholder(UnusableApiKeyException cause) {
		List<String> names = cause.placeholderNames();
		String placeholders = UnusableApiKeyException.placeholders(names);
		String description = "The Cerebras API key (the cerebras.api-key property) is the unresolved placeholder "
				+ placeholders + ": no property or environment variable defines "
				+ (names.isEmpty() ? "it" : String.join(", ", names))
				+ ", so the placeholder would have been sent as the key.";
		String resolve;
		if (names.equals(List.of("CEREBRAS_API_KEY"))) {
			resolve = "Set the CEREBRAS_API_KEY environment variable to your API key, so that ${CEREBRAS_API_KEY} "
					+ "resolves";
		}
		else if (names.isEmpty()) {
			resolve = "Define what the placeholder names, so that it resolves, or set the CEREBRAS_API_KEY "
					+ "environment variable to your API key";
		}
		else {
			resolve = "Define " + String.join(", ", names) + " (as a property or an environment variable) so that "
					+ placeholders + " resolves, or set the CEREBRAS_API_KEY environment variable to your API key";
		}
		String action = resolve + """
				. Otherwise set the cerebras.api-key property to the key itself, for example in application.yml:

				    cerebras:
				      api-key: <your API key>

				or define a CerebrasConnectionDetails bean. \
				""" + ELSEWHERE;
		return new FailureAnalysis(description, action, cause);
	}

	private FailureAnalysis whitespaceOrControlCharacter(UnusableApiKeyException cause) {
		return new FailureAnalysis("The Cerebras API key (the cerebras.api-key property, or the CEREBRAS_API_KEY "
				+ "environment variable) has a whitespace or control character inside it, which no API key has: it "
				+ "may hold two values, a line break, or a character pasted with it. The key is not shown.",
				"Set the cerebras.api-key property (or the CEREBRAS_API_KEY environment variable) to the key alone, "
						+ "as issued; whitespace around the key is removed, whitespace inside it is not. " + ELSEWHERE,
				cause);
	}

}
