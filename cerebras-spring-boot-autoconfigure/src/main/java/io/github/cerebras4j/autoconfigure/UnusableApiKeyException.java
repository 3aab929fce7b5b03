package io.github.cerebras4j.autoconfigure;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.cerebras4j.client.error.MissingApiKeyException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown at start-up instead of sending an API key that cannot be one: a key that is still an unresolved
 * {@code ${...}} placeholder (nothing defined the property or environment variable it names, and Spring Boot binds
 * such a placeholder as literal text), or a key with whitespace or control characters inside it. It is a
 * {@link MissingApiKeyException}, so that {@link MissingApiKeyFailureAnalyzer} explains it. Neither its message nor
 * the analysis shows the key; an unresolved placeholder is shown by its name only.
 */
final class UnusableApiKeyException extends MissingApiKeyException {

	private static final Pattern PLACEHOLDER_NAME = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-\\[\\]]{1,100})[:}]");

	private final Reason reason;

	private final List<String> placeholderNames;

	private UnusableApiKeyException(Reason reason, List<String> placeholderNames) {
		this.reason = reason;
		this.placeholderNames = placeholderNames;
	}

	/**
	 * Checks a configured API key before it is given to the client.
	 * @param apiKey the key as configured
	 * @return the key without surrounding whitespace, as the client sends it
	 * @throws MissingApiKeyException if there is no key or it is blank
	 * @throws UnusableApiKeyException if the key is an unresolved placeholder or has whitespace or control characters
	 * inside
	 */
	static String check(@Nullable String apiKey) {
		String key = (apiKey != null) ? apiKey.trim() : "";
		if (key.isEmpty()) {
			throw new MissingApiKeyException();
		}
		if (key.contains("${")) {
			throw new UnusableApiKeyException(Reason.UNRESOLVED_PLACEHOLDER, placeholderNames(key));
		}
		if (key.chars().anyMatch(UnusableApiKeyException::isWhitespaceOrControl)) {
			throw new UnusableApiKeyException(Reason.WHITESPACE_OR_CONTROL_CHARACTER, List.of());
		}
		return key;
	}

	/**
	 * Returns why the key cannot be used.
	 * @return the reason
	 */
	Reason reason() {
		return this.reason;
	}

	/**
	 * Returns the names of the unresolved placeholders, such as {@code CEREBRAS_API_KEY} for
	 * {@code ${CEREBRAS_API_KEY}}, in the order they appear; empty when the reason is not a placeholder or no name
	 * can be shown.
	 * @return the names
	 */
	List<String> placeholderNames() {
		return this.placeholderNames;
	}

	@Override
	public String getMessage() {
		return switch (this.reason) {
			case UNRESOLVED_PLACEHOLDER -> "The Cerebras API key is an unresolved placeholder "
					+ placeholders(this.placeholderNames) + ": set cerebras.api-key or the CEREBRAS_API_KEY environment "
					+ "variable to the key";
			case WHITESPACE_OR_CONTROL_CHARACTER -> "The Cerebras API key has a whitespace or control character "
					+ "inside it (the key is not shown): set cerebras.api-key or the CEREBRAS_API_KEY environment "
					+ "variable to the key alone";
		};
	}

	/**
	 * Returns the placeholders for a message: {@code ${NAME}}, joined by {@code ", "}, or {@code ${...}} when no
	 * name can be shown.
	 */
	static String placeholders(List<String> names) {
		if (names.isEmpty()) {
			return "${...}";
		}
		return String.join(", ", names.stream().map((name) -> "${" + name + "}").toList());
	}

	private static List<String> placeholderNames(String key) {
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = PLACEHOLDER_NAME.matcher(key);
		while (matcher.find()) {
			String name = matcher.group(1);
			// a key mistakenly written inside ${...} is no name to show
			if (!name.toLowerCase(Locale.ROOT).startsWith("csk-")) {
				names.add(name);
			}
		}
		return List.copyOf(names);
	}

	private static boolean isWhitespaceOrControl(int c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c);
	}

	/**
	 * Why a configured API key cannot be used.
	 */
	enum Reason {

		/** The key is, or contains, a {@code ${...}} placeholder that nothing resolved. */
		UNRESOLVED_PLACEHOLDER,

		/** The key has whitespace or control characters inside it. */
		WHITESPACE_OR_CONTROL_CHARACTER

	}

}
