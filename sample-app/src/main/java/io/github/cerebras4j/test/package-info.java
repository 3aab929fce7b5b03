/**
 * TEMPORARY stub package, see CerebrasMockServer: delete when the module cerebras-spring-boot-test is merged.
 */
@NullMarked
package io.github.cerebras4j.test;

import org.jspecify.annotations.NullMarked;
