package io.github.cerebras4j.client.internal.transport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link RequestBodies#headerParams}: the one place a request's header parameters become headers, so it checks them
 * again for requests that did not come from this library's builders.
 */
class RequestBodiesTests {

	@Test
	void headerParamsThatAreSetBecomeHeaders() {
		assertThat(RequestBodies.headerParams("ray-1", "amz-1", 1.5).toSingleValueMap())
			.containsEntry("CF-RAY", "ray-1")
			.containsEntry("X-Amz-Cf-Id", "amz-1")
			.containsEntry("X-delay-time", "1.5");
		assertThat(RequestBodies.headerParams(null, null, null).isEmpty()).isTrue();
	}

	@Test
	void headerParamsWithLineBreaksOrNulAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> RequestBodies.headerParams("ray\r\nX-Injected: 1", null, null))
			.withMessageContaining("CF-RAY")
			.withMessageNotContaining("X-Injected");
		assertThatIllegalArgumentException().isThrownBy(() -> RequestBodies.headerParams(null, "amz\0", null))
			.withMessageContaining("X-Amz-Cf-Id");
	}

}
