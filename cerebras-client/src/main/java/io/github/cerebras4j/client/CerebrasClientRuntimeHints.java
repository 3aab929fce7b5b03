package io.github.cerebras4j.client;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.List;

import io.github.cerebras4j.client.chat.AssistantMessage;
import io.github.cerebras4j.client.chat.ChatCompletion;
import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.chat.ChatMessage;
import io.github.cerebras4j.client.chat.ContentPart;
import io.github.cerebras4j.client.chat.DeveloperMessage;
import io.github.cerebras4j.client.chat.MessageContent;
import io.github.cerebras4j.client.chat.Prediction;
import io.github.cerebras4j.client.chat.ReasoningEffort;
import io.github.cerebras4j.client.chat.ReasoningFormat;
import io.github.cerebras4j.client.chat.ResponseFormat;
import io.github.cerebras4j.client.chat.ServiceTier;
import io.github.cerebras4j.client.chat.SystemMessage;
import io.github.cerebras4j.client.chat.Tool;
import io.github.cerebras4j.client.chat.ToolChoice;
import io.github.cerebras4j.client.chat.ToolMessage;
import io.github.cerebras4j.client.chat.UserMessage;
import io.github.cerebras4j.client.completions.Completion;
import io.github.cerebras4j.client.completions.CompletionChunk;
import io.github.cerebras4j.client.completions.CompletionRequest;
import io.github.cerebras4j.client.completions.Prompt;
import io.github.cerebras4j.client.core.AbstractGenerationRequest;
import io.github.cerebras4j.client.core.StreamOptions;
import io.github.cerebras4j.client.core.TimeInfo;
import io.github.cerebras4j.client.core.Usage;
import io.github.cerebras4j.client.error.ApiError;
import io.github.cerebras4j.client.error.ErrorChunk;
import io.github.cerebras4j.client.internal.RecordConstructors;
import io.github.cerebras4j.client.models.Model;
import io.github.cerebras4j.client.models.ModelList;
import com.fasterxml.jackson.annotation.JsonCreator;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;

/**
 * The reflection and resource hints of {@code cerebras-client} for Spring AOT and GraalVM native images, registered
 * through {@code META-INF/spring/aot.factories}.
 * <p>
 * A native image cannot scan packages at run time, so the types Jackson reads or writes are listed here by their
 * roots: {@link BindingReflectionHintsRegistrar} walks their fields, accessors and Jackson annotations to the nested
 * types. Subtypes named only in {@code @JsonSubTypes} or reached through a sealed interface are listed too, as are
 * the builders Jackson reads requests through, and the types of the requests' fields (the walk follows accessors,
 * and a request has none that Jackson uses). A new response or request type must be added to {@link #ROOTS};
 * {@code CerebrasClientRuntimeHintsTests} checks a sample of them.
 * <p>
 * On top of the binding hints: the canonical constructor of every record reached, which {@link RecordConstructors}
 * calls by reflection; the {@code @JsonCreator} factories and constructors of the types reached; the chunk
 * deserializer, which Jackson instantiates from its annotation; and {@code version.properties}, which
 * {@code internal.Version} reads as a resource.
 */
class CerebrasClientRuntimeHints implements RuntimeHintsRegistrar {

	/**
	 * The types Jackson reads or writes, from which the binding registrar walks to the types they hold.
	 */
	static final List<Class<?>> ROOTS = List.of(
			// chat: responses
			ChatCompletion.class, ChatCompletionChunk.class,
			// chat: the request, its builder, and the types of their fields
			ChatCompletionRequest.class, ChatCompletionRequest.Builder.class, ChatMessage.class, SystemMessage.class,
			DeveloperMessage.class, UserMessage.class, AssistantMessage.class, ToolMessage.class, MessageContent.class,
			MessageContent.Text.class, MessageContent.Parts.class, ContentPart.class, ContentPart.TextPart.class,
			ContentPart.ImageUrlPart.class, ContentPart.ImageUrl.class, ContentPart.ImagePart.class, ToolChoice.class,
			ToolChoice.Mode.class, ToolChoice.Function.class, ToolChoice.FunctionName.class, Tool.class,
			ResponseFormat.class, ResponseFormat.JsonSchema.class, Prediction.class, ReasoningEffort.class,
			ReasoningFormat.class, ServiceTier.class,
			// completions
			Completion.class, CompletionChunk.class, CompletionRequest.class, CompletionRequest.Builder.class,
			Prompt.class,
			// models
			ModelList.class, Model.class,
			// core
			AbstractGenerationRequest.class, AbstractGenerationRequest.AbstractBuilder.class, StreamOptions.class,
			Usage.class, TimeInfo.class,
			// errors
			ApiError.class, ErrorChunk.class);

	private static final String PACKAGE = "io.github.cerebras4j.client.";

	static final String CHUNK_DESERIALIZER = "io.github.cerebras4j.client.chat.ChatCompletionChunkDeserializer";

	static final String VERSION_RESOURCE = "io/github/cerebras4j/client/internal/version.properties";

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		ReflectionHints reflection = hints.reflection();
		new BindingReflectionHintsRegistrar().registerReflectionHints(reflection, ROOTS.toArray(Class<?>[]::new));
		registerConstructorsAndCreators(reflection, classLoader);
		reflection.registerType(TypeReference.of(CHUNK_DESERIALIZER), MemberCategory.INVOKE_DECLARED_CONSTRUCTORS);
		reflection.registerType(RecordConstructors.class, MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS);
		hints.resources().registerPattern(VERSION_RESOURCE);
	}

	/**
	 * Registers the canonical constructor of every record of this library the binding registrar reached, for
	 * {@link RecordConstructors}, and the {@code @JsonCreator} factories and constructors of each type of this library
	 * reached. The hints are shared with every other registrar of the application: the types of others are left alone.
	 */
	private static void registerConstructorsAndCreators(ReflectionHints reflection, @Nullable ClassLoader classLoader) {
		List<TypeReference> reached = reflection.typeHints()
			.map((hint) -> hint.getType())
			.filter((type) -> type.getName().startsWith(PACKAGE))
			.toList();
		for (TypeReference reference : reached) {
			Class<?> type = load(reference, classLoader);
			if (type == null) {
				continue;
			}
			if (type.isRecord()) {
				reflection.registerConstructor(canonicalConstructor(type), ExecutableMode.INVOKE);
			}
			registerCreators(reflection, type.getDeclaredConstructors());
			registerCreators(reflection, type.getDeclaredMethods());
		}
	}

	private static void registerCreators(ReflectionHints reflection, Executable[] executables) {
		for (Executable executable : executables) {
			if (executable.isAnnotationPresent(JsonCreator.class)) {
				if (executable instanceof Method method) {
					reflection.registerMethod(method, ExecutableMode.INVOKE);
				}
				else {
					reflection.registerConstructor((Constructor<?>) executable, ExecutableMode.INVOKE);
				}
			}
		}
	}

	private static @Nullable Class<?> load(TypeReference type, @Nullable ClassLoader classLoader) {
		try {
			return Class.forName(type.getName(), false,
					(classLoader != null) ? classLoader : CerebrasClientRuntimeHints.class.getClassLoader());
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return null;
		}
	}

	private static Constructor<?> canonicalConstructor(Class<?> record) {
		RecordComponent[] components = record.getRecordComponents();
		Class<?>[] parameterTypes = new Class<?>[components.length];
		for (int i = 0; i < components.length; i++) {
			parameterTypes[i] = components[i].getType();
		}
		try {
			return record.getDeclaredConstructor(parameterTypes);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException("A record without its canonical constructor: " + record.getName(), ex);
		}
	}

}
