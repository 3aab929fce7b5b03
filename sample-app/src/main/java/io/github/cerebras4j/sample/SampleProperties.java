package io.github.cerebras4j.sample;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sample's own settings, {@code sample.*}.
 *
 * @param model the model asked when a request names none
 */
@ConfigurationProperties("sample")
record SampleProperties(@DefaultValue("llama3.1-8b") String model) {
}
