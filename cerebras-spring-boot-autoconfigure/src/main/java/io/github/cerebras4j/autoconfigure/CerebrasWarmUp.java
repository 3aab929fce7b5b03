package io.github.cerebras4j.autoconfigure;

import io.github.cerebras4j.client.ReactiveCerebrasTemplate;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Warms up the template's connections in the background once the application is ready, so that the first call does
 * not pay for the TCP and TLS handshakes. Start-up is neither delayed nor failed by it: the warm-up returns at once
 * and an unreachable API is only logged at DEBUG by the client.
 */
final class CerebrasWarmUp implements ApplicationListener<ApplicationReadyEvent> {

	private final ReactiveCerebrasTemplate template;

	CerebrasWarmUp(ReactiveCerebrasTemplate template) {
		this.template = template;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		this.template.warmUp();
	}

}
