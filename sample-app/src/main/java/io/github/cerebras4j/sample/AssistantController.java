package io.github.cerebras4j.sample;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.github.cerebras4j.client.ReactiveCerebrasTemplate;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.chat.ToolRound;
import io.github.cerebras4j.client.chat.ToolRunOptions;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Structured outputs and tool calling: {@code POST /api/structured} answers with a {@link CityFacts} the model wrote
 * as JSON following the record's schema, and {@code POST /api/tools} lets the model call {@link LocalTimeTool}
 * before it answers, and reports the calls. Both take the same JSON body as the chat endpoints
 * ({@link ChatRequest}) and ask only the models {@link ModelCatalog} allows.
 */
@RestController
@RequestMapping("/api")
class AssistantController {

	static final String STRUCTURED_INSTRUCTIONS = "Answer with facts about the city the user asks about.";

	static final String TOOL_INSTRUCTIONS = "When the user asks what time it is somewhere, call the local_time tool"
			+ " with that place's IANA time zone, then answer in one sentence.";

	private final ReactiveCerebrasTemplate cerebras;

	private final ModelCatalog models;

	private final Clock clock;

	@Autowired
	AssistantController(ReactiveCerebrasTemplate cerebras, ModelCatalog models) {
		this(cerebras, models, Clock.systemUTC());
	}

	AssistantController(ReactiveCerebrasTemplate cerebras, ModelCatalog models, Clock clock) {
		this.cerebras = cerebras;
		this.models = models;
		this.clock = clock;
	}

	@PostMapping(path = "/structured", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<StructuredAnswer> structured(@RequestBody ChatRequest request) {
		return completionRequest(request, STRUCTURED_INSTRUCTIONS)
			.flatMap((completionRequest) -> this.cerebras.chat().completions().create(completionRequest, CityFacts.class))
			.map(StructuredAnswer::of);
	}

	@PostMapping(path = "/tools", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ToolAnswer> tools(@RequestBody ChatRequest request) {
		return completionRequest(request, TOOL_INSTRUCTIONS).flatMap((completionRequest) -> {
			List<ToolRound> rounds = Collections.synchronizedList(new ArrayList<>());
			ToolRunOptions options = ToolRunOptions.defaults().withMaxToolRounds(3).withRoundListener(rounds::add);
			return this.cerebras.chat()
				.completions()
				.runTools(completionRequest, List.of(LocalTimeTool.of(this.clock)), options)
				.map((result) -> ToolAnswer.of(result, List.copyOf(rounds)));
		});
	}

	private Mono<ChatCompletionRequest> completionRequest(ChatRequest request, String instructions) {
		String prompt = request.prompt();
		if (!StringUtils.hasText(prompt)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "prompt must not be blank");
		}
		return this.models.resolve(request.model())
			.map((model) -> ChatCompletionRequest.builder().model(model).system(instructions).user(prompt).build());
	}

}
