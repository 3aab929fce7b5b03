package io.github.cerebras4j.sample;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import io.github.cerebras4j.client.ReactiveCerebrasTemplate;
import io.github.cerebras4j.client.models.Model;
import io.github.cerebras4j.client.models.ModelList;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.ErrorResponseException;

/**
 * The models a request may name: {@code sample.model}, and those Cerebras lists ({@code GET /v1/models}). The list is
 * fetched when a request first needs it and kept for {@code sample.model-list-ttl}; concurrent requests share one
 * call, and a failed call is not kept, so the next request asks again. A request that names no model, or
 * {@code sample.model}, needs no list. Any other model is refused with a 400 problem detail naming the allowed
 * models, before anything is sent to Cerebras.
 */
@Component
class ModelCatalog {

	private final String defaultModel;

	private final Mono<Listing> listing;

	@Autowired
	ModelCatalog(ReactiveCerebrasTemplate cerebras, SampleProperties properties) {
		this(() -> cerebras.models().list().map(ModelList::data), properties.model(), properties.modelListTtl(),
				InstantSource.system());
	}

	ModelCatalog(Supplier<Mono<List<Model>>> lister, String defaultModel, Duration ttl, InstantSource clock) {
		this.defaultModel = defaultModel;
		// cacheInvalidateIf keeps a value only: an error or an empty result is passed on and not kept
		this.listing = Mono.defer(lister)
			.map((models) -> new Listing(models, clock.instant().plus(ttl)))
			.cacheInvalidateIf((listing) -> !clock.instant().isBefore(listing.expiresAt()));
	}

	/**
	 * Returns the model asked when a request names none.
	 * @return {@code sample.model}
	 */
	String defaultModel() {
		return this.defaultModel;
	}

	/**
	 * Returns the models Cerebras lists, from the kept list while it is fresh.
	 * @return the models, or the failure of the call that lists them
	 */
	Mono<List<Model>> listed() {
		return this.listing.map(Listing::models);
	}

	/**
	 * Returns the model to ask for a request.
	 * @param model the model the request names, if any
	 * @return {@code sample.model} when the request names none, else the named model if it is allowed; an
	 * {@link ErrorResponseException} (400) if it is not, or the failure of the call that lists the models
	 */
	Mono<String> resolve(@Nullable String model) {
		if (!StringUtils.hasText(model) || model.equals(this.defaultModel)) {
			return Mono.just(this.defaultModel);
		}
		return listed().handle((models, sink) -> {
			Set<String> allowed = allowed(models);
			if (allowed.contains(model)) {
				sink.next(model);
			}
			else {
				sink.error(unknownModel(allowed));
			}
		});
	}

	private Set<String> allowed(List<Model> models) {
		Set<String> allowed = new LinkedHashSet<>();
		allowed.add(this.defaultModel);
		models.stream().map(Model::id).filter(Objects::nonNull).forEach(allowed::add);
		return allowed;
	}

	private static ErrorResponseException unknownModel(Set<String> allowed) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Ask one of the models Cerebras lists: " + String.join(", ", allowed) + ".");
		problem.setTitle("Unknown model");
		problem.setProperty("allowedModels", List.copyOf(allowed));
		return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
	}

	private record Listing(List<Model> models, Instant expiresAt) {
	}

}
