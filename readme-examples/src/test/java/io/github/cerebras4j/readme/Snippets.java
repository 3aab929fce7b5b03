package io.github.cerebras4j.readme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the fenced code blocks of a Markdown file and the tagged regions of snippet sources, and tells which blocks
 * are not a region. A region is written as in Asciidoctor: the lines between {@code // tag::name[]} and
 * {@code // end::name[]}; a tag that occurs several times in a file is one region made of all its parts, and the
 * tag comments of other regions inside it are left out. Blocks and regions are compared line by line, with tabs at
 * the start of a line read as four spaces, trailing spaces, leading and trailing blank lines and the indentation
 * common to all lines left out.
 */
final class Snippets {

	private static final Pattern FENCE = Pattern.compile("^( *)```\\s*(\\S*).*$");

	private static final Pattern TAG = Pattern.compile("^\\s*//\\s*(tag|end)::([A-Za-z0-9_.-]+)\\[\\]\\s*$");

	private Snippets() {
	}

	/**
	 * Returns the fenced code blocks of a Markdown text.
	 * @param markdown the lines of the text
	 * @return the blocks, in order
	 * @throws IllegalStateException if a block is not closed
	 */
	static List<CodeBlock> codeBlocks(List<String> markdown) {
		List<CodeBlock> blocks = new ArrayList<>();
		for (int i = 0; i < markdown.size(); i++) {
			Matcher fence = FENCE.matcher(markdown.get(i));
			if (fence.matches()) {
				int open = i;
				List<String> content = new ArrayList<>();
				i++;
				while (i < markdown.size() && !markdown.get(i).strip().startsWith("```")) {
					content.add(markdown.get(i));
					i++;
				}
				if (i == markdown.size()) {
					throw new IllegalStateException("The code block at line " + (open + 1) + " is not closed");
				}
				blocks.add(new CodeBlock(open + 1, fence.group(2), content, open + 2));
			}
		}
		return blocks;
	}

	/**
	 * Returns the tagged regions of every Java source under a folder.
	 * @param sources the folder
	 * @return the regions, by file and tag
	 */
	static List<Region> regions(Path sources) {
		try (Stream<Path> files = Files.walk(sources)) {
			List<Region> regions = new ArrayList<>();
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).sorted().toList()) {
				regions.addAll(regions(sources.relativize(file).toString(), Files.readAllLines(file)));
			}
			return regions;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Returns the tagged regions of one source.
	 * @param file the name of the source, for messages
	 * @param lines its lines
	 * @return its regions, in the order their tags first occur
	 * @throws IllegalStateException if a tag is not closed, or closed without being open
	 */
	static List<Region> regions(String file, List<String> lines) {
		Map<String, List<Integer>> parts = new LinkedHashMap<>();
		List<String> open = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			Matcher tag = TAG.matcher(lines.get(i));
			if (tag.matches()) {
				String name = tag.group(2);
				if (tag.group(1).equals("tag")) {
					if (open.contains(name)) {
						throw new IllegalStateException(
								file + " line " + (i + 1) + ": tag::" + name + "[] is open already");
					}
					open.add(name);
					parts.computeIfAbsent(name, (key) -> new ArrayList<>());
				}
				else if (!open.remove(name)) {
					throw new IllegalStateException(
							file + " line " + (i + 1) + ": end::" + name + "[] without tag::" + name + "[]");
				}
			}
			else {
				for (String name : open) {
					parts.get(name).add(i);
				}
			}
		}
		if (!open.isEmpty()) {
			throw new IllegalStateException(file + ": tag::" + open.get(0) + "[] is not closed");
		}
		List<Region> regions = new ArrayList<>();
		parts.forEach((name, indexes) -> regions.add(new Region(file, name, indexes.stream().map(lines::get).toList(),
				indexes.stream().map((index) -> index + 1).toList())));
		return regions;
	}

	/**
	 * Tells why a block is not one of the regions, naming its line and the first line where it differs from the
	 * closest region.
	 * @param block the block
	 * @param regions the regions
	 * @return {@code null} if the block is a region, else the reason
	 */
	static String whyUntested(CodeBlock block, List<Region> regions) {
		Region closest = null;
		int closestMatch = -1;
		for (Region region : regions) {
			if (region.code().equals(block.code())) {
				return null;
			}
			int match = commonLines(block.code(), region.code());
			if (match > closestMatch) {
				closest = region;
				closestMatch = match;
			}
		}
		StringBuilder reason = new StringBuilder("README.md line " + block.line() + ": this ```" + block.language()
				+ " block is not a tagged region of a snippet in readme-examples/src/test/java, "
				+ "so nothing compiles or runs it");
		if (closest != null) {
			List<String> blockLines = block.code().lines().toList();
			List<String> regionLines = closest.code().lines().toList();
			int first = 0;
			while (first < blockLines.size() && first < regionLines.size()
					&& blockLines.get(first).equals(regionLines.get(first))) {
				first++;
			}
			reason.append(".\n    The closest is ").append(closest.file()).append(" tag::").append(closest.tag())
				.append("[]; they differ first at README.md line ").append(block.sourceLine(first)).append(':')
				.append("\n    README.md:  ").append(line(blockLines, first))
				.append("\n    ").append(closest.file()).append(" line ").append(closest.sourceLine(first)).append(": ")
				.append(line(regionLines, first));
		}
		return reason.toString();
	}

	private static String line(List<String> lines, int index) {
		return (index < lines.size()) ? lines.get(index).strip() : "(the end)";
	}

	private static int commonLines(String code, String other) {
		List<String> otherLines = other.lines().map(String::strip).toList();
		return (int) code.lines()
			.map(String::strip)
			.filter((line) -> !line.isEmpty() && otherLines.contains(line))
			.count();
	}

	/**
	 * Returns lines as they are compared: tabs that indent read as four spaces, trailing spaces, leading and
	 * trailing blank lines and the indentation common to all lines left out.
	 * @param lines the lines
	 * @return the lines joined by {@code \n}
	 */
	static String normalize(List<String> lines) {
		List<String> expanded = lines.stream().map(Snippets::expandIndentation).map(String::stripTrailing).toList();
		int start = 0;
		int end = expanded.size();
		while (start < end && expanded.get(start).isEmpty()) {
			start++;
		}
		while (end > start && expanded.get(end - 1).isEmpty()) {
			end--;
		}
		List<String> content = expanded.subList(start, end);
		int indentation = content.stream()
			.filter((line) -> !line.isEmpty())
			.mapToInt((line) -> line.length() - line.stripLeading().length())
			.min()
			.orElse(0);
		return String.join("\n",
				content.stream().map((line) -> line.isEmpty() ? line : line.substring(indentation)).toList());
	}

	private static int leadingBlankLines(List<String> lines) {
		int count = 0;
		while (count < lines.size() && lines.get(count).isBlank()) {
			count++;
		}
		return count;
	}

	private static String expandIndentation(String line) {
		StringBuilder expanded = new StringBuilder();
		int i = 0;
		while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
			expanded.append((line.charAt(i) == '\t') ? "    " : " ");
			i++;
		}
		return expanded.append(line, i, line.length()).toString();
	}

	/**
	 * A fenced code block of a Markdown file.
	 * @param line the line of its opening fence, from 1
	 * @param language its language, or an empty string
	 * @param lines its lines as written
	 * @param firstLine the line of its first line
	 */
	record CodeBlock(int line, String language, List<String> lines, int firstLine) {

		String code() {
			return normalize(this.lines);
		}

		int sourceLine(int codeLine) {
			return this.firstLine + leadingBlankLines(this.lines) + codeLine;
		}

	}

	/**
	 * A tagged region of a snippet source.
	 * @param file the source, relative to the snippets' folder
	 * @param tag the region's tag
	 * @param lines its lines as written
	 * @param lineNumbers the line number of each, from 1
	 */
	record Region(String file, String tag, List<String> lines, List<Integer> lineNumbers) {

		String code() {
			return normalize(this.lines);
		}

		int sourceLine(int codeLine) {
			int index = Math.min(leadingBlankLines(this.lines) + codeLine, this.lineNumbers.size() - 1);
			return this.lineNumbers.get(index);
		}

	}

}
