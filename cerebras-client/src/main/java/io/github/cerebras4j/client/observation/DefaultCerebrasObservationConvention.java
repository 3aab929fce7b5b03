package io.github.cerebras4j.client.observation;

import java.time.Duration;

import io.github.cerebras4j.client.core.ResponseMetadata;
import io.github.cerebras4j.client.core.Usage;
import io.github.cerebras4j.client.error.CerebrasApiException;
import io.github.cerebras4j.client.observation.CerebrasObservationDocumentation.HighCardinalityKeyNames;
import io.github.cerebras4j.client.observation.CerebrasObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

/**
 * The default names and tags: the observation (and its timer) is {@code gen_ai.client.operation.duration}, the
 * span is named {@code "{operation} {model}"}, and the tags are the low-cardinality keys of
 * {@link CerebrasObservationDocumentation}. Never the API key, the prompt or the generated text.
 */
public class DefaultCerebrasObservationConvention implements CerebrasObservationConvention {

	/** The observation's name, and so the name of its timer. */
	public static final String NAME = "gen_ai.client.operation.duration";

	/** The provider name of the GenAI conventions. */
	public static final String PROVIDER = "cerebras";

	/**
	 * Creates the default convention. To change or add a name or tag, extend it and give the subclass to the client
	 * builder's {@code observationConvention}, or declare it as a bean for the starter.
	 */
	public DefaultCerebrasObservationConvention() {
	}

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(CerebrasObservationContext context) {
		String model = context.requestModel();
		return (model != null) ? context.operation() + " " + model : context.operation();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(CerebrasObservationContext context) {
		return KeyValues.of(LowCardinalityKeyNames.OPERATION.withValue(context.operation()),
				LowCardinalityKeyNames.PROVIDER.withValue(PROVIDER), LowCardinalityKeyNames.SYSTEM.withValue(PROVIDER),
				LowCardinalityKeyNames.REQUEST_MODEL.withValue(orNone(context.requestModel())),
				LowCardinalityKeyNames.STREAMING.withValue(String.valueOf(context.streaming())), outcome(context),
				status(context), errorType(context));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(CerebrasObservationContext context) {
		KeyValues values = KeyValues.of(HighCardinalityKeyNames.SERVER_ADDRESS.withValue(context.serverAddress()),
				HighCardinalityKeyNames.RETRIES.withValue(String.valueOf(context.retries())));
		Duration ttft = context.timeToFirstChunk();
		if (ttft != null) {
			values = values.and(HighCardinalityKeyNames.TIME_TO_FIRST_CHUNK.withValue(seconds(ttft)));
		}
		if (context.responseModel() != null) {
			values = values.and(HighCardinalityKeyNames.RESPONSE_MODEL.withValue(context.responseModel()));
		}
		Usage usage = context.usage();
		if (usage != null && usage.promptTokens() != null) {
			values = values.and(HighCardinalityKeyNames.INPUT_TOKENS.withValue(String.valueOf(usage.promptTokens())));
		}
		if (usage != null && usage.completionTokens() != null) {
			values = values
				.and(HighCardinalityKeyNames.OUTPUT_TOKENS.withValue(String.valueOf(usage.completionTokens())));
		}
		return values;
	}

	/**
	 * Returns the outcome tag: {@code CANCELLED} when the caller cancelled, {@code ERROR} when the call failed,
	 * {@code SUCCESS} otherwise.
	 * @param context the context
	 * @return the tag
	 */
	protected KeyValue outcome(CerebrasObservationContext context) {
		String outcome = context.cancelled() ? "CANCELLED" : (context.getError() != null) ? "ERROR" : "SUCCESS";
		return LowCardinalityKeyNames.OUTCOME.withValue(outcome);
	}

	/**
	 * Returns the status tag: the status of an error response, else of the response that answered, else
	 * {@code NONE}.
	 * @param context the context
	 * @return the tag
	 */
	protected KeyValue status(CerebrasObservationContext context) {
		if (context.getError() instanceof CerebrasApiException api) {
			return LowCardinalityKeyNames.STATUS.withValue(String.valueOf(api.statusCode()));
		}
		ResponseMetadata response = context.response();
		return LowCardinalityKeyNames.STATUS
			.withValue((response != null) ? String.valueOf(response.status().value()) : "NONE");
	}

	/**
	 * Returns the error type tag: the simple class name of the exception, {@code none} without one.
	 * @param context the context
	 * @return the tag
	 */
	protected KeyValue errorType(CerebrasObservationContext context) {
		Throwable error = context.getError();
		return LowCardinalityKeyNames.ERROR_TYPE.withValue((error != null) ? error.getClass().getSimpleName() : "none");
	}

	private static String orNone(@Nullable String value) {
		return (value != null) ? value : "none";
	}

	private static String seconds(Duration duration) {
		return String.valueOf(duration.toNanos() / 1e9);
	}

}
