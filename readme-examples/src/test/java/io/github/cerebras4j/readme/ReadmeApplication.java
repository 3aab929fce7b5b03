package io.github.cerebras4j.readme;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application of the README's Spring Boot examples: it finds {@link Assistant} by component scanning, and the
 * starter auto-configures the {@code CerebrasTemplate} it uses.
 */
@SpringBootApplication
public class ReadmeApplication {

}
