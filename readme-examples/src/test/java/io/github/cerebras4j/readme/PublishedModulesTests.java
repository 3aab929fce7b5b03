package io.github.cerebras4j.readme;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import io.github.cerebras4j.readme.Snippets.CodeBlock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a release publishes, read from the POMs of the reactor: a module is published unless its POM sets
 * {@code maven.deploy.skip}. Every published jar must be in {@code cerebras-bom} at the project's version (and the
 * BOM must list nothing else), must have the metadata Maven Central asks for, and the README must show how to
 * import the BOM. A module that is not published must not build a sources or Javadoc jar either.
 */
class PublishedModulesTests {

	private static final String GROUP_ID = "io.github.cerebras4j";

	private static final String BOM = "cerebras-bom";

	private Path root;

	private Element parent;

	private Map<String, Element> modules;

	private Element bom;

	@BeforeEach
	void readPoms() throws Exception {
		this.root = ReadmeSnippetsTests.module().getParent();
		this.parent = pom(this.root);
		this.modules = new LinkedHashMap<>();
		for (Element module : children(child(this.parent, "modules"), "module")) {
			this.modules.put(module.getTextContent().trim(), pom(this.root.resolve(module.getTextContent().trim())));
		}
		assertThat(this.modules).as("modules of the root pom.xml").containsKey(BOM);
		this.bom = this.modules.get(BOM);
	}

	@Test
	void everyPublishedJarIsInTheBomAtTheProjectVersion() {
		Set<String> published = this.modules.values()
			.stream()
			.filter(PublishedModulesTests::isPublished)
			.filter((pom) -> !"pom".equals(text(pom, "packaging")))
			.map((pom) -> text(pom, "artifactId"))
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(published).as("published modules").contains("cerebras-client", "cerebras-spring-boot-starter");
		List<Element> managed = children(child(child(this.bom, "dependencyManagement"), "dependencies"), "dependency");
		assertThat(managed.stream().map((dependency) -> text(dependency, "artifactId")))
			.as("artifacts of %s/pom.xml: every published jar, and nothing else", BOM)
			.containsExactlyInAnyOrderElementsOf(published);
		for (Element dependency : managed) {
			String artifactId = text(dependency, "artifactId");
			assertThat(text(dependency, "groupId")).as("groupId of %s in the BOM", artifactId).isEqualTo(GROUP_ID);
			assertThat(text(dependency, "version")).as("version of %s in the BOM", artifactId)
				.isEqualTo("${project.version}");
			assertThat(child(dependency, "scope")).as("scope of %s in the BOM", artifactId).isNull();
			assertThat(child(dependency, "type")).as("type of %s in the BOM", artifactId).isNull();
		}
	}

	@Test
	void bomHasNoParentAndKeepsInStepWithTheProject() {
		assertThat(child(this.bom, "parent"))
			.as("the BOM's parent: none, so that it does not publish Spring Boot's BOM with its own")
			.isNull();
		assertThat(text(this.bom, "groupId")).isEqualTo(text(this.parent, "groupId"));
		assertThat(text(this.bom, "version")).as("the BOM's version, the same as the parent's")
			.isEqualTo(text(this.parent, "version"));
		assertThat(text(this.bom, "packaging")).isEqualTo("pom");
		assertThat(child(this.bom, "dependencies")).as("dependencies of the BOM: it only manages versions").isNull();
	}

	@Test
	void publishedPomsHaveTheMetadataMavenCentralAsksFor() {
		List<Element> published = new ArrayList<>(List.of(this.parent));
		this.modules.values().stream().filter(PublishedModulesTests::isPublished).forEach(published::add);
		for (Element pom : published) {
			String artifactId = text(pom, "artifactId");
			assertThat(text(pom, "name")).as("name of %s", artifactId).isNotBlank();
			assertThat(text(pom, "description")).as("description of %s", artifactId).isNotBlank();
		}
		// the modules inherit the rest from the parent; the BOM, which has none, declares it again
		for (Element pom : List.of(this.parent, this.bom)) {
			String artifactId = text(pom, "artifactId");
			assertThat(text(pom, "url")).as("url of %s", artifactId).startsWith("https://github.com/cerebras4j/");
			assertThat(child(child(pom, "licenses"), "license")).as("license of %s", artifactId).isNotNull();
			assertThat(child(child(pom, "developers"), "developer")).as("developer of %s", artifactId).isNotNull();
			Element scm = child(pom, "scm");
			assertThat(scm).as("scm of %s", artifactId).isNotNull();
			assertThat(text(scm, "connection")).as("scm connection of %s", artifactId).startsWith("scm:git:");
			assertThat(text(scm, "developerConnection")).as("scm developerConnection of %s", artifactId)
				.startsWith("scm:git:");
			assertThat(text(scm, "url")).as("scm url of %s", artifactId).isEqualTo(text(pom, "url"));
		}
		// the modules' url and scm are the repository's, not the parent's with the module's name appended
		assertThat(this.parent.getAttribute("child.project.url.inherit.append.path")).isEqualTo("false");
		Element scm = child(this.parent, "scm");
		assertThat(List.of("connection", "developerConnection", "url"))
			.allSatisfy((name) -> assertThat(scm.getAttribute("child.scm." + name + ".inherit.append.path"))
				.as("child.scm.%s.inherit.append.path", name)
				.isEqualTo("false"));
	}

	@Test
	void modulesThatAreNotPublishedBuildNoSourcesOrJavadocJar() {
		this.modules.values().stream().filter((pom) -> !isPublished(pom)).forEach((pom) -> {
			Element properties = child(pom, "properties");
			String artifactId = text(pom, "artifactId");
			assertThat(text(properties, "maven.source.skip")).as("maven.source.skip of %s", artifactId)
				.isEqualTo("true");
			assertThat(text(properties, "maven.javadoc.skip")).as("maven.javadoc.skip of %s", artifactId)
				.isEqualTo("true");
		});
	}

	@Test
	void readmeShowsHowToImportTheBom() throws Exception {
		List<String> readme = Files.readAllLines(this.root.resolve("README.md"));
		List<CodeBlock> imports = Snippets.codeBlocks(readme)
			.stream()
			.filter((block) -> block.language().equals("xml"))
			.filter((block) -> block.code().contains("<artifactId>" + BOM + "</artifactId>"))
			.toList();
		assertThat(imports).as("```xml blocks of README.md that name %s", BOM).isNotEmpty();
		for (CodeBlock block : imports) {
			Element project = DocumentBuilderFactory.newInstance()
				.newDocumentBuilder()
				.parse(new InputSource(new StringReader("<project>" + block.code() + "</project>")))
				.getDocumentElement();
			Element dependency = child(child(child(project, "dependencyManagement"), "dependencies"), "dependency");
			assertThat(dependency).as("README.md line %d: a <dependencyManagement> that imports the BOM", block.line())
				.isNotNull();
			assertThat(text(dependency, "groupId")).isEqualTo(GROUP_ID);
			assertThat(text(dependency, "artifactId")).isEqualTo(BOM);
			assertThat(text(dependency, "type")).isEqualTo("pom");
			assertThat(text(dependency, "scope")).isEqualTo("import");
		}
	}

	private static boolean isPublished(Element pom) {
		return !"true".equals(text(child(pom, "properties"), "maven.deploy.skip"));
	}

	private static Element pom(Path directory) throws Exception {
		return DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(directory.resolve("pom.xml").toFile())
			.getDocumentElement();
	}

	private static List<Element> children(@Nullable Element element, String name) {
		List<Element> children = new ArrayList<>();
		if (element != null) {
			for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
				if (node instanceof Element child && child.getTagName().equals(name)) {
					children.add(child);
				}
			}
		}
		return children;
	}

	private static @Nullable Element child(@Nullable Element element, String name) {
		List<Element> children = children(element, name);
		return children.isEmpty() ? null : children.get(0);
	}

	private static @Nullable String text(@Nullable Element element, String name) {
		Element child = child(element, name);
		return (child != null) ? child.getTextContent().trim() : null;
	}

}
