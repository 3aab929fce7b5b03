package io.github.cerebras4j.sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.chat.ChatMessage;
import io.github.cerebras4j.client.chat.MessageContent;
import io.github.cerebras4j.client.chat.ResponseFormat;
import io.github.cerebras4j.client.chat.Tool;
import io.github.cerebras4j.client.chat.ToolMessage;
import io.github.cerebras4j.client.chat.UserMessage;
import io.github.cerebras4j.client.core.CerebrasJson;
import io.github.cerebras4j.test.CerebrasMockServer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Lets the sample run without an API key: when {@code cerebras.api-key} (or {@code CEREBRAS_API_KEY}) is not set, it
 * starts the built-in Cerebras simulator ({@link CerebrasMockServer}, paced like Cerebras Cloud) on 127.0.0.1 and
 * points {@code cerebras.base-url} at it with a placeholder key. It acts once the application is prepared: its
 * configuration is complete (tests' properties included) and no bean is created yet. The simulator is the bean
 * {@code cerebrasSimulator}, stopped with the application after its web server. Registered in
 * {@code META-INF/spring.factories}.
 */
class SimulatorStarter implements ApplicationListener<ApplicationPreparedEvent> {

	static final Duration TIME_TO_FIRST_TOKEN = Duration.ofMillis(150);

	static final double TOKENS_PER_SECOND = 2000;

	/**
	 * The name of the simulator's bean and of the property source pointing the application at it.
	 */
	static final String NAME = "cerebrasSimulator";

	private static final String PLACEHOLDER_KEY = "simulator-needs-no-key";

	private static final Log logger = LogFactory.getLog(SimulatorStarter.class);

	@Override
	public void onApplicationEvent(ApplicationPreparedEvent event) {
		ConfigurableEnvironment environment = event.getApplicationContext().getEnvironment();
		if (StringUtils.hasText(environment.getProperty("cerebras.api-key"))) {
			return;
		}
		CerebrasMockServer simulator = CerebrasMockServer.start()
			.timeToFirstToken(TIME_TO_FIRST_TOKEN)
			.tokensPerSecond(TOKENS_PER_SECOND)
			.replyWith(SimulatorStarter::reply)
			.toolCallsWith(SimulatorStarter::toolCalls);
		ConfigurableListableBeanFactory beanFactory = event.getApplicationContext().getBeanFactory();
		beanFactory.registerSingleton(NAME, simulator);
		((DefaultSingletonBeanRegistry) beanFactory).registerDisposableBean(NAME, simulator::close);
		environment.getPropertySources()
			.addFirst(new MapPropertySource(NAME,
					Map.of("cerebras.base-url", simulator.baseUrl(), "cerebras.api-key", PLACEHOLDER_KEY)));
		logger.info("No Cerebras API key set: running on the built-in simulator at " + simulator.baseUrl()
				+ ". Set CEREBRAS_API_KEY to use the real API.");
	}

	/**
	 * The simulator's answer. A request for {@link CityFacts} gets the facts of the city its prompt names (Paris if
	 * it names none the simulator knows, see {@link Cities}); a request that offers {@link LocalTimeTool} gets a
	 * call of it ({@link #toolCalls}) and then a sentence that quotes its result; any other request gets a few
	 * sentences that quote the prompt and explain what the page shows.
	 * @param request the request the simulator received
	 * @return the answer
	 */
	static String reply(ChatCompletionRequest request) {
		ResponseFormat format = request.responseFormat();
		if (format != null && format.jsonSchema() != null
				&& CityFacts.class.getSimpleName().equals(format.jsonSchema().name())) {
			return CerebrasJson.toJson(city(request).facts());
		}
		if (offersLocalTime(request)) {
			ChatMessage last = request.messages().get(request.messages().size() - 1);
			if (last instanceof ToolMessage tool && tool.content() instanceof MessageContent.Text result) {
				return "The " + LocalTimeTool.NAME + " tool says: " + result.text() + " (This answer comes from the"
						+ " Cerebras simulator built into the sample app; set CEREBRAS_API_KEY to ask a model.)";
			}
			return "";
		}
		return "You asked: \"" + abbreviate(lastUserText(request.messages()), 200) + "\"\n\n"
				+ "This answer comes from the Cerebras simulator built into the sample app, because no API key is set."
				+ " It speaks the Cerebras API and paces its streams like Cerebras Cloud: the first token after about "
				+ TIME_TO_FIRST_TOKEN.toMillis() + " ms, then about " + Math.round(TOKENS_PER_SECOND)
				+ " tokens per second, so a paragraph like this one arrives in a fraction of a second. On the page, each"
				+ " piece of a streamed answer arrives as its own server-sent event, and the usage and time_info the"
				+ " server reports at the end give the time to first token and the tokens per second; the same figures"
				+ " are at /actuator/metrics and /actuator/prometheus.\n\n"
				+ "To ask " + request.model() + " for real, stop the app, set CEREBRAS_API_KEY and start it again.";
	}

	/**
	 * The simulator's tool calls: a request that offers {@link LocalTimeTool} and does not end with its result calls
	 * it with the time zone of the city its prompt names (UTC if it names none the simulator knows).
	 * @param request the request the simulator received
	 * @return the tool calls, from the tool's name to its JSON arguments
	 */
	static Map<String, String> toolCalls(ChatCompletionRequest request) {
		if (!offersLocalTime(request)) {
			return Map.of();
		}
		String timeZone = Cities.named(lastUserText(request.messages())).map(Cities.City::timeZone).orElse("UTC");
		return Map.of(LocalTimeTool.NAME, CerebrasJson.toJson(new LocalTimeTool.Arguments(timeZone)));
	}

	private static boolean offersLocalTime(ChatCompletionRequest request) {
		List<Tool> tools = request.tools();
		return tools != null && tools.stream().anyMatch((tool) -> LocalTimeTool.NAME.equals(tool.function().name()));
	}

	private static Cities.City city(ChatCompletionRequest request) {
		return Cities.named(lastUserText(request.messages())).orElse(Cities.ALL.get(0));
	}

	private static String lastUserText(List<ChatMessage> messages) {
		for (int i = messages.size() - 1; i >= 0; i--) {
			if (messages.get(i) instanceof UserMessage user && user.content() instanceof MessageContent.Text text) {
				return text.text();
			}
		}
		return "";
	}

	private static String abbreviate(String text, int maxLength) {
		String line = text.strip().replaceAll("\\s+", " ");
		return (line.length() <= maxLength) ? line : line.substring(0, maxLength - 1) + "…";
	}

}
