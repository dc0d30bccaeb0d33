package org.voiceai.realtime;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.voiceai.realtime.emulator.ModAudioStreamEmulator;
import org.voiceai.realtime.fakes.gemini.FakeLiveSession;
import org.voiceai.realtime.fakes.gemini.GeminiLiveFake;
import org.voiceai.realtime.fakes.openai.FakeRealtimeSession;
import org.voiceai.realtime.fakes.openai.OpenAiRealtimeFake;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A call whose realtime provider fails mid-call, end to end: the domain's realtime rows are OpenAI Realtime (the
 * default, its fake streaming replies at real time) and Gemini Live after it. OpenAI drops the connection while
 * answering the caller's second question; the caller hears the holding phrase, then Gemini, given the conversation
 * so far, answers. The conversation record shows which provider served which part.
 */
class ProviderFailoverBridgeTest extends BridgeEndToEndTest {

	static final String GEMINI_KEY = "AIza-failover-test";

	@AutoClose
	static final OpenAiRealtimeFake openAi = OpenAiRealtimeFake.start("sk-realtime-test")
		.streamReplies(Duration.ofMillis(100), Duration.ofMillis(200));

	@AutoClose
	static final GeminiLiveFake gemini = GeminiLiveFake.start(GEMINI_KEY);

	@Override
	String openAiRealtimeUrl() {
		return openAi.baseUrl();
	}

	@BeforeEach
	void geminiAfterOpenAi() {
		Map<String, Object> next = new LinkedHashMap<>();
		next.put("api_key", GEMINI_KEY);
		next.put("base_url", gemini.baseUrl());
		this.fixture.addRealtime(this.providers, "gemini", "Gemini Live", next, 1);
	}

	@Test
	void whenOpenAiDropsMidAnswerTheCallContinuesOnGeminiWithTheConversationSoFar() throws Exception {
		UUID call = UUID.randomUUID();
		int openAiSessions = openAi.sessions().size();
		int geminiSessions = gemini.sessions().size();
		try (ModAudioStreamEmulator caller = this.calls.connect(this.fixture.streamUri(this.port, call, "raw"), call,
				"raw", null)) {
			FakeRealtimeSession openAiSession = openAi.awaitSession(openAiSessions).awaitConfigured();
			await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.heardMillis(caller, "raw", call) >= 300);
			openAiSession.queueReply("Atendemos das 8h às 18h.", Duration.ofMillis(600))
				.callerWillSay("Qual o horário?");
			caller.speak(BridgeCalls.tone(8000, 600));
			await().atMost(Duration.ofSeconds(15))
				.until(() -> this.calls.utterances(call).contains("assistant:Atendemos das 8h às 18h."));

			// The second answer is long; OpenAI drops while it plays, before its transcript is complete.
			openAiSession.queueReply("Aos sábados atendemos das 8h às 12h.", Duration.ofSeconds(20))
				.callerWillSay("E aos sábados?");
			caller.speak(BridgeCalls.tone(8000, 600));
			await().atMost(Duration.ofSeconds(15))
				.until(() -> this.calls.utterances(call).contains("user:E aos sábados?"));
			int beforeDrop = this.calls.heardMillis(caller, "raw", call);
			openAiSession.drop();

			FakeLiveSession geminiSession = gemini.awaitSession(geminiSessions).awaitSetupComplete();
			List<JsonNode> contents = geminiSession.awaitReceived("clientContent", 2);
			JsonNode history = contents.get(0);
			assertThat(history.path("turnComplete").asBoolean(true)).isFalse();
			assertThat(history.path("turns").toString()).contains("Qual o horário?", "Atendemos das 8h às 18h.",
					"E aos sábados?");
			assertThat(history.path("turns").toString()).doesNotContain("Aos sábados atendemos");
			JsonNode instruction = contents.get(1);
			assertThat(instruction.path("turnComplete").asBoolean()).isTrue();
			assertThat(instruction.path("turns").toString()).contains("E aos sábados?");

			// The holding phrase (one second of speech from the text-to-speech stub), then Gemini's 300 ms answer.
			await().atMost(Duration.ofSeconds(15)).until(() -> this.calls.utterances(call).contains("assistant:Okay."));
			await().atMost(Duration.ofSeconds(10))
				.until(() -> this.calls.heardMillis(caller, "raw", call) >= beforeDrop + 1300);
			assertThat(service.findAll(postRequestedFor(urlPathEqualTo("/v1/audio/speech"))))
				.singleElement()
				.satisfies((speech) -> assertThat(speech.getBodyAsString()).contains("Um momento, por favor."));
			assertThat(caller.isOpen()).isTrue();

			List<JsonNode> messages = this.calls.messages(call);
			assertThat(messages).anySatisfy((message) -> {
				assertThat(message.path("content").asString()).isEqualTo("Qual o horário?");
				assertThat(message.path("provider").asString()).isEqualTo("openai_realtime");
			});
			assertThat(messages).anySatisfy((message) -> {
				assertThat(message.path("role").asString()).isEqualTo("system");
				assertThat(message.path("content").asString())
					.startsWith("Realtime provider switched from openai_realtime to gemini");
			});
			assertThat(messages).anySatisfy((message) -> {
				assertThat(message.path("content").asString()).isEqualTo("Okay.");
				assertThat(message.path("provider").asString()).isEqualTo("gemini");
			});

			caller.hangUp();
			assertThat(this.calls.awaitEnd(call).path("final_action").asString()).isEqualTo("caller_hangup");
			await().atMost(Duration.ofSeconds(5)).until(geminiSession::isDisconnected);
		}
	}

}
