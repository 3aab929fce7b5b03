package io.github.cerebras4j.autoconfigure;

import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the configuration metadata that spring-boot-configuration-processor generates for
 * {@link CerebrasProperties}, which IDEs use to complete and document {@code cerebras.*}.
 */
class ConfigurationMetadataTests {

	private static final String METADATA = "META-INF/spring-configuration-metadata.json";

	private static final Map<String, JsonNode> metadata = new TreeMap<>();

	@BeforeAll
	static void readMetadata() throws IOException {
		JsonMapper mapper = JsonMapper.builder().build();
		for (URL url : Collections.list(ConfigurationMetadataTests.class.getClassLoader().getResources(METADATA))) {
			try (InputStream in = url.openStream()) {
				for (JsonNode property : mapper.readTree(in).path("properties")) {
					if (property.path("sourceType").asString("").startsWith(CerebrasProperties.class.getName())) {
						metadata.put(property.path("name").asString(), property);
					}
				}
			}
		}
	}

	@Test
	void listsEveryPropertyOfTheClass() {
		assertThat(metadata.keySet()).containsExactlyElementsOf(properties(new CerebrasProperties(), "cerebras.").keySet());
	}

	@Test
	void describesEveryProperty() {
		assertThat(metadata).isNotEmpty();
		metadata.forEach((name, property) -> assertThat(property.path("description").asString("")).as(name).isNotBlank());
	}

	@Test
	void declaresTheDefaultOfEveryPropertyThatHasOne() {
		properties(new CerebrasProperties(), "cerebras.").forEach((name, value) -> {
			boolean hasDefault = value != null && !(value instanceof Map<?, ?> map && map.isEmpty());
			assertThat(metadata.get(name).has("defaultValue")).as(name).isEqualTo(hasDefault);
		});
		assertThat(metadata.get("cerebras.base-url").path("defaultValue").asString()).isEqualTo("https://api.cerebras.ai");
		assertThat(metadata.get("cerebras.retry.max-retries").path("defaultValue").asInt()).isEqualTo(2);
		assertThat(metadata.get("cerebras.health.cache-ttl").path("defaultValue").asString()).isEqualTo("30s");
	}

	/**
	 * The bindable properties of a bean and of its nested groups (read-only properties whose type is declared in
	 * {@link CerebrasProperties}), by their kebab-case name, with their value.
	 */
	private static Map<String, Object> properties(Object bean, String prefix) {
		Map<String, Object> properties = new TreeMap<>();
		BeanWrapper wrapper = PropertyAccessorFactory.forBeanPropertyAccess(bean);
		for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(bean.getClass())) {
			if (descriptor.getReadMethod() == null || descriptor.getName().equals("class")) {
				continue;
			}
			String name = prefix + DataObjectPropertyName.toDashedForm(descriptor.getName());
			Object value = wrapper.getPropertyValue(descriptor.getName());
			if (descriptor.getWriteMethod() != null) {
				properties.put(name, value);
			}
			else if (descriptor.getPropertyType().getDeclaringClass() == CerebrasProperties.class && value != null) {
				properties.putAll(properties(value, name + "."));
			}
		}
		return properties;
	}

}
