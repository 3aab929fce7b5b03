/**
 * Test support for applications that call the Cerebras Cloud inference API: {@link CerebrasMockServer}, a local
 * stand-in that speaks the API's wire format, the JUnit extension {@link CerebrasMockServerExtension}, and
 * {@link AutoConfigureCerebrasMockServer} for Spring Boot tests.
 */
@NullMarked
package io.github.cerebras4j.test;

import org.jspecify.annotations.NullMarked;
