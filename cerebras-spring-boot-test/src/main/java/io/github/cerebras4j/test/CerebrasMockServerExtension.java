package io.github.cerebras4j.test;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit extension that runs one {@link CerebrasMockServer} per test class (shared with its {@code @Nested}
 * classes), resets it before each test and stops it after the class. It injects the server into test
 * constructors, test methods and lifecycle methods:
 * <pre>{@code
 * @ExtendWith(CerebrasMockServerExtension.class)
 * class AssistantTests {
 *
 *     @Test
 *     void answersFromTheModel(CerebrasMockServer server) {
 *         server.reply("Paris.");
 *         CerebrasTemplate cerebras = CerebrasTemplate.builder().baseUrl(server.baseUrl())
 *             .apiKey(CerebrasMockServer.TEST_API_KEY).build();
 *         // ...
 *     }
 *
 * }
 * }</pre>
 * Registered with {@code @RegisterExtension} on a static field, {@link #server()} returns the server too. Script
 * the server in the test or a {@code @BeforeEach} method: the reset comes before them.
 */
public final class CerebrasMockServerExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(CerebrasMockServerExtension.class);

	private volatile @Nullable CerebrasMockServer server;

	/**
	 * Creates the extension, as JUnit does for {@code @ExtendWith}; or create it in a static {@code @RegisterExtension}
	 * field.
	 */
	public CerebrasMockServerExtension() {
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		server(context);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		server(context).reset();
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == CerebrasMockServer.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return server(extensionContext);
	}

	/**
	 * Returns the server of the running test class.
	 * @return the server
	 * @throws IllegalStateException if no test class has started it yet
	 */
	public CerebrasMockServer server() {
		CerebrasMockServer server = this.server;
		if (server == null) {
			throw new IllegalStateException("The server starts with the test class; use it in a test or a callback");
		}
		return server;
	}

	/**
	 * Finds the server of the test class (or of the class that encloses a nested one), starting it on first use;
	 * the class's store closes it when the class is done.
	 */
	private CerebrasMockServer server(ExtensionContext context) {
		ExtensionContext.Store store = classContext(context).getStore(NAMESPACE);
		CerebrasMockServer server = store.computeIfAbsent(CerebrasMockServer.class,
				(key) -> CerebrasMockServer.start(), CerebrasMockServer.class);
		this.server = server;
		return server;
	}

	private static ExtensionContext classContext(ExtensionContext context) {
		ExtensionContext classContext = context;
		while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
			classContext = classContext.getParent().get();
		}
		return classContext;
	}

}
