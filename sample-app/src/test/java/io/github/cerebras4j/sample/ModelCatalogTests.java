package io.github.cerebras4j.sample;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.github.cerebras4j.client.error.CerebrasConnectionException;
import io.github.cerebras4j.client.models.Model;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ModelCatalog}: which models a request may name, and how long the list Cerebras gives is kept.
 */
class ModelCatalogTests {

	private static final Duration TTL = Duration.ofMinutes(10);

	private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));

	private final AtomicInteger calls = new AtomicInteger();

	private final List<Supplier<Mono<List<Model>>>> answers = new ArrayList<>();

	private final ModelCatalog catalog = new ModelCatalog(this::list, "llama3.1-8b", TTL, this.now::get);

	@Test
	void noModelOrTheDefaultModelNeedsNoList() {
		assertThat(this.catalog.resolve(null).block()).isEqualTo("llama3.1-8b");
		assertThat(this.catalog.resolve(" ").block()).isEqualTo("llama3.1-8b");
		assertThat(this.catalog.resolve("llama3.1-8b").block()).isEqualTo("llama3.1-8b");
		assertThat(this.calls).hasValue(0);
	}

	@Test
	void aListedModelIsAllowed() {
		answer("llama3.1-8b", "gpt-oss-120b");

		assertThat(this.catalog.resolve("gpt-oss-120b").block()).isEqualTo("gpt-oss-120b");
	}

	@Test
	void anUnlistedModelIsA400NamingTheDefaultAndTheListedModels() {
		answer("gpt-oss-120b", "qwen-3-32b");

		assertThatExceptionOfType(ErrorResponseException.class)
			.isThrownBy(() -> this.catalog.resolve("llama-4-scout-17b").block())
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
				assertThat(ex.getBody().getTitle()).isEqualTo("Unknown model");
				assertThat(ex.getBody().getDetail())
					.isEqualTo("Ask one of the models Cerebras lists: llama3.1-8b, gpt-oss-120b, qwen-3-32b.");
				assertThat(ex.getBody().getProperties()).containsEntry("allowedModels",
						List.of("llama3.1-8b", "gpt-oss-120b", "qwen-3-32b"));
			});
	}

	@Test
	void theListIsKeptForItsTimeToLive() {
		answer("gpt-oss-120b");
		answer("qwen-3-32b");

		assertThat(this.catalog.resolve("gpt-oss-120b").block()).isEqualTo("gpt-oss-120b");
		this.now.set(this.now.get().plus(TTL).minusSeconds(1));
		assertThat(this.catalog.resolve("gpt-oss-120b").block()).isEqualTo("gpt-oss-120b");
		assertThat(this.calls).hasValue(1);

		this.now.set(this.now.get().plusSeconds(1));
		assertThat(this.catalog.resolve("qwen-3-32b").block()).isEqualTo("qwen-3-32b");
		assertThat(this.calls).hasValue(2);
		assertThatExceptionOfType(ErrorResponseException.class)
			.isThrownBy(() -> this.catalog.resolve("gpt-oss-120b").block());
		assertThat(this.calls).hasValue(2);
	}

	@Test
	void aFailedListIsNotKept() {
		this.answers.add(() -> Mono.error(new CerebrasConnectionException("Connection refused", null)));
		answer("gpt-oss-120b");

		assertThatExceptionOfType(CerebrasConnectionException.class)
			.isThrownBy(() -> this.catalog.resolve("gpt-oss-120b").block());
		assertThat(this.catalog.resolve("gpt-oss-120b").block()).isEqualTo("gpt-oss-120b");
		assertThat(this.calls).hasValue(2);
	}

	@Test
	void concurrentRequestsShareOneCall() {
		Sinks.One<List<Model>> cerebras = Sinks.one();
		this.answers.add(cerebras::asMono);
		List<String> resolved = new ArrayList<>();

		this.catalog.resolve("gpt-oss-120b").subscribe(resolved::add);
		this.catalog.resolve("gpt-oss-120b").subscribe(resolved::add);
		assertThat(resolved).isEmpty();
		cerebras.tryEmitValue(List.of(model("gpt-oss-120b")));

		assertThat(resolved).containsExactly("gpt-oss-120b", "gpt-oss-120b");
		assertThat(this.calls).hasValue(1);
	}

	private void answer(String... ids) {
		List<Model> models = Arrays.stream(ids).map(ModelCatalogTests::model).toList();
		this.answers.add(() -> Mono.just(models));
	}

	private Mono<List<Model>> list() {
		return this.answers.get(this.calls.getAndIncrement()).get();
	}

	private static Model model(String id) {
		return new Model(id, "model", null, null, null, null, null, null, null, null, null, null, null, null, null,
				null, null, null, null, null, null, null, null, null, Map.of());
	}

}
