package io.github.cerebras4j.test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * {@link CerebrasMockServerExtension}: one server per test class, injected, reset before each test, stopped
 * after the class. The fixtures run in their own JUnit engine, so that a fixture's failure is this test's failure.
 */
class CerebrasMockServerExtensionTests {

	private static Events run(Class<?> fixture) {
		return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute().testEvents();
	}

	@Test
	void serverIsInjectedIntoConstructorsAndTestMethodsAndResetBeforeEachTest() {
		run(ScriptedThenFresh.class).assertStatistics((stats) -> stats.started(2).succeeded(2));
	}

	@Test
	void serverIsStoppedAfterTheTestClass() {
		run(ScriptedThenFresh.class).assertStatistics((stats) -> stats.succeeded(2));

		assertThatExceptionOfType(IOException.class).isThrownBy(() -> {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", ScriptedThenFresh.server.port()), 1000);
			}
		});
	}

	@Test
	void nestedClassesShareTheServerOfTheirEnclosingClass() {
		run(WithNested.class).assertStatistics((stats) -> stats.started(2).succeeded(2));
	}

	@Test
	void registeredExtensionGivesItsServerToLifecycleMethods() {
		run(Registered.class).assertStatistics((stats) -> stats.started(1).succeeded(1));
	}

	@Test
	void serverOfARegisteredExtensionIsUnavailableBeforeTheClassStarts() {
		assertThatIllegalStateException().isThrownBy(() -> new CerebrasMockServerExtension().server());
	}

	private static String ask(CerebrasMockServer server, String question) {
		try (CerebrasTemplate cerebras = CerebrasTemplate.builder()
			.apiKey(CerebrasMockServer.TEST_API_KEY)
			.baseUrl(server.baseUrl())
			.environment((name) -> null)
			.warmUp(false)
			.build()) {
			return cerebras.chat()
				.completions()
				.create(ChatCompletionRequest.builder().model("llama3.1-8b").user(question).build())
				.content();
		}
	}

	@ExtendWith(CerebrasMockServerExtension.class)
	@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
	static class ScriptedThenFresh {

		static CerebrasMockServer server;

		@BeforeAll
		static void forgetTheLastRun() {
			server = null;
		}

		ScriptedThenFresh(CerebrasMockServer server) {
			if (ScriptedThenFresh.server == null) {
				ScriptedThenFresh.server = server;
			}
			assertThat(server).isSameAs(ScriptedThenFresh.server);
		}

		@Test
		@Order(1)
		void scripted(CerebrasMockServer server) {
			server.reply("Scripted.");

			assertThat(ask(server, "Hi")).isEqualTo("Scripted.");
			assertThat(server.chatRequests()).hasSize(1);
		}

		@Test
		@Order(2)
		void fresh(CerebrasMockServer server) {
			assertThat(server).isSameAs(ScriptedThenFresh.server);
			assertThat(server.chatRequests()).isEmpty();
			assertThat(ask(server, "Hi")).contains("\u201cHi\u201d");
		}

	}

	@ExtendWith(CerebrasMockServerExtension.class)
	static class WithNested {

		static CerebrasMockServer outer;

		@BeforeAll
		static void keep(CerebrasMockServer server) {
			outer = server;
		}

		@Test
		void outerTest(CerebrasMockServer server) {
			assertThat(server).isSameAs(outer);
		}

		@Nested
		class Inner {

			@Test
			void innerTest(CerebrasMockServer server) {
				assertThat(server).isSameAs(outer);
			}

		}

	}

	static class Registered {

		@RegisterExtension
		static final CerebrasMockServerExtension cerebras = new CerebrasMockServerExtension();

		static String scriptedInBeforeAll;

		@BeforeAll
		static void scriptBeforeTheClass() {
			scriptedInBeforeAll = cerebras.server().baseUrl();
		}

		@BeforeEach
		void scriptBeforeEachTest() {
			cerebras.server().reply("From @BeforeEach.");
		}

		@Test
		void scriptOfBeforeEachSurvivesTheReset() {
			assertThat(cerebras.server().baseUrl()).isEqualTo(scriptedInBeforeAll);
			assertThat(ask(cerebras.server(), "Hi")).isEqualTo("From @BeforeEach.");
		}

	}

}
