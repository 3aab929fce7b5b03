package io.github.cerebras4j.sample;

import org.springframework.aot.hint.annotation.RegisterReflectionForBinding;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The sample application: {@code mvn -pl sample-app -am spring-boot:run}, then open http://localhost:8080.
 * <p>
 * The types the model's answers are read into (a structured answer, a tool's arguments) are registered for reflection,
 * as the client cannot know them: a native image needs it (see the README's "AOT and native images").
 */
@SpringBootApplication(proxyBeanMethods = false)
@RegisterReflectionForBinding({ CityFacts.class, LocalTimeTool.Arguments.class })
@EnableConfigurationProperties(SampleProperties.class)
public class SampleApplication {

	/**
	 * Starts the application.
	 * @param args the command line arguments, for example {@code --sample.model=gpt-oss-120b}
	 */
	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
