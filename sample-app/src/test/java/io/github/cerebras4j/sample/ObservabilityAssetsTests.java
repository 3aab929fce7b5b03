package io.github.cerebras4j.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.cerebras4j.test.CerebrasMockServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard and the Prometheus alert rules in {@code observability/} use only metrics and labels the
 * application really exports: the sample answers a chat, a stream and a rate-limited call on its simulator (retried
 * once, so that the retries are counted), and every PromQL expression of the dashboard and the rules is checked
 * against {@code /actuator/prometheus}. The context is its own (one retry), since the simulator is scripted here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cerebras.api-key=", "cerebras.retry.max-retries=1" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObservabilityAssetsTests {

	/**
	 * Labels Prometheus adds to every series it scrapes (the target's), not in the scrape itself.
	 */
	private static final Set<String> TARGET_LABELS = Set.of("job", "instance");

	private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
			"group_right", "and", "or", "unless", "bool", "offset", "inf", "nan");

	private static final Path ROOT = Path.of("..", "observability");

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private CerebrasMockServer simulator;

	private Map<String, Set<String>> scrape;

	private String scrapeText;

	@BeforeAll
	void exerciseTheApplicationAndScrapeIt() {
		chat().expectStatus().isOk();
		List<ServerSentEvent<String>> events = client().post()
			.uri("/api/chat/stream")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.bodyValue("{\"prompt\": \"Hello\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
			})
			.getResponseBody()
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(events).isNotEmpty();
		this.simulator.failWith(429, "Too many requests").retryAfter(Duration.ZERO);
		try {
			chat().expectStatus().value((status) -> assertThat(status).isGreaterThanOrEqualTo(400));
		}
		finally {
			this.simulator.reset();
			this.simulator.timeToFirstToken(SimulatorStarter.TIME_TO_FIRST_TOKEN)
				.tokensPerSecond(SimulatorStarter.TOKENS_PER_SECOND)
				.replyWith(SimulatorStarter::reply)
				.toolCallsWith(SimulatorStarter::toolCalls);
		}
		String text = client().get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		this.scrape = parseScrape(text);
		this.scrapeText = text;
	}

	@Test
	void theScrapeHasTheStartersMetrics() {
		assertThat(this.scrape).containsKeys("gen_ai_client_operation_time_to_first_chunk_seconds_bucket",
				"cerebras_client_retries_total", "cerebras_client_rate_limit_remaining", "application_health");
	}

	@Test
	void theHealthIsAMetric() {
		assertThat(this.scrapeText).contains("application_health{component=\"all\"} 1.0")
			.contains("application_health{component=\"cerebras\"} 1.0");
	}

	@Test
	void theDashboardUsesOnlyWhatIsExported() throws IOException {
		List<String> expressions = dashboardExpressions(
				this.json.readTree(Files.readString(ROOT.resolve("grafana/cerebras-dashboard.json"))));
		assertThat(expressions).hasSizeGreaterThan(8);
		expressions.forEach(this::assertExported);
	}

	@Test
	void theAlertRulesUseOnlyWhatIsExported() throws IOException {
		List<String> expressions = ruleExpressions(Files.readString(ROOT.resolve("prometheus/cerebras-alerts.yml")));
		assertThat(expressions).hasSizeGreaterThanOrEqualTo(3);
		expressions.forEach(this::assertExported);
	}

	@Test
	void anExpressionNamingAMetricThatIsNotExportedFails() {
		assertThat(problems("sum(rate(cerebras_client_retries_total[5m]))")).isEmpty();
		assertThat(problems("sum(rate(cerebras_client_retrys_total[5m]))")).singleElement()
			.asString()
			.contains("cerebras_client_retrys_total");
		assertThat(problems("sum by (reason) (rate(cerebras_client_retries_total{cause=\"429\"}[5m]))"))
			.singleElement()
			.asString()
			.contains("reason");
		assertThat(problems("cerebras_client_retries_total{kause=~\"4..\"}")).singleElement()
			.asString()
			.contains("kause");
	}

	private void assertExported(String expression) {
		assertThat(problems(expression)).as(expression).isEmpty();
	}

	/**
	 * Returns what an expression names that the scrape does not have: metric names, and labels that none of the
	 * expression's metrics carries.
	 * @param expression a PromQL expression, possibly with Grafana variables
	 * @return the problems, none if the expression is valid against the scrape
	 */
	List<String> problems(String expression) {
		PromQlNames names = PromQlNames.of(expression);
		List<String> problems = new ArrayList<>();
		Set<String> labels = new LinkedHashSet<>(TARGET_LABELS);
		for (String metric : names.metrics()) {
			Set<String> metricLabels = this.scrape.get(metric);
			if (metricLabels == null) {
				problems.add("metric " + metric + " is not exported");
			}
			else {
				labels.addAll(metricLabels);
			}
		}
		if (names.metrics().isEmpty()) {
			problems.add("no metric in " + expression);
		}
		for (String label : names.labels()) {
			if (!labels.contains(label)) {
				problems.add("label " + label + " is on none of " + names.metrics());
			}
		}
		return problems;
	}

	private WebTestClient.ResponseSpec chat() {
		return client().post()
			.uri("/api/chat")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"prompt\": \"What is wafer-scale?\"}")
			.exchange();
	}

	private WebTestClient client() {
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(Duration.ofSeconds(10))
			.build();
	}

	/**
	 * Reads the Prometheus text format into each series name's label names.
	 * @param text the scrape
	 * @return the label names of each series name
	 */
	static Map<String, Set<String>> parseScrape(String text) {
		Map<String, Set<String>> series = new LinkedHashMap<>();
		Pattern label = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"(?:[^\"\\\\]|\\\\.)*\"");
		for (String line : text.split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			int brace = line.indexOf('{');
			int space = line.indexOf(' ');
			String name = line.substring(0, (brace >= 0 && brace < space) ? brace : space);
			Set<String> labels = series.computeIfAbsent(name, (key) -> new LinkedHashSet<>());
			if (brace >= 0 && brace < space) {
				Matcher matcher = label.matcher(line.substring(brace, line.lastIndexOf('}') + 1));
				while (matcher.find()) {
					labels.add(matcher.group(1));
				}
			}
		}
		return series;
	}

	/**
	 * Collects the PromQL of a dashboard: its panels' targets (rows' panels too) and its query variables.
	 * @param dashboard the dashboard
	 * @return the expressions
	 */
	static List<String> dashboardExpressions(JsonNode dashboard) {
		List<String> expressions = new ArrayList<>();
		collectPanels(dashboard.path("panels"), expressions);
		for (JsonNode variable : dashboard.path("templating").path("list")) {
			if ("query".equals(variable.path("type").asString())) {
				JsonNode query = variable.path("query");
				expressions.add(query.isObject() ? query.path("query").asString() : query.asString());
			}
		}
		return expressions;
	}

	private static void collectPanels(JsonNode panels, List<String> expressions) {
		for (JsonNode panel : panels) {
			for (JsonNode target : panel.path("targets")) {
				expressions.add(target.path("expr").asString());
			}
			collectPanels(panel.path("panels"), expressions);
		}
	}

	/**
	 * Collects the PromQL of a Prometheus rule file: the {@code expr} of every rule of every group.
	 * @param yaml the rule file
	 * @return the expressions
	 */
	@SuppressWarnings("unchecked")
	static List<String> ruleExpressions(String yaml) {
		Map<String, Object> rules = new Yaml().load(yaml);
		List<String> expressions = new ArrayList<>();
		for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
			for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
				expressions.add((String) rule.get("expr"));
			}
		}
		return expressions;
	}

	/**
	 * The metric names and label names of a PromQL expression: labels of matchers ({@code {label="..."}}), of
	 * grouping ({@code by}, {@code without}, {@code on}, {@code ignoring}, {@code group_left}, {@code group_right})
	 * and of Grafana's {@code label_values(metric, label)}; metric names are the remaining identifiers that are not
	 * functions (followed by a parenthesis) or keywords. Strings are skipped, so the label names that
	 * {@code label_replace} and {@code count_values} take as strings are not checked; Grafana variables
	 * ({@code $model}, {@code ${...}}, {@code $__rate_interval}) stand for values.
	 *
	 * @param metrics the metric names
	 * @param labels the label names
	 */
	record PromQlNames(Set<String> metrics, Set<String> labels) {

		private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");

		private static final Pattern VARIABLE = Pattern.compile("\\$\\{[^}]*}|\\$[a-zA-Z_][a-zA-Z0-9_]*");

		private static final Pattern LABEL_VALUES = Pattern
			.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(\\{[^}]*})?\\s*,\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*\\)");

		private static final Pattern MATCHERS = Pattern.compile("\\{([^}]*)}");

		private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)");

		private static final Pattern GROUPING = Pattern
			.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\(([^)]*)\\)");

		private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");

		private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

		static PromQlNames of(String expression) {
			Set<String> metrics = new LinkedHashSet<>();
			Set<String> labels = new LinkedHashSet<>();
			String rest = STRING.matcher(expression).replaceAll("\"\"");
			rest = VARIABLE.matcher(rest).replaceAll("1");
			Matcher labelValues = LABEL_VALUES.matcher(rest);
			if (labelValues.find()) {
				metrics.add(labelValues.group(1));
				labels.add(labelValues.group(3));
				rest = (labelValues.group(2) != null) ? labelValues.group(2) : "";
				rest = labelValues.group(1) + rest;
			}
			Matcher matchers = MATCHERS.matcher(rest);
			while (matchers.find()) {
				Matcher matcher = MATCHER.matcher(matchers.group(1));
				while (matcher.find()) {
					labels.add(matcher.group(1));
				}
			}
			rest = MATCHERS.matcher(rest).replaceAll(" ");
			Matcher grouping = GROUPING.matcher(rest);
			while (grouping.find()) {
				for (String label : grouping.group(2).split(",")) {
					if (!label.isBlank()) {
						labels.add(label.strip());
					}
				}
			}
			rest = GROUPING.matcher(rest).replaceAll(" ");
			rest = RANGE.matcher(rest).replaceAll(" ");
			Matcher identifier = IDENTIFIER.matcher(rest);
			while (identifier.find()) {
				String name = identifier.group();
				boolean number = identifier.start() > 0 && Character.isDigit(rest.charAt(identifier.start() - 1));
				boolean function = rest.substring(identifier.end()).stripLeading().startsWith("(");
				if (!number && !function && !KEYWORDS.contains(name.toLowerCase())) {
					metrics.add(name);
				}
			}
			return new PromQlNames(metrics, labels);
		}

	}

}
