package io.github.cerebras4j.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Qualifier annotation for a {@link org.springframework.core.retry.RetryPolicy RetryPolicy} or
 * {@link org.springframework.core.retry.RetryListener RetryListener} bean to be used by the auto-configured Cerebras
 * templates. A {@code RetryPolicy} bean so qualified replaces the policy built from {@code cerebras.retry.*}, and
 * every {@code RetryListener} bean so qualified is told of the client's retries. Beans of those types without it are
 * left to the rest of the application: they are not used for Cerebras calls. A
 * {@link io.github.cerebras4j.client.retry.CerebrasRetryPolicy CerebrasRetryPolicy} bean needs no qualifier.
 * <p>
 * To keep a qualified bean out of the application's own injection points of its type, declare it with
 * {@code @Bean(defaultCandidate = false)}.
 */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Qualifier
public @interface CerebrasRetry {

}
