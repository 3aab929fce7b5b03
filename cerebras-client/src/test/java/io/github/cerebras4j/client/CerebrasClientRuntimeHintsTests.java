package io.github.cerebras4j.client;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

import io.github.cerebras4j.client.chat.ChatCompletion;
import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.chat.ChatChunkChoice;
import io.github.cerebras4j.client.chat.ChatDelta;
import io.github.cerebras4j.client.chat.ContentPart;
import io.github.cerebras4j.client.chat.MessageContent;
import io.github.cerebras4j.client.chat.ToolCall;
import io.github.cerebras4j.client.chat.ToolChoice;
import io.github.cerebras4j.client.chat.UserMessage;
import io.github.cerebras4j.client.completions.Completion;
import io.github.cerebras4j.client.completions.CompletionRequest;
import io.github.cerebras4j.client.completions.Prompt;
import io.github.cerebras4j.client.core.AbstractGenerationRequest;
import io.github.cerebras4j.client.core.Usage;
import io.github.cerebras4j.client.error.ApiError;
import io.github.cerebras4j.client.error.ErrorChunk;
import io.github.cerebras4j.client.internal.RecordConstructors;
import io.github.cerebras4j.client.models.Model;
import io.github.cerebras4j.client.models.ModelList;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.ReflectionHintsPredicates;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hints a native image needs, registered the way Spring AOT finds them: through
 * {@code META-INF/spring/aot.factories}.
 */
class CerebrasClientRuntimeHintsTests {

	private final RuntimeHints hints = registered();

	private final ReflectionHintsPredicates reflection = RuntimeHintsPredicates.reflection();

	@Test
	void theRegistrarIsListedInAotFactories() {
		List<RuntimeHintsRegistrar> registrars = SpringFactoriesLoader
			.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class);
		assertThat(registrars).hasAtLeastOneElementOfType(CerebrasClientRuntimeHints.class);
	}

	@Test
	void responsesAndTheRecordsTheyHoldCanBeBuiltByTheirConstructors() {
		for (Class<?> type : List.of(ChatCompletion.class, ChatCompletionChunk.class, ChatChunkChoice.class,
				ChatDelta.class, ToolCall.class, Usage.class, Completion.class, ModelList.class, Model.class,
				ApiError.class, ErrorChunk.class, ContentPart.ImageUrl.class)) {
			assertThat(this.reflection.onType(type)).as(type.getName()).accepts(this.hints);
			assertThat(this.reflection.onConstructorInvocation(canonicalConstructor(type))).as(type.getName())
				.accepts(this.hints);
		}
	}

	@Test
	void requestsAndTheirBuildersAreReadAndWrittenThroughTheirFields() {
		assertThat(this.reflection.onType(ChatCompletionRequest.class)).accepts(this.hints);
		assertThat(this.reflection.onType(ChatCompletionRequest.Builder.class)
			.withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(this.hints);
		assertThat(this.reflection.onType(CompletionRequest.Builder.class)).accepts(this.hints);
		assertThat(this.reflection.onFieldAccess(AbstractGenerationRequest.class, "maxTokens")).accepts(this.hints);
		assertThat(this.reflection.onFieldAccess(ChatCompletionRequest.class, "messages")).accepts(this.hints);
		assertThat(this.reflection.onFieldAccess(AbstractGenerationRequest.AbstractBuilder.class, "maxTokens"))
			.accepts(this.hints);
		assertThat(this.reflection.onType(UserMessage.class)).accepts(this.hints);
	}

	@Test
	void everyTypeOfThisLibraryInARequestsFieldsIsRegistered() {
		for (Class<?> owner : List.of(AbstractGenerationRequest.class, AbstractGenerationRequest.AbstractBuilder.class,
				ChatCompletionRequest.class, ChatCompletionRequest.Builder.class, CompletionRequest.class,
				CompletionRequest.Builder.class)) {
			for (Field field : owner.getDeclaredFields()) {
				if (Modifier.isStatic(field.getModifiers())) {
					continue;
				}
				for (Class<?> type : typesIn(field.getGenericType())) {
					if (type.getName().startsWith("io.github.cerebras4j.")) {
						assertThat(this.reflection.onType(type)).as(owner.getSimpleName() + "." + field.getName())
							.accepts(this.hints);
					}
				}
			}
		}
	}

	@Test
	void jsonCreatorFactoriesCanBeInvoked() {
		assertThat(this.reflection.onMethodInvocation(ToolChoice.class, "fromJson")).accepts(this.hints);
		assertThat(this.reflection.onMethodInvocation(Prompt.class, "fromJson")).accepts(this.hints);
		assertThat(this.reflection.onMethodInvocation(MessageContent.class, "text")).accepts(this.hints);
		assertThat(this.reflection.onMethodInvocation(ApiError.class, "ofMessage")).accepts(this.hints);
	}

	@Test
	void theChunkDeserializerAndTheRecordConstructorModuleCanBeInstantiated() {
		assertThat(this.reflection.onType(TypeReference.of(CerebrasClientRuntimeHints.CHUNK_DESERIALIZER))
			.withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(this.hints);
		assertThat(this.reflection.onType(RecordConstructors.class)).accepts(this.hints);
	}

	@Test
	void theVersionFileIsIncluded() {
		assertThat(RuntimeHintsPredicates.resource().forResource(CerebrasClientRuntimeHints.VERSION_RESOURCE))
			.accepts(this.hints);
	}

	private static RuntimeHints registered() {
		RuntimeHints hints = new RuntimeHints();
		ClassLoader classLoader = CerebrasClientRuntimeHintsTests.class.getClassLoader();
		SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories", classLoader)
			.load(RuntimeHintsRegistrar.class)
			.forEach((registrar) -> registrar.registerHints(hints, classLoader));
		return hints;
	}

	private static List<Class<?>> typesIn(Type type) {
		if (type instanceof Class<?> plain) {
			return List.of(plain);
		}
		List<Class<?>> types = new ArrayList<>();
		if (type instanceof ParameterizedType parameterized) {
			types.addAll(typesIn(parameterized.getRawType()));
			for (Type argument : parameterized.getActualTypeArguments()) {
				types.addAll(typesIn(argument));
			}
		}
		return types;
	}

	private static Constructor<?> canonicalConstructor(Class<?> record) {
		RecordComponent[] components = record.getRecordComponents();
		Class<?>[] types = new Class<?>[components.length];
		for (int i = 0; i < components.length; i++) {
			types[i] = components[i].getType();
		}
		try {
			return record.getDeclaredConstructor(types);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
