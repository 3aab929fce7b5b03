package io.github.cerebras4j.test;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Resets the {@link CerebrasMockServer} of a test's application context before each test method, so every test
 * starts from the default script with no received requests. Does nothing for a context that has none, and never
 * loads a context.
 */
class CerebrasMockServerResetTestExecutionListener extends AbstractTestExecutionListener {

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

	@Override
	public void beforeTestMethod(TestContext testContext) {
		if (testContext.hasApplicationContext()) {
			ApplicationContext context = testContext.getApplicationContext();
			if (context.containsBean(CerebrasMockServerContextCustomizerFactory.BEAN_NAME)) {
				context.getBean(CerebrasMockServerContextCustomizerFactory.BEAN_NAME, CerebrasMockServer.class).reset();
			}
		}
	}

}
