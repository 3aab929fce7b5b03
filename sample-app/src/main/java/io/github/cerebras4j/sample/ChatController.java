package io.github.cerebras4j.sample;

import io.github.cerebras4j.client.ReactiveCerebrasTemplate;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import org.jspecify.annotations.Nullable;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The chat API: {@code POST /api/chat} answers with JSON once the answer is complete, {@code GET /api/chat/stream}
 * re-streams it to the browser as server-sent events while the model writes it (see {@link AnswerStream}), and
 * {@code GET /api/models} lists the models. It uses the starter's {@link ReactiveCerebrasTemplate} and nothing else;
 * {@link ProblemHandler} turns failures into problem details.
 */
@RestController
@RequestMapping("/api")
class ChatController {

	private final ReactiveCerebrasTemplate cerebras;

	private final SampleProperties properties;

	ChatController(ReactiveCerebrasTemplate cerebras, SampleProperties properties) {
		this.cerebras = cerebras;
		this.properties = properties;
	}

	@PostMapping("/chat")
	Mono<ChatAnswer> chat(@RequestBody ChatRequest request) {
		ChatCompletionRequest completionRequest = completionRequest(request.prompt(), request.model());
		return Mono.defer(() -> {
			long start = System.nanoTime();
			return this.cerebras.chat()
				.completions()
				.create(completionRequest)
				.map((completion) -> ChatAnswer.of(completion, Math.round((System.nanoTime() - start) / 1e6)));
		});
	}

	@GetMapping(path = "/chat/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<Object>> stream(@RequestParam String prompt,
			@RequestParam(required = false) @Nullable String model) {
		ChatCompletionRequest completionRequest = completionRequest(prompt, model);
		return AnswerStream.events(this.cerebras.chat().completions().stream(completionRequest));
	}

	@GetMapping("/models")
	Mono<ModelsAnswer> models() {
		return this.cerebras.models().list().map((list) -> new ModelsAnswer(this.properties.model(), list.data()));
	}

	private ChatCompletionRequest completionRequest(@Nullable String prompt, @Nullable String model) {
		if (!StringUtils.hasText(prompt)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "prompt must not be blank");
		}
		return ChatCompletionRequest.builder()
			.model(StringUtils.hasText(model) ? model : this.properties.model())
			.user(prompt)
			.build();
	}

}
