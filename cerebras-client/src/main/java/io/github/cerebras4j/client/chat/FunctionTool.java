package io.github.cerebras4j.client.chat;

import java.util.function.Function;

import io.github.cerebras4j.client.internal.JsonSchemas;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tool the model may call, with the Java code that runs it: its arguments are a record (or any type Jackson reads),
 * whose strict JSON Schema is generated as for structured outputs (see
 * {@link ResponseFormat#jsonSchema(java.lang.reflect.Type)}), and its function turns the arguments into a result.
 * A {@code String} result is sent to the model as it is; any other is written as JSON. Give a list of them to
 * {@code chat().completions().runTools(request, tools)}, which calls the model, runs the tools it asks for and sends
 * their results back until it answers.
 *
 * <pre class="code">
 * record TimeRequest(String city) {
 * }
 * FunctionTool&lt;TimeRequest&gt; time = FunctionTool.of("get_time", "Returns the time in a city", TimeRequest.class,
 * 		(request) -&gt; clock.timeIn(request.city()));
 * </pre>
 *
 * @param <A> the type of the arguments
 */
public final class FunctionTool<A> {

	private static final JsonMapper RESULTS = JsonMapper.builder().build();

	private final Tool definition;

	private final Class<A> argumentsType;

	private final Function<? super A, ? extends @Nullable Object> function;

	private FunctionTool(String name, @Nullable String description, Class<A> argumentsType,
			Function<? super A, ? extends @Nullable Object> function) {
		if (argumentsType == null) {
			throw new IllegalArgumentException("'argumentsType' must not be null");
		}
		if (function == null) {
			throw new IllegalArgumentException("'function' must not be null");
		}
		this.definition = Tool.function(
				new FunctionDefinition(name, description, JsonSchemas.strictSchemaOf(argumentsType), true));
		this.argumentsType = argumentsType;
		this.function = function;
	}

	/**
	 * Creates a tool from a function of its arguments, a lambda or a method reference.
	 * @param name the function's name, which the model calls it by
	 * @param description what the function does, which helps the model decide when to call it
	 * @param argumentsType the type of the arguments, usually a record
	 * @param function computes the result from the arguments; what it throws is reported to the model, unless the
	 * run is told otherwise
	 * @param <A> the type of the arguments
	 * @return the tool
	 */
	public static <A> FunctionTool<A> of(String name, @Nullable String description, Class<A> argumentsType,
			Function<? super A, ? extends @Nullable Object> function) {
		return new FunctionTool<>(name, description, argumentsType, function);
	}

	/**
	 * Returns the function's name.
	 * @return the name
	 */
	public String name() {
		return this.definition.function().name();
	}

	/**
	 * Returns the tool as sent in {@code tools[]}: a function with the strict schema of the arguments and
	 * {@code strict: true}.
	 * @return the tool's definition
	 */
	public Tool definition() {
		return this.definition;
	}

	/**
	 * Returns the type of the arguments.
	 * @return the arguments type
	 */
	public Class<A> argumentsType() {
		return this.argumentsType;
	}

	/**
	 * Reads the arguments the model sent and runs the function.
	 * @param argumentsJson the arguments, as JSON text ({@code function.arguments} of the tool call)
	 * @return the result as the text of the tool message: a {@code String} result as it is, {@code null} as
	 * {@code "null"}, any other written as JSON
	 * @throws IllegalArgumentException when the arguments are not JSON of the arguments type
	 * @throws RuntimeException what the function threw
	 */
	public String call(String argumentsJson) {
		A arguments;
		try {
			arguments = JsonSchemas.read(argumentsJson, this.argumentsType);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("The arguments do not match the parameters of '" + name() + "': "
					+ ex.getOriginalMessage(), ex);
		}
		Object result = this.function.apply(arguments);
		if (result instanceof String text) {
			return text;
		}
		return RESULTS.writeValueAsString(result);
	}

	@Override
	public String toString() {
		return "FunctionTool[" + name() + "(" + this.argumentsType.getSimpleName() + ")]";
	}

}
