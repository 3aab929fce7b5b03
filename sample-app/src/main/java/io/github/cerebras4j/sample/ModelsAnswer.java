package io.github.cerebras4j.sample;

import java.util.List;

import io.github.cerebras4j.client.models.Model;

/**
 * The answer of {@code GET /api/models}.
 *
 * @param defaultModel the model asked when a request names none ({@code sample.model})
 * @param models the models Cerebras offers, as it describes them
 */
record ModelsAnswer(String defaultModel, List<Model> models) {
}
