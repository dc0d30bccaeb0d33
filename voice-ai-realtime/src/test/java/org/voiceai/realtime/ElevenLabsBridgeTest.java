package org.voiceai.realtime;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.voiceai.realtime.emulator.ModAudioStreamEmulator;
import org.voiceai.realtime.fakes.elevenlabs.ElevenLabsAgentFake;
import org.voiceai.realtime.fakes.elevenlabs.FakeAgentConversation;
import org.voiceai.realtime.fakes.esl.FakeFreeSwitchEsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bridge end to end with an ElevenLabs agent as the realtime provider, over real sockets: the mod_audio_stream
 * emulator as FreeSWITCH's media side, the ElevenLabs agent fake, the ESL fake, WireMock as voice-ai-service and as
 * the text-to-speech provider of the apology, and the embedded PostgreSQL. Every scenario runs in the {@code raw} and
 * {@code file} return modes.
 */
class ElevenLabsBridgeTest extends BridgeEndToEndTest {

	static final String AGENT = "agent_clinica";

	@AutoClose
	static final ElevenLabsAgentFake elevenlabs = ElevenLabsAgentFake.start("xi-realtime-test");

	static {
		// A private agent that allows the prompt and first-message overrides, answering in 16 kHz PCM.
		elevenlabs.agent(AGENT).makePrivate().allowOverrides("prompt", "first_message").formats("pcm_16000",
				"pcm_16000");
	}

	@BeforeEach
	void anElevenLabsAgentRow() {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("api_key", "xi-realtime-test");
		row.put("agent_id", AGENT);
		row.put("base_url", elevenlabs.baseUrl());
		row.put("response_gap_ms", "300");
		this.fixture.replaceRealtime(this.providers, "elevenlabs", "ElevenLabs agent", row);
	}

	@ParameterizedTest
	@ValueSource(strings = { "raw", "file" })
	void theGreetingIsHeardAndAQuestionIsAnswered(String mode) throws Exception {
		UUID call = UUID.randomUUID();
		int conversations = elevenlabs.conversations().size();
		try (ModAudioStreamEmulator caller = connect(call, mode, "{\"caller_id_name\":\"Maria\"}")) {
			FakeAgentConversation agent = elevenlabs.awaitConversation(conversations).awaitInitiated();
			assertThat(agent.signed()).isTrue();
			assertThat(agent.overrides().path("agent").path("prompt").path("prompt").asString())
				.contains("Clínica Sorriso");
			// The secretary's greeting is asked for as an instruction; the agent answers with the default reply.
			assertThat(agent.awaitReceived("user_message").path("text").asString())
				.contains("Clínica Sorriso, bom dia!");
			await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.heardMillis(caller, mode, call) >= 300);

			agent.queueReply("Atendemos das 8h às 18h.", Duration.ofMillis(600)).callerWillSay("Qual o horário?");
			caller.speak(BridgeCalls.tone(8000, 600));
			await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.heardMillis(caller, mode, call) >= 900);
			await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.utterances(call)
				.containsAll(List.of("user:Qual o horário?", "assistant:Atendemos das 8h às 18h.")));
			// Caller audio reached the agent at its 16 kHz input rate.
			assertThat(agent.receivedAudioMillis()).isGreaterThan(600);

			caller.hangUp();
			assertThat(this.calls.awaitEnd(call).path("final_action").asString()).isEqualTo("caller_hangup");
			await().atMost(Duration.ofSeconds(5)).until(agent::isDisconnected);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "raw", "file" })
	void bargeInClearsWhatIsQueuedAndTheInterruptedRepliesLateAudioIsNeverPlayed(String mode) throws Exception {
		UUID call = UUID.randomUUID();
		int conversations = elevenlabs.conversations().size();
		try (ModAudioStreamEmulator caller = connect(call, mode, null)) {
			FakeAgentConversation agent = elevenlabs.awaitConversation(conversations).awaitInitiated();
			await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.heardMillis(caller, mode, call) >= 300);
			Thread.sleep(200);
			int greeting = this.calls.heardMillis(caller, mode, call);

			long reply = agent.speak("Uma resposta bem longa sobre os nossos serviços.", Duration.ofSeconds(4));
			await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.heardMillis(caller, mode, call) >= greeting + 1000);
			agent.queueReply("Pois não?", Duration.ofMillis(300));
			caller.speak(BridgeCalls.tone(8000, 500));
			await().atMost(Duration.ofSeconds(10)).until(() -> agent.interruptionsSent().contains(reply));
			if ("file".equals(mode)) {
				esl.awaitApiCommand((command) -> command.equals("uuid_break " + call + " all"), Duration.ofSeconds(5));
			}
			else {
				await().atMost(Duration.ofSeconds(5)).until(() -> BridgeCalls.texts(caller).contains("{\"type\":\"clearAudio\"}"));
			}
			// The answer to the caller's turn follows; the rest of the four seconds (and its stale chunk) never do.
			await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.utterances(call).contains("assistant:Pois não?"));
			Thread.sleep(800);
			assertThat(this.calls.heardMillis(caller, mode, call) - greeting).isLessThan(2600);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "raw", "file" })
	void aTransferToolCallIsAnsweredAnnouncedAndTransfersOnce(String mode) throws Exception {
		UUID call = UUID.randomUUID();
		int conversations = elevenlabs.conversations().size();
		try (ModAudioStreamEmulator caller = connect(call, mode, null)) {
			FakeAgentConversation agent = elevenlabs.awaitConversation(conversations).awaitInitiated();
			await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.heardMillis(caller, mode, call) >= 300);
			Thread.sleep(200);
			int greeting = this.calls.heardMillis(caller, mode, call);

			agent.queueReply("Vou transferir você para o financeiro.", Duration.ofSeconds(1));
			String toolCallId = agent.callTool("transfer_call", "{\"destination\":\"contas\"}");
			FakeFreeSwitchEsl.ReceivedCommand transfer = esl.awaitApiCommand(
					(command) -> command.startsWith("uuid_transfer " + call), Duration.ofSeconds(15));

			assertThat(transfer.line()).isEqualTo("api uuid_transfer " + call + " 1001 XML " + this.fixture.domainName);
			JsonNode result = agent.awaitReceived("client_tool_result");
			assertThat(result.path("tool_call_id").asString()).isEqualTo(toolCallId);
			assertThat(result.path("result").asString()).contains("Financeiro");
			assertThat(this.calls.heardMillis(caller, mode, call) - greeting).isGreaterThanOrEqualTo(1000);
			assertThat(transfer.nanoTime()).isGreaterThanOrEqualTo(this.calls.lastAgentAudio(caller, mode, call));
			caller.hangUp();
			JsonNode end = this.calls.awaitEnd(call);
			assertThat(end.path("final_action").asString()).isEqualTo("transfer");
			assertThat(end.path("transfer_extension").asString()).isEqualTo("1001");
			assertThat(agent.problems()).isEmpty();
		}
		assertThat(esl.apiCommands().stream().filter((command) -> command.contains("uuid_transfer " + call)))
			.hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "raw", "file" })
	void endCallSaysTheFarewellThenHangsUp(String mode) throws Exception {
		UUID call = UUID.randomUUID();
		int conversations = elevenlabs.conversations().size();
		try (ModAudioStreamEmulator caller = connect(call, mode, null)) {
			FakeAgentConversation agent = elevenlabs.awaitConversation(conversations).awaitInitiated();
			await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.heardMillis(caller, mode, call) >= 300);
			Thread.sleep(200);
			int greeting = this.calls.heardMillis(caller, mode, call);

			agent.queueReply("Obrigada pela ligação, até logo!", Duration.ofMillis(800));
			agent.callTool("end_call", "{\"reason\":\"caller said goodbye\"}");
			FakeFreeSwitchEsl.ReceivedCommand kill = esl.awaitApiCommand(
					(command) -> command.equals("uuid_kill " + call), Duration.ofSeconds(15));

			assertThat(this.calls.heardMillis(caller, mode, call) - greeting).isGreaterThanOrEqualTo(800);
			assertThat(kill.nanoTime()).isGreaterThanOrEqualTo(this.calls.lastAgentAudio(caller, mode, call));
			assertThat(caller.closeCode().get(10, TimeUnit.SECONDS)).isEqualTo(1000);
			assertThat(this.calls.awaitEnd(call).path("final_action").asString()).isEqualTo("hangup");
			await().atMost(Duration.ofSeconds(5)).until(agent::isDisconnected);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "raw", "file" })
	void whenTheAgentDropsTheCallerHearsTheApologyAndTheCallEnds(String mode) throws Exception {
		UUID call = UUID.randomUUID();
		int conversations = elevenlabs.conversations().size();
		try (ModAudioStreamEmulator caller = connect(call, mode, null)) {
			FakeAgentConversation agent = elevenlabs.awaitConversation(conversations).awaitInitiated();
			await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.heardMillis(caller, mode, call) >= 300);
			Thread.sleep(500);
			int before = this.calls.heardMillis(caller, mode, call);

			agent.drop();
			esl.awaitApiCommand((command) -> command.equals("uuid_kill " + call), Duration.ofSeconds(15));

			// The apology: one second of speech from the text-to-speech provider.
			assertThat(this.calls.heardMillis(caller, mode, call) - before).isBetween(960, 1040);
			JsonNode end = this.calls.awaitEnd(call);
			assertThat(end.path("final_action").asString()).isEqualTo("error");
			assertThat(end.path("summary").asString()).contains("provider lost");
		}
	}

	private ModAudioStreamEmulator connect(UUID call, String mode, String metadata) throws InterruptedException {
		return this.calls.connect(this.fixture.streamUri(this.port, call, mode), call, mode, metadata);
	}

}
