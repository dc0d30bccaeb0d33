package org.voiceai.providers.openai;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.voiceai.providers.ProviderConfigException;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.error.ProviderAuthException;
import org.voiceai.providers.error.ProviderBadRequestException;
import org.voiceai.providers.error.ProviderTimeoutException;
import org.voiceai.providers.error.ProviderUnavailableException;
import org.voiceai.providers.llm.ModelTestKit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every embeddings provider spoken to with OpenAI's {@code POST {base}/embeddings} must do, against a fake
 * speaking that protocol: a batch in one request, each failure in our error family, bad input and bad rows refused
 * before any request. Subclasses give the service's variant, path, model, dimensions and authentication.
 */
abstract class OpenAiEmbeddingProtocolContract {

	protected static final String API_KEY = "sk-test-2c8e4a6f1d3b";

	protected static final List<String> TEXTS = List.of("Atendemos de segunda a sexta, das 8h às 18h.",
			"O estacionamento fica nos fundos.");

	protected static WireMockServer fake;

	@BeforeAll
	static void startFake() {
		fake = ModelTestKit.startFake();
	}

	@AfterAll
	static void stopFake() {
		fake.stop();
	}

	@BeforeEach
	void resetFake() {
		fake.resetAll();
	}

	protected abstract OpenAiEmbeddingVariant variant();

	/** A usable row pointing at the fake, with a 1 s timeout. */
	protected abstract Map<String, Object> config(String fakeUrl);

	/** Where the fake serves the API, e.g. {@code /v1}. */
	protected abstract String basePath();

	protected abstract String expectedModel();

	/** The {@code dimensions} the request must carry, or {@code null} for none. */
	protected abstract Integer expectedDimensions();

	protected abstract void assertAuthentication(LoggedRequest request);

	/** A row the factory must refuse, naming {@link #badConfigKey()}. */
	protected abstract Map<String, Object> badConfig(String fakeUrl);

	protected abstract String badConfigKey();

	protected String fakeUrl() {
		return "http://localhost:" + fake.port();
	}

	protected EmbeddingModel model() {
		return model(config(fakeUrl()));
	}

	protected EmbeddingModel model(Map<String, Object> values) {
		OpenAiEmbeddingsFactory factory = new OpenAiEmbeddingsFactory(variant(), ModelTestKit.httpErrors());
		return factory.create(ModelTestKit.config(ProviderType.EMBEDDINGS, factory.name(), values));
	}

	protected MappingBuilder call() {
		return post(urlPathEqualTo(basePath() + "/embeddings"));
	}

	protected static List<LoggedRequest> requests() {
		return fake.findAll(anyRequestedFor(anyUrl()));
	}

	@Test
	void aBatchIsEmbeddedInOneRequest() {
		fake.stubFor(call().willReturn(vectors()));

		List<Embedding> embeddings = model().embedAll(TEXTS.stream().map(TextSegment::from).toList()).content();

		assertThat(embeddings).extracting(Embedding::vectorAsList)
			.containsExactly(List.of(0.0023f, -0.0093f, 0.0152f), List.of(-0.0112f, 0.0241f, 0.0007f));
		assertThat(requests()).singleElement().satisfies((request) -> {
			assertThat(request.getUrl()).isEqualTo(basePath() + "/embeddings");
			assertThat(request.containsHeader("Upgrade")).isFalse();
			assertAuthentication(request);
			JsonNode body = ModelTestKit.json(request.getBodyAsString());
			assertThat(body.path("model").asString()).isEqualTo(expectedModel());
			assertThat(body.path("input")).extracting(JsonNode::asString).containsExactlyElementsOf(TEXTS);
			if (expectedDimensions() != null) {
				assertThat(body.path("dimensions").asInt()).isEqualTo(expectedDimensions());
			}
			else {
				assertThat(body.has("dimensions")).isFalse();
			}
			assertThat(request.getBodyAsString()).doesNotContain(API_KEY);
		});
	}

	@Test
	void aWrongKeyIsAnAuthErrorWithoutTheKey() {
		fake.stubFor(call().willReturn(OpenAiChatProtocolContract.error(401,
				"Incorrect API key provided: " + API_KEY + ".", "invalid_request_error", "invalid_api_key")));
		Map<String, Object> values = new HashMap<>(config(fakeUrl()));
		values.put("api_key", API_KEY);

		assertThatThrownBy(() -> model(values).embed(TEXTS.get(0))).isInstanceOf(ProviderAuthException.class)
			.hasMessageContaining("Incorrect API key provided")
			.satisfies((error) -> assertThat(error.getMessage()).doesNotContain(API_KEY));
		assertThat(requests()).hasSize(1);
	}

	@Test
	void aRateLimitIsRetriedThenSucceeds() {
		fake.stubFor(call().inScenario("limited")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(OpenAiChatProtocolContract.error(429, "Rate limit reached for requests", "requests",
					"rate_limit_exceeded").withHeader("retry-after", "1"))
			.willSetStateTo("recovered"));
		fake.stubFor(call().inScenario("limited").whenScenarioStateIs("recovered").willReturn(vectors()));

		List<Embedding> embeddings = model().embedAll(TEXTS.stream().map(TextSegment::from).toList()).content();

		assertThat(embeddings).hasSize(2);
		assertThat(requests()).hasSize(2);
	}

	@Test
	void serverErrorsAreRetriedThenReportedUnavailable() {
		fake.stubFor(call().willReturn(OpenAiChatProtocolContract.error(503, "The engine is currently overloaded",
				"server_error", null)));

		assertThatThrownBy(() -> model().embed(TEXTS.get(0))).isInstanceOf(ProviderUnavailableException.class)
			.hasMessageContaining("HTTP 503: The engine is currently overloaded");
		assertThat(requests()).hasSize(3);
	}

	@Test
	void noAnswerInTimeIsATimeoutAndIsNotRetried() {
		// A second attempt would be answered at once, and the call would succeed.
		fake.stubFor(call().inScenario("slow")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(vectors().withFixedDelay(1000))
			.willSetStateTo("fast"));
		fake.stubFor(call().inScenario("slow").whenScenarioStateIs("fast").willReturn(vectors()));
		Map<String, Object> values = new HashMap<>(config(fakeUrl()));
		values.put("timeout_seconds", "0.3");

		assertThatThrownBy(() -> model(values).embed(TEXTS.get(0))).isInstanceOf(ProviderTimeoutException.class);
	}

	@Test
	void blankTextIsRefusedBeforeAnyRequest() {
		EmbeddingModel model = model();

		assertThatThrownBy(() -> model.embed("   ")).isInstanceOf(ProviderBadRequestException.class);
		assertThat(requests()).isEmpty();
	}

	@Test
	void aBadRowIsRefusedBeforeAnyRequest() {
		assertThatThrownBy(() -> model(badConfig(fakeUrl()))).isInstanceOf(ProviderConfigException.class)
			.hasMessageContaining("'" + badConfigKey() + "'");
		assertThat(requests()).isEmpty();
	}

	/** OpenAI's answer for {@link #TEXTS}, three dimensions each to keep it readable. */
	private ResponseDefinitionBuilder vectors() {
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"object\":\"list\",\"data\":["
					+ "{\"object\":\"embedding\",\"index\":0,\"embedding\":[0.0023,-0.0093,0.0152]},"
					+ "{\"object\":\"embedding\",\"index\":1,\"embedding\":[-0.0112,0.0241,0.0007]}],\"model\":\""
					+ expectedModel() + "\",\"usage\":{\"prompt_tokens\":19,\"total_tokens\":19}}");
	}

}
