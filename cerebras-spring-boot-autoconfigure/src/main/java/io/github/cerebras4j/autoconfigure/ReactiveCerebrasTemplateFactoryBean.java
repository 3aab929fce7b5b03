package io.github.cerebras4j.autoconfigure;

import java.time.Duration;

import io.github.cerebras4j.client.ReactiveCerebrasTemplate;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.FactoryBean;

/**
 * Exposes the auto-configured {@link ReactiveCerebrasTemplate}, with {@code cerebras.timeout.overall} applied as a
 * deadline when set, and closes the template that owns the connection pool when the context closes. A factory bean
 * because the deadline comes from {@code withOptions(..)}, whose view owns nothing and closes nothing.
 */
final class ReactiveCerebrasTemplateFactoryBean implements FactoryBean<ReactiveCerebrasTemplate>, DisposableBean {

	private final ReactiveCerebrasTemplate owner;

	private final ReactiveCerebrasTemplate template;

	ReactiveCerebrasTemplateFactoryBean(ReactiveCerebrasTemplate owner, @Nullable Duration deadline) {
		this.owner = owner;
		this.template = (deadline != null) ? owner.withOptions((options) -> options.deadline(deadline)) : owner;
	}

	@Override
	public ReactiveCerebrasTemplate getObject() {
		return this.template;
	}

	@Override
	public Class<?> getObjectType() {
		return ReactiveCerebrasTemplate.class;
	}

	@Override
	public void destroy() {
		this.owner.close();
	}

}
