package io.github.cerebras4j.autoconfigure;

import reactor.netty.http.client.HttpClient;

/**
 * Callback that customizes the Reactor Netty {@link HttpClient} under the auto-configured Cerebras templates, for
 * what no {@code cerebras.*} property sets (wire logging, a resolver, socket options). Every bean of this type is
 * applied, in {@link org.springframework.core.annotation.Order order}, after the client's own settings (its connection
 * pool, {@code cerebras.timeout.connect}, {@code cerebras.proxy.*}, {@code cerebras.ssl.bundle}), which it sees and
 * may replace; it applies to calls, warm-ups and health checks alike. It is the client builder's
 * {@code httpClientCustomizer(..)}.
 *
 * <p>Boot's {@code ClientHttpConnectorBuilderCustomizer}s and {@code spring.http.reactiveclient.*} do not apply to the
 * Cerebras client, whose connector is its own: this is the way to reach its Reactor Netty client.
 */
@FunctionalInterface
public interface CerebrasHttpClientCustomizer {

	/**
	 * Customizes the client.
	 * @param httpClient the client, with the Cerebras client's own settings applied
	 * @return the client to use, never {@code null}; Reactor Netty's clients are immutable, so usually
	 * {@code httpClient.something(..)}
	 */
	HttpClient customize(HttpClient httpClient);

}
