package io.github.cerebras4j.readme;

import java.util.List;

import io.github.cerebras4j.readme.Snippets.CodeBlock;
import io.github.cerebras4j.readme.Snippets.Region;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * How {@link Snippets} reads blocks and regions and reports a block that is not a region. The tag comments of these
 * sources are written with code before them, so that the scan of this folder does not take them for regions.
 */
class SnippetsTests {

	private static final List<String> SOURCE = List.of("class Example {", "", "\tvoid example() {",
			"\t\t// tag::one[]", "\t\tString answer = ask(", "\t\t\t\t\"question\");", "\t\t// end::one[]",
			"\t\t// tag::two[]", "\t\tif (answer.isEmpty()) {", "\t\t\tSystem.out.println(\"none\");",
			"\t\t\t// end::two[]", "\t\t\tcheck(answer);", "\t\t\t// tag::two[]", "\t\t}", "\t\t// end::two[]",
			"\t}", "}");

	@Test
	void codeBlocksKeepTheirLanguageAndTheLineOfTheirFence() {
		List<String> markdown = List.of("# Title", "```java", "int a;", "```", "text", "1. Item:", "   ```yaml",
				"   a: b", "   ```");
		assertThat(Snippets.codeBlocks(markdown)).extracting(CodeBlock::line, CodeBlock::language, CodeBlock::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2, "java", "int a;"),
					org.assertj.core.groups.Tuple.tuple(7, "yaml", "a: b"));
	}

	@Test
	void unclosedCodeBlockIsAnError() {
		assertThatIllegalStateException().isThrownBy(() -> Snippets.codeBlocks(List.of("```java", "int a;")))
			.withMessage("The code block at line 1 is not closed");
	}

	@Test
	void regionsAreReadWithoutTheirCommonIndentationAndWithTabsAsFourSpaces() {
		assertThat(Snippets.regions("Example.java", SOURCE)).first()
			.satisfies((region) -> assertThat(region.tag()).isEqualTo("one"))
			.satisfies((region) -> assertThat(region.code()).isEqualTo("String answer = ask(\n        \"question\");"));
	}

	@Test
	void partsOfARepeatedTagAreOneRegion() {
		assertThat(Snippets.regions("Example.java", SOURCE)).last()
			.satisfies((region) -> assertThat(region.tag()).isEqualTo("two"))
			.satisfies((region) -> assertThat(region.code())
				.isEqualTo("if (answer.isEmpty()) {\n    System.out.println(\"none\");\n}"))
			.satisfies((region) -> assertThat(region.lineNumbers()).containsExactly(9, 10, 14));
	}

	@Test
	void blockThatIsARegionIsTested() {
		CodeBlock block = new CodeBlock(10, "java", List.of("   String answer = ask(", "           \"question\");"),
				11);
		assertThat(Snippets.whyUntested(block, Snippets.regions("Example.java", SOURCE))).isNull();
	}

	@Test
	void blockThatDiffersFromEveryRegionIsReportedWithItsLineAndTheClosestRegion() {
		CodeBlock block = new CodeBlock(10, "java",
				List.of("if (answer.isEmpty()) {", "    System.out.println(\"nothing\");", "}"), 11);
		List<Region> regions = Snippets.regions("Example.java", SOURCE);
		assertThat(Snippets.whyUntested(block, regions)).isEqualTo("""
				README.md line 10: this ```java block is not a tagged region of a snippet in \
				readme-examples/src/test/java, so nothing compiles or runs it.
				    The closest is Example.java tag::two[]; they differ first at README.md line 12:
				    README.md:  System.out.println("nothing");
				    Example.java line 10: System.out.println("none");""");
	}

	@Test
	void unbalancedTagsAreErrors() {
		assertThatIllegalStateException()
			.isThrownBy(() -> Snippets.regions("Example.java", List.of("int a; // ignored", "  // tag::a[]", "int b;")))
			.withMessage("Example.java: tag::a[] is not closed");
		assertThatIllegalStateException()
			.isThrownBy(() -> Snippets.regions("Example.java", List.of("int a;", "  // end::a[]")))
			.withMessage("Example.java line 2: end::a[] without tag::a[]");
	}

}
