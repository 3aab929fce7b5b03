package io.github.cerebras4j.autoconfigure;

import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.github.cerebras4j.client.CerebrasClientBuilder;
import io.github.cerebras4j.client.retry.CerebrasRetryPolicy;
import io.github.cerebras4j.client.throttle.ThrottleSettings;
import io.github.cerebras4j.throttle.redis.RedisBudgetStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.convert.ConversionService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Tests of the configuration metadata that spring-boot-configuration-processor generates for
 * {@link CerebrasProperties}, which IDEs use to complete and document {@code cerebras.*}. The defaults that come from
 * the client's constants are declared in {@code additional-spring-configuration-metadata.json}, as the processor
 * cannot read a constant of another class; these tests keep them equal to the constants.
 */
class ConfigurationMetadataTests {

	private static final String METADATA = "META-INF/spring-configuration-metadata.json";

	private static final Map<String, JsonNode> metadata = new TreeMap<>();

	private static final ConversionService conversion = ApplicationConversionService.getSharedInstance();

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

	@Test
	void declaredDefaultsAreTheValuesOfANewInstance() {
		properties(new CerebrasProperties(), "cerebras.").forEach((name, value) -> {
			JsonNode declared = metadata.get(name).path("defaultValue");
			if (value != null && !declared.isMissingNode()) {
				assertThat(conversion.convert(text(declared), value.getClass())).as(name).isEqualTo(value);
			}
		});
	}

	@Test
	void declaredDefaultsAreTheClientsConstants() {
		Map<String, Object> constants = Map.ofEntries(entry("cerebras.base-url", CerebrasClientBuilder.DEFAULT_BASE_URL),
				entry("cerebras.timeout.connect", CerebrasClientBuilder.DEFAULT_CONNECT_TIMEOUT),
				entry("cerebras.timeout.response", CerebrasClientBuilder.DEFAULT_RESPONSE_TIMEOUT),
				entry("cerebras.timeout.stream-idle", CerebrasClientBuilder.DEFAULT_STREAM_IDLE_TIMEOUT),
				entry("cerebras.timeout.non-streaming-deadline", CerebrasClientBuilder.DEFAULT_NON_STREAMING_DEADLINE),
				entry("cerebras.limits.max-event-size", CerebrasClientBuilder.DEFAULT_MAX_EVENT_SIZE),
				entry("cerebras.limits.max-partial-text", CerebrasClientBuilder.DEFAULT_MAX_PARTIAL_TEXT),
				entry("cerebras.pool.max-connections", CerebrasClientBuilder.DEFAULT_MAX_CONNECTIONS),
				entry("cerebras.pool.pending-acquire-timeout", CerebrasClientBuilder.DEFAULT_PENDING_ACQUIRE_TIMEOUT),
				entry("cerebras.pool.max-idle-time", CerebrasClientBuilder.DEFAULT_MAX_IDLE_TIME),
				entry("cerebras.warm-up.connections", CerebrasClientBuilder.DEFAULT_WARM_UP_CONNECTIONS),
				entry("cerebras.retry.max-retries", CerebrasRetryPolicy.DEFAULT_MAX_RETRIES),
				entry("cerebras.retry.initial-delay", CerebrasRetryPolicy.DEFAULT_INITIAL_DELAY),
				entry("cerebras.retry.max-delay", CerebrasRetryPolicy.DEFAULT_MAX_DELAY),
				entry("cerebras.retry.multiplier", CerebrasRetryPolicy.DEFAULT_MULTIPLIER),
				entry("cerebras.retry.jitter", CerebrasRetryPolicy.DEFAULT_JITTER),
				entry("cerebras.retry.max-retry-after", CerebrasRetryPolicy.DEFAULT_MAX_RETRY_AFTER),
				entry("cerebras.throttle.max-wait", ThrottleSettings.DEFAULT_MAX_WAIT),
				entry("cerebras.throttle.default-completion-tokens", ThrottleSettings.DEFAULT_COMPLETION_TOKENS),
				entry("cerebras.throttle.redis.key-prefix", RedisBudgetStore.DEFAULT_KEY_PREFIX),
				entry("cerebras.throttle.redis.timeout", RedisBudgetStore.DEFAULT_TIMEOUT),
				entry("cerebras.throttle.redis.retry-interval", RedisBudgetStore.DEFAULT_RETRY_INTERVAL));
		constants.forEach((name, constant) -> {
			JsonNode declared = metadata.get(name).path("defaultValue");
			assertThat(declared.isMissingNode()).as(name).isFalse();
			assertThat(conversion.convert(text(declared), constant.getClass())).as(name).isEqualTo(constant);
		});
	}

	@Test
	void renamedPropertiesAreDeprecatedWithTheirReplacement() {
		JsonNode overall = metadata.get("cerebras.timeout.overall");
		assertThat(overall.path("deprecated").asBoolean()).isTrue();
		assertThat(overall.path("deprecation").path("replacement").asString()).isEqualTo("cerebras.timeout.deadline");
		assertThat(overall.path("type").asString()).isEqualTo(metadata.get("cerebras.timeout.deadline").path("type").asString());
		assertThat(metadata.values().stream()
			.filter((property) -> property.path("deprecated").asBoolean())
			.collect(Collectors.toMap((property) -> property.path("name").asString(),
					(property) -> property.path("deprecation").path("replacement").asString())))
			.as("every deprecated property and its replacement")
			.containsExactly(entry("cerebras.timeout.overall", "cerebras.timeout.deadline"));
	}

	/**
	 * A default value as a property would set it: an array's elements separated by commas.
	 */
	private static String text(JsonNode value) {
		if (value.isArray()) {
			return value.valueStream().map(JsonNode::asString).collect(Collectors.joining(","));
		}
		return value.asString();
	}

	/**
	 * The bindable properties of a bean and of its nested groups (read-only properties whose type is declared in
	 * {@link CerebrasProperties} or in its nested classes), by their kebab-case name, with their value.
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
			else if (isDeclaredIn(descriptor.getPropertyType(), CerebrasProperties.class) && value != null) {
				properties.putAll(properties(value, name + "."));
			}
		}
		return properties;
	}

	/** Whether a type is declared in a class, or in one of its nested classes. */
	private static boolean isDeclaredIn(Class<?> type, Class<?> outer) {
		for (Class<?> declaring = type.getDeclaringClass(); declaring != null; declaring = declaring.getDeclaringClass()) {
			if (declaring == outer) {
				return true;
			}
		}
		return false;
	}

}
