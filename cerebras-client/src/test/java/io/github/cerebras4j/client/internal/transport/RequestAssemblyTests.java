package io.github.cerebras4j.client.internal.transport;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.github.cerebras4j.client.core.RequestOptions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.mock.http.client.reactive.MockClientHttpRequest;
import org.springframework.mock.http.client.reactive.MockClientHttpResponse;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClientRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/**
 * {@link RequestAssembly} alone: the request it builds for a call, as a {@link ClientHttpConnector} stub receives it
 * from WebClient (URI and its encoding, headers merged from defaults and options, the bearer key, the JSON body
 * and the read timeout). No network.
 */
class RequestAssemblyTests {

	private static final String KEY = "csk-assembly-secret";

	private static final String BASE_URL = "https://api.test";

	private final List<MockClientHttpRequest> sent = new ArrayList<>();

	private final List<HttpHeaders> seenByFilters = new ArrayList<>();

	private @Nullable HttpClientRequest nativeRequest;

	private final WebClient webClient = WebClient.builder().clientConnector(this::connect).filter((request, next) -> {
		this.seenByFilters.add(request.headers());
		return next.exchange(request);
	}).build();

	@Test
	void uriIsBaseUrlPathAndTheCallsQueryThenTheOptionsQueryInOrder() {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("z", "1");
		query.put("a", "2");
		RequestOptions options = RequestOptions.builder().query("m", "3").query("b", "4").build();

		send(assembly(options, new HttpHeaders()), call(HttpMethod.GET, query, null));

		assertThat(sentRequest().getURI()).hasToString(BASE_URL + "/v1/test?z=1&a=2&m=3&b=4");
	}

	@Test
	void queryEncodesPlusSpacesAndUnicode() {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("q", "a+b c");
		query.put("name é", "☃&=");

		send(assembly(RequestOptions.NONE, new HttpHeaders()), call(HttpMethod.GET, query, null));

		assertThat(sentRequest().getURI().getRawQuery()).isEqualTo("q=a%2Bb%20c&name%20%C3%A9=%E2%98%83%26%3D");
		assertThat(sentRequest().getURI().getQuery()).isEqualTo("q=a+b c&name é=☃&=");
	}

	@Test
	void headersAreMergedDefaultsThenOptionsWithRemovedOnesLeftOut() {
		HttpHeaders defaults = new HttpHeaders();
		defaults.set("X-Default", "default");
		defaults.set("X-Option", "default");
		defaults.set("X-Removed", "default");
		RequestOptions options = RequestOptions.builder().header("X-Option", "option").removeHeader("x-removed").build();

		send(assembly(options, defaults), call(HttpMethod.GET, Map.of(), null));

		HttpHeaders headers = sentRequest().getHeaders();
		assertThat(headers.getFirst("X-Default")).isEqualTo("default");
		assertThat(headers.getFirst("X-Option")).isEqualTo("option");
		assertThat(headers.containsHeader("X-Removed")).isFalse();
	}

	@Test
	void bearerKeyIsOnTheOutgoingRequestButNotSeenByFilters() {
		send(assembly(RequestOptions.NONE, new HttpHeaders()),
				call(HttpMethod.GET, Map.of(), null));

		assertThat(sentRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + KEY);
		assertThat(this.seenByFilters).singleElement()
			.satisfies(headers -> assertThat(headers.containsHeader(HttpHeaders.AUTHORIZATION)).isFalse());
	}

	@Test
	void bodyIsSentAsJson() {
		byte[] body = "{\"model\":\"m\"}".getBytes(StandardCharsets.UTF_8);

		send(assembly(RequestOptions.NONE, new HttpHeaders()), call(HttpMethod.POST, Map.of(), body));

		assertThat(sentRequest().getMethod()).isEqualTo(HttpMethod.POST);
		assertThat(sentRequest().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
		assertThat(sentRequest().getBodyAsString().block()).isEqualTo("{\"model\":\"m\"}");
	}

	@Test
	void callWithoutBodyHasNeitherBodyNorContentType() {
		send(assembly(RequestOptions.NONE, new HttpHeaders()),
				call(HttpMethod.GET, Map.of(), null));

		assertThat(sentRequest().getMethod()).isEqualTo(HttpMethod.GET);
		assertThat(sentRequest().getHeaders().getContentType()).isNull();
		assertThat(sentRequest().getBody().collectList().block()).isEmpty();
	}

	@Test
	void readTimeoutIsSetOnTheReactorNettyRequest() {
		this.nativeRequest = mock(HttpClientRequest.class);

		send(assembly(RequestOptions.NONE, new HttpHeaders()), call(HttpMethod.GET, Map.of(), null));

		verify(this.nativeRequest).responseTimeout(Duration.ofSeconds(7));
	}

	private RequestAssembly assembly(RequestOptions options, HttpHeaders defaults) {
		return new RequestAssembly(this.webClient, new Secret(KEY), BASE_URL, defaults, options);
	}

	private static ApiCall call(HttpMethod method, Map<String, String> query, byte @Nullable [] body) {
		return new ApiCall(method, "/v1/test", query, body, "chat", "m");
	}

	private static void send(RequestAssembly assembly, ApiCall call) {
		assembly.request(call, Duration.ofSeconds(7)).exchangeToMono(ClientResponse::releaseBody).block();
	}

	private MockClientHttpRequest sentRequest() {
		assertThat(this.sent).hasSize(1);
		return this.sent.get(0);
	}

	/** The {@link ClientHttpConnector} of the client: records the request as WebClient wrote it, answers 200. */
	private Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
			Function<? super ClientHttpRequest, Mono<Void>> writer) {
		MockClientHttpRequest request = new MockClientHttpRequest(method, uri) {

			@Override
			@SuppressWarnings("unchecked")
			public <T> T getNativeRequest() {
				return (RequestAssemblyTests.this.nativeRequest != null)
						? (T) RequestAssemblyTests.this.nativeRequest : super.getNativeRequest();
			}

		};
		this.sent.add(request);
		return writer.apply(request).then(Mono.just(new MockClientHttpResponse(HttpStatus.OK)));
	}

}
