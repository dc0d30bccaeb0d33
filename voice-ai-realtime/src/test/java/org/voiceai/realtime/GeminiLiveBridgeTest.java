package org.voiceai.realtime;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.voiceai.realtime.emulator.ModAudioStreamEmulator;
import org.voiceai.realtime.fakes.esl.FakeFreeSwitchEsl;
import org.voiceai.realtime.fakes.gemini.FakeLiveSession;
import org.voiceai.realtime.fakes.gemini.GeminiLiveFake;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A call end to end with Gemini Live as the provider: the mod_audio_stream emulator as FreeSWITCH's media side (8 kHz
 * PCM, converted to Gemini's 16 kHz and back from its 24 kHz), the Gemini Live fake (JSON in binary frames), the ESL
 * fake, WireMock as voice-ai-service and as the apology's text-to-speech provider, and the embedded PostgreSQL. The
 * domain's realtime provider row is a {@code gemini_live} row; everything else is as in {@link RealtimeBridgeTest}.
 */
class GeminiLiveBridgeTest extends BridgeEndToEndTest {

	static final String KEY = "AIza-bridge-test";

	@AutoClose
	static final GeminiLiveFake gemini = GeminiLiveFake.start(KEY);

	@BeforeEach
	void aGeminiLiveRow() {
		Map<String, Object> realtime = new LinkedHashMap<>();
		realtime.put("api_key", KEY);
		realtime.put("base_url", gemini.baseUrl());
		realtime.put("voice", "Aoede");
		this.fixture.replaceRealtime(this.providers, "gemini", "Gemini Live", realtime);
	}

	@ParameterizedTest
	@ValueSource(strings = { "raw", "file" })
	void theGreetingIsHeardAndAQuestionIsAnsweredUntilTheCallerHangsUp(String mode) throws Exception {
		UUID call = UUID.randomUUID();
		int sessions = gemini.sessions().size();
		try (ModAudioStreamEmulator caller = connect(call, mode)) {
			FakeLiveSession session = gemini.awaitSession(sessions).awaitSetupComplete();
			JsonNode setup = session.setup();
			assertThat(setup.path("systemInstruction").toString()).contains("Clínica Sorriso");
			assertThat(setup.path("tools").toString()).contains("transfer_call", "end_call", "take_message");
			assertThat(setup.path("generationConfig").path("speechConfig").path("voiceConfig")
				.path("prebuiltVoiceConfig").path("voiceName").asString()).isEqualTo("Aoede");
			JsonNode greeting = session.awaitReceived("clientContent");
			assertThat(greeting.toString()).contains("Clínica Sorriso, bom dia!");
			assertThat(greeting.path("turnComplete").asBoolean()).isTrue();

			// The fake answers the greeting turn with 300 ms of speech at 24 kHz; the caller hears it at 8 kHz.
			await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.heardMillis(caller, mode, call) >= 300);
			session.queueReply("Atendemos das 8h às 18h.", Duration.ofMillis(600)).callerWillSay("Qual o horário?");
			caller.speak(BridgeCalls.tone(8000, 600));
			await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.heardMillis(caller, mode, call) >= 900);
			await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.utterances(call).contains("user:Qual o horário?"));
			await().atMost(Duration.ofSeconds(10))
				.until(() -> this.calls.utterances(call).contains("assistant:Atendemos das 8h às 18h."));
			JsonNode audio = session.received("realtimeInput").get(0).path("audio");
			assertThat(audio.path("mimeType").asString()).isEqualTo("audio/pcm;rate=16000");

			caller.hangUp();
			assertThat(this.calls.awaitEnd(call).path("final_action").asString()).isEqualTo("caller_hangup");
			await().atMost(Duration.ofSeconds(5)).until(session::isDisconnected);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "raw", "file" })
	void callerSpeechOverTheAgentIsABargeInThatStopsItsAudio(String mode) throws Exception {
		UUID call = UUID.randomUUID();
		int sessions = gemini.sessions().size();
		try (ModAudioStreamEmulator caller = connect(call, mode)) {
			FakeLiveSession session = gemini.awaitSession(sessions).awaitSetupComplete();
			await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.heardMillis(caller, mode, call) >= 300);
			Thread.sleep(200);
			int greeting = this.calls.heardMillis(caller, mode, call);

			FakeLiveSession.Reply reply = session.startSpeaking("Uma resposta bem longa sobre os nossos serviços.",
					Duration.ofSeconds(4));
			await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.heardMillis(caller, mode, call) >= greeting + 1000);
			caller.speak(BridgeCalls.tone(8000, 500));
			await().atMost(Duration.ofSeconds(5)).until(reply::interrupted);
			long interrupted = session.firstSentNanos("interrupted");
			if ("file".equals(mode)) {
				esl.awaitApiCommand((command) -> command.equals("uuid_break " + call + " all"), Duration.ofSeconds(5));
			}
			else {
				await().atMost(Duration.ofSeconds(5))
					.until(() -> BridgeCalls.texts(caller).contains("{\"type\":\"clearAudio\"}"));
			}
			Thread.sleep(300);

			// Nothing reaches FreeSWITCH later than one 20 ms frame after Gemini reported the interruption.
			assertThat(this.calls.agentAudioArrivals(caller, mode, call)).noneMatch((arrival) -> arrival > interrupted + 20_000_000L);
			assertThat(this.calls.heardMillis(caller, mode, call) - greeting).as("the 4 s reply was cut").isLessThan(3000);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> this.calls.utterances(call).stream().anyMatch((u) -> u.startsWith("assistant:Uma resposta")));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "raw", "file" })
	void aTransferToolCallPlaysTheAnnouncementThenTransfers(String mode) throws Exception {
		UUID call = UUID.randomUUID();
		int sessions = gemini.sessions().size();
		try (ModAudioStreamEmulator caller = connect(call, mode)) {
			FakeLiveSession session = gemini.awaitSession(sessions).awaitSetupComplete();
			await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.heardMillis(caller, mode, call) >= 300);
			Thread.sleep(200);
			int greeting = this.calls.heardMillis(caller, mode, call);

			session.queueReply("Vou transferir você para o financeiro.", Duration.ofSeconds(1));
			String id = session.callTool("transfer_call", "{\"destination\":\"contas\"}");
			FakeFreeSwitchEsl.ReceivedCommand transfer = esl.awaitApiCommand(
					(command) -> command.startsWith("uuid_transfer " + call), Duration.ofSeconds(15));

			assertThat(transfer.line()).isEqualTo("api uuid_transfer " + call + " 1001 XML " + this.fixture.domainName);
			assertThat(this.calls.heardMillis(caller, mode, call) - greeting).isGreaterThanOrEqualTo(1000);
			assertThat(transfer.nanoTime()).isGreaterThanOrEqualTo(this.calls.lastAgentAudio(caller, mode, call));
			JsonNode response = session.awaitReceived("toolResponse").path("functionResponses").get(0);
			assertThat(response.path("id").asString()).isEqualTo(id);
			assertThat(response.path("name").asString()).isEqualTo("transfer_call");
			assertThat(response.path("response").toString()).contains("Financeiro");
			esl.awaitApiCommand((command) -> command.equals("uuid_audio_stream " + call + " stop"),
					Duration.ofSeconds(5));
			caller.hangUp();
			JsonNode end = this.calls.awaitEnd(call);
			assertThat(end.path("final_action").asString()).isEqualTo("transfer");
			assertThat(end.path("transfer_extension").asString()).isEqualTo("1001");
		}
		assertThat(esl.apiCommands().stream().filter((command) -> command.contains("uuid_transfer " + call)))
			.hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "raw", "file" })
	void endCallSaysTheFarewellThenHangsUp(String mode) throws Exception {
		UUID call = UUID.randomUUID();
		int sessions = gemini.sessions().size();
		try (ModAudioStreamEmulator caller = connect(call, mode)) {
			FakeLiveSession session = gemini.awaitSession(sessions).awaitSetupComplete();
			await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.heardMillis(caller, mode, call) >= 300);
			Thread.sleep(200);
			int greeting = this.calls.heardMillis(caller, mode, call);

			session.queueReply("Obrigada pela ligação, até logo!", Duration.ofMillis(800));
			session.callTool("end_call", "{\"reason\":\"caller said goodbye\"}");
			FakeFreeSwitchEsl.ReceivedCommand kill = esl.awaitApiCommand(
					(command) -> command.equals("uuid_kill " + call), Duration.ofSeconds(15));

			assertThat(this.calls.heardMillis(caller, mode, call) - greeting).isGreaterThanOrEqualTo(800);
			assertThat(kill.nanoTime()).isGreaterThanOrEqualTo(this.calls.lastAgentAudio(caller, mode, call));
			assertThat(caller.closeCode().get(10, TimeUnit.SECONDS)).isEqualTo(1000);
			assertThat(this.calls.awaitEnd(call).path("final_action").asString()).isEqualTo("hangup");
			assertThat(session.received("toolResponse")).hasSize(1);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "raw", "file" })
	void whenGeminiDropsTheCallerHearsTheApologyAndTheCallEnds(String mode) throws Exception {
		UUID call = UUID.randomUUID();
		int sessions = gemini.sessions().size();
		try (ModAudioStreamEmulator caller = connect(call, mode)) {
			FakeLiveSession session = gemini.awaitSession(sessions).awaitSetupComplete();
			await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.heardMillis(caller, mode, call) >= 300);
			session.queueReply("Das 8h às 18h.", Duration.ofMillis(300)).callerWillSay("Qual o horário?");
			caller.speak(BridgeCalls.tone(8000, 500));
			await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.utterances(call).contains("user:Qual o horário?"));
			await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.heardMillis(caller, mode, call) >= 600);
			Thread.sleep(300);
			int before = this.calls.heardMillis(caller, mode, call);

			session.drop();
			esl.awaitApiCommand((command) -> command.equals("uuid_kill " + call), Duration.ofSeconds(15));

			// The apology: one second of speech from the text-to-speech provider, at the call's 8 kHz.
			assertThat(this.calls.heardMillis(caller, mode, call) - before).isBetween(960, 1040);
			assertThat(service.findAll(postRequestedFor(urlPathEqualTo("/v1/audio/speech"))).get(0).getBodyAsString())
				.contains("Desculpe, tivemos um problema técnico.");
			JsonNode end = this.calls.awaitEnd(call);
			assertThat(end.path("final_action").asString()).isEqualTo("error");
			assertThat(end.path("summary").asString()).contains("provider lost");
			assertThat(caller.closeCode().get(10, TimeUnit.SECONDS)).isEqualTo(1000);
		}
	}

	private ModAudioStreamEmulator connect(UUID call, String mode) throws InterruptedException {
		return this.calls.connect(this.fixture.streamUri(this.port, call, mode), call, mode, null);
	}

}
