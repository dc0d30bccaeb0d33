package org.voiceai.realtime.record;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.reactive.function.client.WebClient;

import org.voiceai.realtime.TestCalls;
import org.voiceai.realtime.call.CallContext;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the recorder sends voice-ai-service (WireMock) when a message's first attempt fails: the retry carries the
 * same {@code message_uuid}, so a message the service stored before its answer was lost is not stored twice.
 */
class ServiceCallRecorderTest {

	private static final WireMockServer service = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	private static final JsonMapper json = JsonMapper.builder().build();

	static {
		service.start();
	}

	private final ServiceCallRecorder recorder = new ServiceCallRecorder(
			WebClient.builder().baseUrl(service.baseUrl()).build(), 4, Duration.ofMillis(20));

	private final CallContext call = TestCalls.context("{}");

	@AfterAll
	static void stop() {
		service.stop();
	}

	@BeforeEach
	void reset() {
		service.resetAll();
	}

	@Test
	void aMessageRetriedAfterALostAnswerCarriesTheSameMessageUuid() {
		// The service stored the message, but the connection was reset before its answer arrived.
		failFirstAttempt(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
		this.recorder.utterance(this.call, true, "Qual o horário?").block(Duration.ofSeconds(30));

		List<JsonNode> attempts = messages();
		assertThat(attempts).hasSize(2);
		assertThat(attempts).allSatisfy((body) -> assertThat(body.path("content").asString())
			.isEqualTo("Qual o horário?"));
		assertThat(messageUuid(attempts.get(1))).isEqualTo(messageUuid(attempts.get(0)));
	}

	@Test
	void aProviderSwitchNoteRetriedAfterA503CarriesTheSameMessageUuid() {
		failFirstAttempt(aResponse().withStatus(503)
			.withHeader("Content-Type", "application/problem+json")
			.withBody("{\"status\": 503, \"title\": \"Service Unavailable\"}"));
		this.recorder.providerSwitched(this.call.withProvider("gemini"), "openai_realtime", "connection lost")
			.block(Duration.ofSeconds(30));

		List<JsonNode> attempts = messages();
		assertThat(attempts).hasSize(2);
		assertThat(attempts).allSatisfy((body) -> assertThat(body.path("role").asString()).isEqualTo("system"));
		assertThat(messageUuid(attempts.get(1))).isEqualTo(messageUuid(attempts.get(0)));
	}

	@Test
	void eachMessageHasItsOwnMessageUuid() {
		service.stubFor(post(urlPathEqualTo(messagesPath())).willReturn(stored(1)));
		this.recorder.utterance(this.call, true, "Bom dia").block(Duration.ofSeconds(30));
		this.recorder.utterance(this.call, false, "Bom dia! Como posso ajudar?").block(Duration.ofSeconds(30));
		this.recorder.providerSwitched(this.call.withProvider("gemini"), "openai_realtime", "connection lost")
			.block(Duration.ofSeconds(30));

		assertThat(messages().stream().map(ServiceCallRecorderTest::messageUuid).distinct()).hasSize(3);
	}

	private void failFirstAttempt(ResponseDefinitionBuilder failure) {
		service.stubFor(post(urlPathEqualTo(messagesPath())).inScenario("lost answer")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(failure)
			.willSetStateTo("stored"));
		service.stubFor(post(urlPathEqualTo(messagesPath())).inScenario("lost answer")
			.whenScenarioStateIs("stored")
			.willReturn(stored(1)));
	}

	/** The service's answer to a stored message (201, AppendedMessage). */
	private static ResponseDefinitionBuilder stored(int turn) {
		return aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"conversation_uuid\": \"%s\", \"turn_number\": %d}".formatted(UUID.randomUUID(), turn));
	}

	private String messagesPath() {
		return "/api/v1/conversations/" + this.call.callUuid() + "/messages";
	}

	private List<JsonNode> messages() {
		return service.findAll(postRequestedFor(urlPathEqualTo(messagesPath())))
			.stream()
			.map((request) -> json.readTree(request.getBodyAsString()))
			.toList();
	}

	/** The body's message_uuid, which must be a UUID. */
	private static UUID messageUuid(JsonNode body) {
		return UUID.fromString(body.path("message_uuid").asString());
	}

}
