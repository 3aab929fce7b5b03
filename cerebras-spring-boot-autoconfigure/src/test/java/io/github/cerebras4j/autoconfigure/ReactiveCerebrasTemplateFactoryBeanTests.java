package io.github.cerebras4j.autoconfigure;

import java.time.Duration;
import java.util.function.Consumer;

import io.github.cerebras4j.client.ReactiveCerebrasTemplate;
import io.github.cerebras4j.client.RequestOptions;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link ReactiveCerebrasTemplateFactoryBean}: the exposed template carries the overall deadline, and the
 * template that owns the pool is the one closed.
 */
class ReactiveCerebrasTemplateFactoryBeanTests {

	private final ReactiveCerebrasTemplate owner = mock(ReactiveCerebrasTemplate.class);

	private final ReactiveCerebrasTemplate view = mock(ReactiveCerebrasTemplate.class);

	@Test
	void exposesTheOwnerWithoutDeadline() {
		ReactiveCerebrasTemplateFactoryBean factoryBean = new ReactiveCerebrasTemplateFactoryBean(this.owner, null);
		assertThat(factoryBean.getObject()).isSameAs(this.owner);
	}

	@Test
	@SuppressWarnings("unchecked")
	void exposesAViewWithTheDeadline() {
		given(this.owner.withOptions(any())).willReturn(this.view);
		ReactiveCerebrasTemplateFactoryBean factoryBean = new ReactiveCerebrasTemplateFactoryBean(this.owner,
				Duration.ofSeconds(7));
		assertThat(factoryBean.getObject()).isSameAs(this.view);
		ArgumentCaptor<Consumer<RequestOptions.Builder>> options = ArgumentCaptor.forClass(Consumer.class);
		then(this.owner).should().withOptions(options.capture());
		RequestOptions.Builder builder = RequestOptions.builder();
		options.getValue().accept(builder);
		assertThat(builder.build().deadline()).isEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void destroyClosesTheTemplateThatOwnsThePool() {
		given(this.owner.withOptions(any())).willReturn(this.view);
		new ReactiveCerebrasTemplateFactoryBean(this.owner, Duration.ofSeconds(7)).destroy();
		then(this.owner).should().close();
		then(this.view).shouldHaveNoInteractions();
	}

}
