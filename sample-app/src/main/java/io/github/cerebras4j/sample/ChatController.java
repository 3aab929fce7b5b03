package io.github.cerebras4j.sample;

import io.github.cerebras4j.client.ReactiveCerebrasTemplate;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The chat API: {@code POST /api/chat} answers with JSON once the answer is complete, {@code POST /api/chat/stream}
 * re-streams it to the browser as server-sent events while the model writes it (see {@link AnswerStream}), and
 * {@code GET /api/models} lists the models. Both chat endpoints take a JSON body ({@link ChatRequest}), which a page
 * of another site cannot send without a CORS preflight (refused, see {@link RequestGuard}), and ask only the models
 * {@link ModelCatalog} allows. It uses the starter's {@link ReactiveCerebrasTemplate} and nothing else;
 * {@link ProblemHandler} turns failures into problem details.
 */
@RestController
@RequestMapping("/api")
class ChatController {

	private final ReactiveCerebrasTemplate cerebras;

	private final ModelCatalog models;

	ChatController(ReactiveCerebrasTemplate cerebras, ModelCatalog models) {
		this.cerebras = cerebras;
		this.models = models;
	}

	@PostMapping(path = "/chat", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ChatAnswer> chat(@RequestBody ChatRequest request) {
		return completionRequest(request).flatMap((completionRequest) -> {
			long start = System.nanoTime();
			return this.cerebras.chat()
				.completions()
				.create(completionRequest)
				.map((completion) -> ChatAnswer.of(completion, Math.round((System.nanoTime() - start) / 1e6)));
		});
	}

	@PostMapping(path = "/chat/stream", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<Object>> stream(@RequestBody ChatRequest request) {
		return completionRequest(request).flatMapMany(
				(completionRequest) -> AnswerStream.events(this.cerebras.chat().completions().stream(completionRequest)));
	}

	@GetMapping("/models")
	Mono<ModelsAnswer> models() {
		return this.models.listed().map((list) -> new ModelsAnswer(this.models.defaultModel(), list));
	}

	private Mono<ChatCompletionRequest> completionRequest(ChatRequest request) {
		String prompt = request.prompt();
		if (!StringUtils.hasText(prompt)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "prompt must not be blank");
		}
		return this.models.resolve(request.model())
			.map((model) -> ChatCompletionRequest.builder().model(model).user(prompt).build());
	}

}
