package io.github.cerebras4j.readme;

import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.client.chat.ChatCompletion;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.core.RateLimits;
import io.github.cerebras4j.client.core.RawResponse;
import io.github.cerebras4j.client.error.RateLimitException;
import io.github.cerebras4j.test.AutoConfigureCerebrasMockServer;
import io.github.cerebras4j.test.CerebrasMockServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The README's rate-limit budget: {@link CerebrasMockServer#rateLimit(long, long)} in a Spring Boot test whose
 * client does not retry.
 */
@SpringBootTest(properties = "cerebras.retry.max-retries=0")
@AutoConfigureCerebrasMockServer
class RateLimitBudgetTests {

	@Test
	void thirdRequestOfTheMinuteIsRejected(@Autowired CerebrasMockServer cerebras,
			@Autowired CerebrasTemplate template) {
		ChatCompletionRequest request = ChatCompletionRequest.builder().model("llama3.1-8b").user("Hi").build();
		// tag::rate-limit-budget[]
		cerebras.rateLimit(2, 10_000);   // 2 requests and 10,000 tokens a minute, for all clients of the server

		RawResponse<ChatCompletion> first = template.chat().completions().withRawResponse().create(request);
		template.chat().completions().create(request);

		assertThat(first.rateLimits().requests(RateLimits.Window.DAY).remaining()).isEqualTo(1);
		assertThatThrownBy(() -> template.chat().completions().create(request))
				.isInstanceOf(RateLimitException.class);   // 429, retry-after: the seconds left in the minute
		assertThat(cerebras.rateLimitStats().requestsRejected()).isEqualTo(1);
		// end::rate-limit-budget[]
		assertThat(cerebras.rateLimitStats().requestsAdmitted()).isEqualTo(2);
		assertThat(first.rateLimits().tokens(RateLimits.Window.MINUTE).limit()).isEqualTo(10_000);
	}

}
