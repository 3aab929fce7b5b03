package io.github.cerebras4j.sample;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sample's own settings, {@code sample.*}.
 *
 * @param model the model asked when a request names none
 * @param modelListTtl how long the list of models Cerebras offers is kept before it is asked for again
 * @param allowedHosts the host names (or addresses) the application answers to, without the port: a request whose
 * {@code Host} header names another is refused, so that a site whose name an attacker re-points at this machine (DNS
 * rebinding) cannot use the API from its pages
 */
@ConfigurationProperties("sample")
record SampleProperties(@DefaultValue("llama3.1-8b") String model, @DefaultValue("10m") Duration modelListTtl,
		@DefaultValue({ "localhost", "127.0.0.1", "[::1]" }) List<String> allowedHosts) {
}
