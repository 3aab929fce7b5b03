package io.github.cerebras4j.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.github.cerebras4j.client.chat.AssistantMessage;
import io.github.cerebras4j.client.chat.ChatCompletion;
import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import io.github.cerebras4j.client.chat.ChatCompletionMessage;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.chat.FunctionTool;
import io.github.cerebras4j.client.chat.ToolCall;
import io.github.cerebras4j.client.chat.ToolCallAccumulator;
import io.github.cerebras4j.client.chat.ToolRound;
import io.github.cerebras4j.client.chat.ToolRunOptions;
import io.github.cerebras4j.client.chat.ToolRunResult;
import io.github.cerebras4j.client.error.CerebrasToolExecutionException;
import io.github.cerebras4j.client.error.CerebrasToolRoundsExceededException;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.ContextView;

import org.springframework.util.Assert;

/**
 * The loop of a tool run: sends the request with the tools, runs the tools the model calls (the calls of one reply
 * at the same time, on the bounded elastic scheduler, since a tool may block), appends the assistant message with
 * its tool calls and one tool message per call, in the order of the calls, and sends again until the model answers
 * without calling a tool.
 */
final class ToolLoop {

	/** The name of a tool run's observation, whose children are the chat calls of its rounds. */
	static final String OBSERVATION_NAME = "cerebras.client.tool.run";

	private static final String ROUNDS = "cerebras.tool.rounds";

	private final Function<ChatCompletionRequest, Mono<ChatCompletion>> send;

	private final Function<ChatCompletionRequest, Flux<ChatCompletionChunk>> stream;

	private final Map<String, FunctionTool<?>> tools = new LinkedHashMap<>();

	private final ToolRunOptions options;

	private final ObservationRegistry registry;

	ToolLoop(Function<ChatCompletionRequest, Mono<ChatCompletion>> send,
			Function<ChatCompletionRequest, Flux<ChatCompletionChunk>> stream, List<? extends FunctionTool<?>> tools,
			ToolRunOptions options, ObservationRegistry registry) {
		Assert.notNull(tools, "'tools' must not be null");
		Assert.notEmpty(tools, "'tools' must not be empty");
		Assert.notNull(options, "'options' must not be null");
		this.send = send;
		this.stream = stream;
		for (FunctionTool<?> tool : tools) {
			Assert.notNull(tool, "'tools' must not contain null");
			if (this.tools.putIfAbsent(tool.name(), tool) != null) {
				throw new IllegalArgumentException("Two tools are named '" + tool.name() + "'");
			}
		}
		this.options = options;
		this.registry = registry;
	}

	/**
	 * Runs the tools for a request. The run is one observation, {@value #OBSERVATION_NAME}, and the chat call of
	 * every round is observed as its child.
	 * @param request the request
	 * @return the final answer and the conversation
	 */
	Mono<ToolRunResult> run(ChatCompletionRequest request) {
		return Mono.deferContextual((subscriber) -> {
			Observation run = startObservation(request, subscriber);
			// stopped before the caller hears of the end, so a caller that has the result sees a stopped observation
			return round(withTools(request), 0).doOnSuccess((result) -> {
				if (result != null) {
					run.highCardinalityKeyValue(ROUNDS, String.valueOf(result.toolRounds()));
				}
				run.stop();
			}).doOnError((ex) -> run.error(ex).stop()).doOnCancel(run::stop)
				.contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, run));
		});
	}

	/**
	 * Runs the tools for a request as a stream: the chunks of every round, in order, as they arrive. The rounds that
	 * call tools carry the fragments of their calls, which are put together ({@link ToolCallAccumulator}) and run
	 * when the round ends; the last round carries the answer's tokens. Observed as {@link #run(ChatCompletionRequest)}
	 * is.
	 * @param request the request
	 * @return the chunks of every round
	 */
	Flux<ChatCompletionChunk> stream(ChatCompletionRequest request) {
		return Flux.deferContextual((subscriber) -> {
			Observation run = startObservation(request, subscriber);
			int[] rounds = new int[1];
			return streamRound(withTools(request), 0, rounds).doOnComplete(() -> {
				run.highCardinalityKeyValue(ROUNDS, String.valueOf(rounds[0]));
				run.stop();
			}).doOnError((ex) -> run.error(ex).stop()).doOnCancel(run::stop)
				.contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, run));
		});
	}

	private ChatCompletionRequest withTools(ChatCompletionRequest request) {
		return request.toBuilder().tools(this.tools.values().stream().map(FunctionTool::definition).toList()).build();
	}

	private Observation startObservation(ChatCompletionRequest request, ContextView subscriber) {
		Observation run = Observation.createNotStarted(OBSERVATION_NAME, this.registry)
			.contextualName("tool_run " + request.model())
			.lowCardinalityKeyValue("gen_ai.provider.name", "cerebras")
			.lowCardinalityKeyValue("gen_ai.request.model", request.model());
		Observation parent = subscriber.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
		if (parent != null && !run.isNoop()) {
			run.parentObservation(parent);
		}
		return run.start();
	}

	private Mono<ToolRunResult> round(ChatCompletionRequest request, int toolRoundsRun) {
		return this.send.apply(request).flatMap((completion) -> {
			List<ToolCall> calls = completion.toolCalls();
			if (calls.isEmpty()) {
				return Mono.just(new ToolRunResult(completion, request.messages(), toolRoundsRun));
			}
			if (toolRoundsRun >= this.options.maxToolRounds()) {
				return Mono.error(new CerebrasToolRoundsExceededException(this.options.maxToolRounds(),
						calls.stream().map(ToolLoop::name).toList()));
			}
			return execute(calls).flatMap((results) -> {
				this.options.roundListener().accept(new ToolRound(toolRoundsRun + 1, completion, calls, results));
				ChatCompletionMessage message = completion.choices().get(0).message();
				Assert.state(message != null, "A completion that calls tools has a message");
				return round(next(request, message.toAssistantMessage(), calls, results), toolRoundsRun + 1);
			});
		});
	}

	private Flux<ChatCompletionChunk> streamRound(ChatCompletionRequest request, int toolRoundsRun, int[] rounds) {
		return Flux.defer(() -> {
			ToolCallAccumulator accumulator = new ToolCallAccumulator();
			return this.stream.apply(request).doOnNext(accumulator::accept).concatWith(Flux.defer(() -> {
				List<ToolCall> calls = accumulator.toolCalls().stream().map(ToolLoop::withoutIndex).toList();
				if (calls.isEmpty()) {
					rounds[0] = toolRoundsRun;
					return Flux.empty();
				}
				if (toolRoundsRun >= this.options.maxToolRounds()) {
					return Flux.error(new CerebrasToolRoundsExceededException(this.options.maxToolRounds(),
							calls.stream().map(ToolLoop::name).toList()));
				}
				return execute(calls).flatMapMany((results) -> streamRound(
						next(request, AssistantMessage.ofToolCalls(calls), calls, results), toolRoundsRun + 1, rounds));
			}));
		});
	}

	/** Runs the calls of one reply at the same time; the results are in the order of the calls. */
	private Mono<List<String>> execute(List<ToolCall> calls) {
		return Flux.fromIterable(calls)
			.flatMapSequential((call) -> Mono.fromCallable(() -> execute(call)).subscribeOn(Schedulers.boundedElastic()))
			.collectList();
	}

	/** A call put together from a stream, as the model's message carries it: without its position in the stream. */
	private static ToolCall withoutIndex(ToolCall call) {
		String arguments = (call.function() != null) ? call.function().arguments() : null;
		return ToolCall.of(call.id(), name(call), (arguments != null) ? arguments : "");
	}

	private static ChatCompletionRequest next(ChatCompletionRequest request, AssistantMessage assistant,
			List<ToolCall> calls, List<String> results) {
		ChatCompletionRequest.Builder next = request.toBuilder().message(assistant);
		for (int i = 0; i < calls.size(); i++) {
			next.tool(calls.get(i).id(), results.get(i));
		}
		return next.build();
	}

	private String execute(ToolCall call) {
		String name = name(call);
		try {
			FunctionTool<?> tool = this.tools.get(name);
			if (tool == null) {
				throw new IllegalArgumentException(
						"There is no tool named '" + name + "'; the tools are " + new ArrayList<>(this.tools.keySet()));
			}
			String arguments = (call.function() != null) ? call.function().arguments() : null;
			return tool.call((arguments != null && !arguments.isBlank()) ? arguments : "{}");
		}
		catch (Exception ex) {
			Function<Exception, String> errorText = this.options.errorText();
			if (errorText == null) {
				String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getName();
				throw new CerebrasToolExecutionException(name, call.id(), message, ex);
			}
			String text = errorText.apply(ex);
			return (text != null) ? text : "Error";
		}
	}

	private static String name(ToolCall call) {
		return (call.function() != null && call.function().name() != null) ? call.function().name() : "";
	}

}
