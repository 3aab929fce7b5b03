package io.github.cerebras4j.readme;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.cerebras4j.readme.Snippets.CodeBlock;
import io.github.cerebras4j.readme.Snippets.Region;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code ```java} block of README.md must be, exactly, a tagged region of a snippet in this module's test
 * sources, where it compiles and runs as a test; every region must be in the README; and the {@code cerebras.*}
 * keys of the README's YAML blocks and property table must be configuration properties.
 */
class ReadmeSnippetsTests {

	private static final Pattern PROPERTY_ROW = Pattern.compile("^\\| `(cerebras\\.[a-z0-9.*-]+)` \\|.*");

	private List<String> readme;

	private List<Region> regions;

	@BeforeEach
	void readReadmeAndSnippets() throws IOException {
		Path module = module();
		this.readme = Files.readAllLines(module.resolveSibling("README.md"));
		this.regions = Snippets.regions(module.resolve("src/test/java"));
	}

	@Test
	void everyJavaBlockOfTheReadmeIsATaggedRegionOfASnippet() {
		List<CodeBlock> javaBlocks = javaBlocks();
		List<String> untested = javaBlocks.stream()
			.map((block) -> Snippets.whyUntested(block, this.regions))
			.filter(Objects::nonNull)
			.toList();
		assertThat(javaBlocks).isNotEmpty();
		assertThat(untested).withFailMessage("README.md's ```java blocks that no snippet compiles and runs:%n%s",
				String.join(System.lineSeparator(), untested)).isEmpty();
	}

	@Test
	void everyTaggedRegionIsInTheReadme() {
		Set<String> blocks = new HashSet<>(javaBlocks().stream().map(CodeBlock::code).toList());
		assertThat(this.regions).as("tagged regions of the snippets").isNotEmpty();
		assertThat(this.regions.stream()
			.filter((region) -> !blocks.contains(region.code()))
			.map((region) -> region.file() + " tag::" + region.tag() + "[]"))
			.as("regions that are in no ```java block of README.md (remove them, or put them back in the README)")
			.isEmpty();
	}

	@Test
	void yamlKeysAndPropertyTableOfTheReadmeAreConfigurationProperties() throws IOException {
		List<String> keys = new ArrayList<>();
		for (CodeBlock block : Snippets.codeBlocks(this.readme)) {
			if (block.language().equals("yaml") || block.language().equals("yml")) {
				Map<String, Object> yaml = new Yaml().load(block.code());
				flatten("", yaml, keys);
			}
		}
		boolean propertiesSection = false;
		for (String line : this.readme) {
			if (line.startsWith("## ")) {
				propertiesSection = line.equals("## Configuration properties");
			}
			Matcher row = PROPERTY_ROW.matcher(line);
			if (propertiesSection && row.matches()) {
				keys.add(row.group(1));
			}
		}
		Set<String> properties = configurationProperties();
		assertThat(keys).as("cerebras.* keys of README.md").contains("cerebras.api-key", "cerebras.base-url");
		assertThat(keys.stream()
			.filter((key) -> key.startsWith("cerebras."))
			.filter((key) -> !properties.contains(key) && !isMapEntry(key, properties)))
			.as("cerebras.* keys of README.md that are not in the configuration metadata")
			.isEmpty();
	}

	private List<CodeBlock> javaBlocks() {
		return Snippets.codeBlocks(this.readme).stream().filter((block) -> block.language().equals("java")).toList();
	}

	@SuppressWarnings("unchecked")
	private static void flatten(String prefix, Map<String, Object> yaml, List<String> keys) {
		yaml.forEach((key, value) -> {
			if (value instanceof Map<?, ?> map) {
				flatten(prefix + key + ".", (Map<String, Object>) map, keys);
			}
			else {
				keys.add(prefix + key);
			}
		});
	}

	/**
	 * Whether a key such as {@code cerebras.default-headers.*} or {@code cerebras.default-headers.X-Team} is an entry
	 * of a map property.
	 */
	private static boolean isMapEntry(String key, Set<String> properties) {
		int dot = key.lastIndexOf('.');
		return dot > 0 && properties.contains(key.substring(0, dot));
	}

	private static Set<String> configurationProperties() throws IOException {
		JsonMapper json = JsonMapper.builder().build();
		Set<String> names = new HashSet<>();
		Enumeration<URL> metadata = ReadmeSnippetsTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json");
		while (metadata.hasMoreElements()) {
			try (InputStream in = metadata.nextElement().openStream()) {
				for (JsonNode property : json.readTree(in).path("properties")) {
					names.add(property.path("name").asString());
				}
			}
		}
		return names;
	}

	/**
	 * This module's folder: the working directory under Maven, or its {@code readme-examples} folder when run from
	 * the root of the project.
	 */
	static Path module() {
		Path directory = Path.of("").toAbsolutePath();
		return Files.isDirectory(directory.resolve("src/test/java/io/github/cerebras4j/readme")) ? directory
				: directory.resolve("readme-examples");
	}

}
