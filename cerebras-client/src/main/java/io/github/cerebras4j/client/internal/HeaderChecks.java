package io.github.cerebras4j.client.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The checks of the header names and values a caller gives (default headers, per-request options and their typed
 * header parameters), made when they are set so that nothing that could split or corrupt a request reaches the wire. Each
 * throws an {@link IllegalArgumentException} that names the header; it never repeats a value, which may be secret.
 */
public final class HeaderChecks {

	private HeaderChecks() {
	}

	/**
	 * Checks a header name: not blank, and only the characters of an RFC 9110 token ({@code tchar}: letters, digits
	 * and {@code !#$%&'*+-.^_`|~}).
	 * @param name the header name
	 * @return the name
	 * @throws IllegalArgumentException if the name is {@code null}, blank or not a token
	 */
	public static String name(@Nullable String name) {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("header name must not be blank");
		}
		for (int i = 0; i < name.length(); i++) {
			if (!isTokenChar(name.charAt(i))) {
				throw new IllegalArgumentException("header name '" + printable(name)
						+ "' is not a valid token: use only letters, digits and !#$%&'*+-.^_`|~");
			}
		}
		return name;
	}

	/**
	 * Checks a header value: not {@code null}, and without CR, LF or NUL, which RFC 9110 calls invalid and dangerous
	 * in a field value (they could end the header and start another).
	 * @param name the header's name, for the message
	 * @param value the value
	 * @return the value
	 * @throws IllegalArgumentException if the value is {@code null} or holds CR, LF or NUL
	 */
	public static String value(String name, @Nullable String value) {
		if (value == null) {
			throw new IllegalArgumentException("header '" + printable(name) + "' must not have a null value");
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\r' || c == '\n' || c == '\0') {
				throw new IllegalArgumentException(
						"header '" + printable(name) + "' has a value with CR, LF or NUL, which headers must not hold");
			}
		}
		return value;
	}

	/**
	 * Checks a header value that may be unset.
	 * @param name the header's name, for the message
	 * @param value the value, or {@code null} when the header is not sent
	 * @return the value, or {@code null}
	 * @throws IllegalArgumentException if the value holds CR, LF or NUL
	 */
	public static @Nullable String optionalValue(String name, @Nullable String value) {
		return (value != null) ? value(name, value) : null;
	}

	/**
	 * Checks a header's name and values and copies the values.
	 * @param name the header name
	 * @param values the values
	 * @return an unmodifiable copy of the values
	 * @throws IllegalArgumentException if the name or a value fails its check
	 */
	public static List<String> header(String name, String... values) {
		String checkedName = name(name);
		if (values == null) {
			throw new IllegalArgumentException("header '" + checkedName + "' must not have null values");
		}
		for (String value : values) {
			value(checkedName, value);
		}
		return List.of(values);
	}

	private static boolean isTokenChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
	}

	/** The name as it can safely go in a message or a log line: control and non-ASCII characters escaped. */
	private static String printable(String name) {
		StringBuilder printable = new StringBuilder(name.length());
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c >= 0x20 && c < 0x7f) {
				printable.append(c);
			}
			else {
				printable.append(String.format("\\u%04x", (int) c));
			}
		}
		return printable.toString();
	}

}
