package org.voiceai.providers.llm;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.voiceai.providers.ProviderConfigException;
import org.voiceai.providers.ProviderFactory;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.error.ProviderAuthException;
import org.voiceai.providers.error.ProviderRateLimitException;
import org.voiceai.providers.error.ProviderTimeoutException;
import org.voiceai.providers.error.ProviderUnavailableException;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every chat provider must do, run against a fake that speaks the vendor's real wire protocol: replies and
 * tool calls, blocking and streamed; each kind of failure in our error family; a bad row refused before any
 * request. Subclasses supply the vendor's wire shapes and check the request the provider sent.
 */
public abstract class ChatModelContract {

	protected static final String API_KEY = "sk-test-7f3a9c2e5b1d";

	protected static final String SYSTEM_PROMPT = "Você é a secretária virtual da Clínica Exemplo. "
			+ "Responda em português.";

	protected static final String USER_TEXT = "Quero falar com o financeiro, por favor.";

	protected static final String TRANSFER_ARGUMENTS = "{\"destination\":\"financeiro\"}";

	protected static final ToolSpecification TRANSFER_CALL = ToolSpecification.builder()
		.name("transfer_call")
		.description("Transfere a chamada para um ramal ou departamento")
		.parameters(JsonObjectSchema.builder()
			.addStringProperty("destination", "ramal ou nome do departamento")
			.required("destination")
			.build())
		.build();

	protected static final ToolSpecification END_CALL = ToolSpecification.builder()
		.name("end_call")
		.description("Encerra a chamada")
		.parameters(JsonObjectSchema.builder()
			.addStringProperty("reason", "motivo do encerramento")
			.required("reason")
			.build())
		.build();

	private static final Duration WAIT = Duration.ofSeconds(10);

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

	protected abstract ProviderFactory<ChatModels> factory();

	/** A usable row pointing at the fake, with a 1 s timeout. */
	protected abstract Map<String, Object> config(String fakeUrl);

	/** Recognises the vendor's blocking or streaming call. */
	protected abstract MappingBuilder call(boolean streaming);

	protected abstract ResponseDefinitionBuilder textReply(String text);

	/** A blocking reply that calls {@code transfer_call} with {@link #TRANSFER_ARGUMENTS}. */
	protected abstract ResponseDefinitionBuilder transferReply();

	/** An SSE body streaming {@code pieces} as the reply's text. */
	protected abstract String textStream(List<String> pieces);

	/** An SSE body streaming a {@code transfer_call} with {@link #TRANSFER_ARGUMENTS}. */
	protected abstract String transferStream();

	/** The vendor's answer to a wrong key, whose message repeats the key. */
	protected abstract ResponseDefinitionBuilder badKey(String key);

	/** A fragment of {@link #badKey}'s message that must reach the exception. */
	protected abstract String badKeyMessage();

	/** 429 with {@code retry-after}, in the vendor's shape. */
	protected abstract ResponseDefinitionBuilder rateLimited();

	/** A 5xx in the vendor's shape. */
	protected abstract ResponseDefinitionBuilder serverError();

	/** Checks the vendor-specific shape of the request for {@link #request()}: URL, auth, model, messages, tools. */
	protected abstract void assertRequest(LoggedRequest request, JsonNode body);

	/** A row the factory must refuse, naming {@link #badConfigKey()}. */
	protected abstract Map<String, Object> badConfig(String fakeUrl);

	protected abstract String badConfigKey();

	protected static ChatRequest request() {
		return ChatRequest.builder()
			.messages(SystemMessage.from(SYSTEM_PROMPT), UserMessage.from(USER_TEXT))
			.toolSpecifications(TRANSFER_CALL, END_CALL)
			.build();
	}

	protected static ResponseDefinitionBuilder sse(String body) {
		return ResponseDefinitionBuilder.responseDefinition()
			.withStatus(200)
			.withHeader("Content-Type", "text/event-stream")
			.withBody(body);
	}

	protected String fakeUrl() {
		return "http://localhost:" + fake.port();
	}

	protected ChatModels models() {
		return models(config(fakeUrl()));
	}

	protected ChatModels models(Map<String, Object> values) {
		return factory().create(ModelTestKit.config(ProviderType.LLM, factory().name(), values));
	}

	protected static List<LoggedRequest> requests() {
		return fake.findAll(anyRequestedFor(anyUrl()));
	}

	@Test
	void blockingReplyIsTheVendorsText() {
		fake.stubFor(call(false).willReturn(textReply("Claro! Vou transferir você.")));

		ChatResponse response = models().chat(request()).block(WAIT);

		assertThat(response.aiMessage().text()).isEqualTo("Claro! Vou transferir você.");
		assertThat(response.aiMessage().hasToolExecutionRequests()).isFalse();
		assertThat(requests()).singleElement().satisfies(this::assertSentRequest);
	}

	@Test
	void blockingToolCallBecomesAToolExecutionRequest() {
		fake.stubFor(call(false).willReturn(transferReply()));

		ChatResponse response = models().chat(request()).block(WAIT);

		assertTransfer(response);
		assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
		assertThat(requests()).singleElement().satisfies(this::assertSentRequest);
	}

	@Test
	void streamedTextArrivesInPiecesThenTheWholeReply() {
		List<String> pieces = List.of("Claro!", " Vou transferir", " você.");
		fake.stubFor(call(true).willReturn(sse(textStream(pieces))));

		List<ChatStreamEvent> events = models().stream(request()).collectList().block(WAIT);

		assertThat(events.subList(0, events.size() - 1)).extracting((event) -> ((ChatStreamEvent.Text) event).text())
			.containsExactlyElementsOf(pieces);
		assertThat(events.get(events.size() - 1)).isInstanceOfSatisfying(ChatStreamEvent.Complete.class,
				(complete) -> assertThat(complete.response().aiMessage().text()).isEqualTo("Claro! Vou transferir você."));
		assertThat(requests()).singleElement().satisfies(this::assertSentRequest);
	}

	@Test
	void streamedToolCallArgumentsAreAssembled() {
		fake.stubFor(call(true).willReturn(sse(transferStream())));

		List<ChatStreamEvent> events = models().stream(request()).collectList().block(WAIT);

		assertThat(events).last()
			.isInstanceOfSatisfying(ChatStreamEvent.Complete.class, (complete) -> assertTransfer(complete.response()));
		assertThat(requests()).singleElement().satisfies(this::assertSentRequest);
	}

	@Test
	void aWrongKeyIsAnAuthErrorWithTheVendorsMessageAndNoSecret() {
		fake.stubFor(call(false).willReturn(badKey(API_KEY)));
		Map<String, Object> values = new HashMap<>(config(fakeUrl()));
		values.put("api_key", API_KEY);

		assertThatThrownBy(() -> models(values).chat(request()).block(WAIT))
			.isInstanceOf(ProviderAuthException.class)
			.hasMessageStartingWith(factory().name() + ": ")
			.hasMessageContaining(badKeyMessage())
			.satisfies((error) -> assertThat(error.getMessage()).doesNotContain(API_KEY));
		assertThat(requests()).hasSize(1);
	}

	@Test
	void aRateLimitIsRetriedThenSucceeds() {
		fake.stubFor(call(false).inScenario("limited")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(rateLimited())
			.willSetStateTo("recovered"));
		fake.stubFor(call(false).inScenario("limited").whenScenarioStateIs("recovered").willReturn(textReply("Pronto.")));

		ChatResponse response = models().chat(request()).block(WAIT);

		assertThat(response.aiMessage().text()).isEqualTo("Pronto.");
		assertThat(requests()).hasSize(2);
	}

	@Test
	void serverErrorsAreRetriedThenReportedUnavailable() {
		fake.stubFor(call(false).willReturn(serverError()));

		assertThatThrownBy(() -> models().chat(request()).block(WAIT))
			.isInstanceOf(ProviderUnavailableException.class)
			.hasMessageContaining("HTTP " + serverError().build().getStatus());
		assertThat(requests()).hasSize(1 + ChatOptions.MAX_RETRIES);
	}

	@Test
	void noAnswerInTimeIsATimeoutAndIsNotRetried() {
		// A second attempt would be answered at once, and the call would succeed.
		fake.stubFor(call(false).inScenario("slow")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(textReply("tarde demais").withFixedDelay(4000))
			.willSetStateTo("fast"));
		fake.stubFor(call(false).inScenario("slow").whenScenarioStateIs("fast").willReturn(textReply("de novo")));
		Map<String, Object> values = new HashMap<>(config(fakeUrl()));
		// Long enough to connect to the fake on a loaded machine (the timeout covers the connect too).
		values.put("timeout_seconds", "1.5");

		assertThatThrownBy(() -> models(values).chat(request()).block(WAIT))
			.isInstanceOf(ProviderTimeoutException.class)
			.hasMessage(factory().name() + ": no response in time");
	}

	@Test
	void aStreamThatFailsEndsWithTheTranslatedErrorAndIsNotRetried() {
		fake.stubFor(call(true).willReturn(rateLimited()));

		assertThatThrownBy(() -> models().stream(request()).collectList().block(WAIT))
			.isInstanceOf(ProviderRateLimitException.class);
		assertThat(requests()).hasSize(1);
	}

	@Test
	void aStreamWithoutAnswerInTimeIsATimeout() {
		fake.stubFor(call(true).willReturn(sse(textStream(List.of("tarde"))).withFixedDelay(4000)));
		Map<String, Object> values = new HashMap<>(config(fakeUrl()));
		values.put("timeout_seconds", "1.5");

		assertThatThrownBy(() -> models(values).stream(request()).collectList().block(WAIT))
			.isInstanceOf(ProviderTimeoutException.class);
	}

	@Test
	void aBadRowIsRefusedBeforeAnyRequest() {
		assertThatThrownBy(() -> models(badConfig(fakeUrl()))).isInstanceOf(ProviderConfigException.class)
			.hasMessageContaining("'" + badConfigKey() + "'");
		assertThat(requests()).isEmpty();
	}

	private void assertSentRequest(LoggedRequest request) {
		// HTTP/1.1 without an h2c upgrade offer, which LM Studio and uvicorn servers mishandle.
		assertThat(request.containsHeader("Upgrade")).isFalse();
		JsonNode body = ModelTestKit.json(request.getBodyAsString());
		assertThat(request.getBodyAsString()).doesNotContain(API_KEY);
		assertRequest(request, body);
	}

	private static void assertTransfer(ChatResponse response) {
		assertThat(response.aiMessage().toolExecutionRequests()).singleElement().satisfies((ToolExecutionRequest call) -> {
			assertThat(call.name()).isEqualTo("transfer_call");
			assertThat(ModelTestKit.json(call.arguments())).isEqualTo(ModelTestKit.json(TRANSFER_ARGUMENTS));
		});
	}

}
