package io.github.cerebras4j.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Points a Spring Boot test's application at a {@link CerebrasMockServer}: one server per application context
 * (started with it, stopped when it closes), available as a bean to {@code @Autowired}, reset before each test
 * method. Sets {@code cerebras.base-url} to the server and {@code cerebras.api-key} to
 * {@link CerebrasMockServer#TEST_API_KEY}, above the application's own configuration, environment variables and
 * system properties, but below the test's own properties ({@code @SpringBootTest(properties = ...)},
 * {@code @TestPropertySource}, {@code @DynamicPropertySource}):
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureCerebrasMockServer
 * class AssistantServiceTests {
 *
 *     @Autowired
 *     CerebrasMockServer cerebras;
 *
 *     @Autowired
 *     AssistantService assistant;
 *
 *     @Test
 *     void answersWithTheModelsReply() {
 *         cerebras.reply("Paris.");
 *         assertThat(assistant.ask("Capital of France?")).isEqualTo("Paris.");
 *         assertThat(cerebras.lastChatRequest().messages()).hasSize(2);
 *     }
 *
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureCerebrasMockServer {

}
