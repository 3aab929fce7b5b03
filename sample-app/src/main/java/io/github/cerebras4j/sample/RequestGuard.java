package io.github.cerebras4j.sample;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Keeps the pages of other sites from using the application, and with it the API key's tokens. A browser sends
 * requests to 127.0.0.1 for any page it shows, so without this guard any site its user visits could make it ask the
 * application questions:
 * <ul>
 * <li>a request must be addressed to one of {@code sample.allowed-hosts} ({@code Host} header): a site whose DNS name
 * an attacker points at 127.0.0.1 (DNS rebinding) would otherwise be same-origin with the application;</li>
 * <li>a request to {@code /api} from another origin ({@code Origin} other than the application's own), or from
 * another site as the browser's fetch metadata says ({@code Sec-Fetch-Site: cross-site} or {@code same-site}), is
 * refused: the application's own page is its only browser client. Requests that send neither (curl, scripts)
 * pass.</li>
 * </ul>
 * No CORS is configured, so a preflight from another origin is refused too, and a page of another origin cannot send
 * the JSON body that the chat endpoints require. Refusals are 403 problem details, logged at INFO.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestGuard implements WebFilter {

	private static final Log logger = LogFactory.getLog(RequestGuard.class);

	private static final Set<String> OTHER_SITES = Set.of("cross-site", "same-site");

	private final Set<String> allowedHosts;

	private final ServerResponse.Context context;

	RequestGuard(SampleProperties properties, ServerCodecConfigurer codecs) {
		this.allowedHosts = properties.allowedHosts()
			.stream()
			.map(RequestGuard::normalizedHost)
			.collect(Collectors.toUnmodifiableSet());
		this.context = new ServerResponse.Context() {

			@Override
			public List<HttpMessageWriter<?>> messageWriters() {
				return codecs.getWriters();
			}

			@Override
			public List<ViewResolver> viewResolvers() {
				return List.of();
			}

		};
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		URI uri = request.getURI();
		if (uri.getHost() == null || !this.allowedHosts.contains(normalizedHost(uri.getHost()))) {
			return refuse(exchange, "Unknown host name",
					"This application answers only to " + String.join(", ", this.allowedHosts.stream().sorted().toList())
							+ " (sample.allowed-hosts), not to " + uri.getHost() + ".");
		}
		String path = request.getPath().pathWithinApplication().value();
		if ((path.equals("/api") || path.startsWith("/api/")) && isFromAnotherSite(request)) {
			String origin = request.getHeaders().getOrigin();
			return refuse(exchange, "Cross-site request refused",
					"The API answers only the page of this application, not a page of "
							+ ((origin != null) ? origin : "another site") + ".");
		}
		return chain.filter(exchange);
	}

	private static boolean isFromAnotherSite(ServerHttpRequest request) {
		HttpHeaders headers = request.getHeaders();
		String origin = headers.getOrigin();
		String site = headers.getFirst("Sec-Fetch-Site");
		return (origin != null && !isSameOrigin(request.getURI(), origin))
				|| (site != null && OTHER_SITES.contains(site.toLowerCase(Locale.ROOT)));
	}

	private static boolean isSameOrigin(URI request, String origin) {
		try {
			URI other = new URI(origin);
			return request.getScheme().equalsIgnoreCase(other.getScheme()) && other.getHost() != null
					&& normalizedHost(request.getHost()).equals(normalizedHost(other.getHost()))
					&& port(request) == port(other);
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static int port(URI uri) {
		if (uri.getPort() != -1) {
			return uri.getPort();
		}
		return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
	}

	private static String normalizedHost(String host) {
		String lowerCase = host.strip().toLowerCase(Locale.ROOT);
		return (lowerCase.contains(":") && !lowerCase.startsWith("[")) ? "[" + lowerCase + "]" : lowerCase;
	}

	private Mono<Void> refuse(ServerWebExchange exchange, String title, @Nullable String detail) {
		ServerHttpRequest request = exchange.getRequest();
		logger.info(title + ": " + request.getMethod() + " " + request.getPath() + " (" + detail + ")");
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
		problem.setTitle(title);
		problem.setInstance(URI.create(request.getPath().value()));
		return ServerResponse.status(HttpStatus.FORBIDDEN)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyValue(problem)
			.flatMap((response) -> response.writeTo(exchange, this.context));
	}

}
