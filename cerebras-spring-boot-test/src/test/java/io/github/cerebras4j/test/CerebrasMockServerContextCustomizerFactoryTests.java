package io.github.cerebras4j.test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.Mockito.mock;

/**
 * {@link CerebrasMockServerContextCustomizerFactory}: which tests get a server, and the server's life with its
 * application context.
 */
class CerebrasMockServerContextCustomizerFactoryTests {

	private final CerebrasMockServerContextCustomizerFactory factory = new CerebrasMockServerContextCustomizerFactory();

	@Test
	void testWithoutTheAnnotationGetsNoServer() {
		assertThat(this.factory.createContextCustomizer(Plain.class, List.of())).isNull();
	}

	@Test
	void annotatedTestsAndTheirNestedClassesShareOneContextConfiguration() {
		ContextCustomizer annotated = this.factory.createContextCustomizer(Annotated.class, List.of());
		ContextCustomizer nested = this.factory.createContextCustomizer(Annotated.Inner.class, List.of());

		assertThat(annotated).isNotNull().isEqualTo(nested).hasSameHashCodeAs(nested);
	}

	@Test
	void serverIsABeanThatStopsWithTheContext() {
		CerebrasMockServer server;
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			this.factory.createContextCustomizer(Annotated.class, List.of())
				.customizeContext(context, mock(MergedContextConfiguration.class));
			context.refresh();
			server = context.getBean(CerebrasMockServer.class);

			assertThat(context.getEnvironment().getProperty("cerebras.base-url")).isEqualTo(server.baseUrl());
		}

		assertThatExceptionOfType(IOException.class).isThrownBy(() -> {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 1000);
			}
		});
	}

	static class Plain {

	}

	@AutoConfigureCerebrasMockServer
	static class Annotated {

		@Nested
		class Inner {

		}

	}

}
