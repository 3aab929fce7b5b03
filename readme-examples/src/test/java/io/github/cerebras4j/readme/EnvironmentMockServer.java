package io.github.cerebras4j.readme;

import java.net.URI;

import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.client.ReactiveCerebrasTemplate;
import io.github.cerebras4j.test.CerebrasMockServer;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit extension for snippets that build a template without a base URL or key, such as
 * {@code CerebrasTemplate.builder().build()}: it runs the {@link CerebrasMockServer} that the
 * {@code CEREBRAS_BASE_URL} environment variable points at, which this module's build sets, with
 * {@code CEREBRAS_API_KEY}, to 127.0.0.1 and a port it reserved. One server serves every test class; it is reset
 * before each test and injected into test methods, and so are a {@link CerebrasTemplate} and a
 * {@link ReactiveCerebrasTemplate} built from those variables (without warm-up), closed after the test.
 */
class EnvironmentMockServer implements BeforeEachCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(EnvironmentMockServer.class);

	@Override
	public void beforeEach(ExtensionContext context) {
		server(context).reset();
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		Class<?> type = parameterContext.getParameter().getType();
		return type == CerebrasMockServer.class || type == CerebrasTemplate.class
				|| type == ReactiveCerebrasTemplate.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		CerebrasMockServer server = server(extensionContext);
		Class<?> type = parameterContext.getParameter().getType();
		if (type == CerebrasMockServer.class) {
			return server;
		}
		AutoCloseable template = (type == CerebrasTemplate.class) ? CerebrasTemplate.builder().warmUp(false).build()
				: ReactiveCerebrasTemplate.builder().warmUp(false).build();
		// the test's own store closes it when the test is done
		extensionContext.getStore(NAMESPACE).put(parameterContext, template);
		return template;
	}

	private static CerebrasMockServer server(ExtensionContext context) {
		return context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(CerebrasMockServer.class, (key) -> start(), CerebrasMockServer.class);
	}

	private static CerebrasMockServer start() {
		String baseUrl = System.getenv("CEREBRAS_BASE_URL");
		String apiKey = System.getenv("CEREBRAS_API_KEY");
		if (baseUrl == null || !baseUrl.startsWith("http://127.0.0.1:")
				|| !CerebrasMockServer.TEST_API_KEY.equals(apiKey)) {
			throw new IllegalStateException("The README snippets build templates from CEREBRAS_BASE_URL and "
					+ "CEREBRAS_API_KEY, which must point at a CerebrasMockServer on 127.0.0.1 with its test key "
					+ "(CEREBRAS_BASE_URL is " + baseUrl + "): run them with Maven, "
					+ "mvn -B -pl readme-examples -am verify, whose build sets both");
		}
		return CerebrasMockServer.start(URI.create(baseUrl).getPort());
	}

}
