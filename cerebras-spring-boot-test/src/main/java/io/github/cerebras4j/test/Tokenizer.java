package io.github.cerebras4j.test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into tokens the way a model's output arrives: short words whole with their leading space, longer
 * words in pieces of about four characters, punctuation on its own. Deterministic, so usage is reproducible.
 */
final class Tokenizer {

	private static final Pattern PIECES = Pattern.compile("\\s*[\\p{L}\\p{N}]+|\\s*[^\\s\\p{L}\\p{N}]|\\s+");

	private static final int LONGEST_WHOLE_WORD = 7;

	private static final int PIECE = 4;

	private Tokenizer() {
	}

	/**
	 * Splits text into tokens; joined, they give the text back.
	 * @param text the text
	 * @return the tokens, empty for an empty text
	 */
	static List<String> tokens(String text) {
		List<String> tokens = new ArrayList<>();
		Matcher matcher = PIECES.matcher(text);
		while (matcher.find()) {
			addSplit(tokens, matcher.group());
		}
		return tokens;
	}

	/**
	 * Counts the tokens of a text.
	 * @param text the text
	 * @return the number of tokens
	 */
	static int count(String text) {
		return tokens(text).size();
	}

	private static void addSplit(List<String> tokens, String piece) {
		int space = 0;
		while (space < piece.length() && Character.isWhitespace(piece.charAt(space))) {
			space++;
		}
		String word = piece.substring(space);
		int length = word.codePointCount(0, word.length());
		if (length <= LONGEST_WHOLE_WORD) {
			tokens.add(piece);
			return;
		}
		int parts = (length + PIECE - 1) / PIECE;
		int start = 0;
		for (int part = 0; part < parts; part++) {
			int size = length / parts + ((part < length % parts) ? 1 : 0);
			int end = word.offsetByCodePoints(start, size);
			tokens.add(((part == 0) ? piece.substring(0, space) : "") + word.substring(start, end));
			start = end;
		}
	}

}
