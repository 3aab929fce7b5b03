package io.github.cerebras4j.standalone;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The class path these tests run on has neither Spring Boot nor spring-test, which could otherwise lend the client
 * or the mock server what their own dependencies lack. The enforcer's {@code bannedDependencies} rule checks the
 * same on the dependency tree before the build goes on; this checks the class path the tests really get.
 */
class ClassPathTests {

	@Test
	void noSpringBoot() {
		assertThatExceptionOfType(ClassNotFoundException.class)
			.isThrownBy(() -> Class.forName("org.springframework.boot.SpringApplication"));
		assertThatExceptionOfType(ClassNotFoundException.class)
			.isThrownBy(() -> Class.forName("org.springframework.boot.test.context.SpringBootTest"));
	}

	@Test
	void noSpringTest() {
		assertThatExceptionOfType(ClassNotFoundException.class)
			.isThrownBy(() -> Class.forName("org.springframework.test.context.ContextCustomizerFactory"));
	}

}
