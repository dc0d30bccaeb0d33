package org.voiceai.realtime;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.voiceai.audio.AudioFormat;
import org.voiceai.audio.G711;
import org.voiceai.audio.Pcm16;
import org.voiceai.audio.Wav;
import org.voiceai.realtime.emulator.CallSimulator;
import org.voiceai.realtime.emulator.ModAudioStreamEmulator;
import org.voiceai.realtime.fakes.esl.FakeFreeSwitchEsl;
import org.voiceai.realtime.fakes.openai.FakeRealtimeSession;
import org.voiceai.realtime.fakes.openai.OpenAiRealtimeFake;
import org.voiceai.testing.EmbeddedDefaults;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bridge end to end over real sockets: the mod_audio_stream emulator as FreeSWITCH's media side, the OpenAI
 * Realtime fake as the provider, the ESL fake as FreeSWITCH's event socket, WireMock as voice-ai-service (which
 * stores conversations) and as the text-to-speech provider of the apology, and the embedded PostgreSQL.
 */
class RealtimeBridgeTest extends BridgeEndToEndTest {

	@AutoClose
	static final OpenAiRealtimeFake openAi = OpenAiRealtimeFake.start("sk-realtime-test");

	@Override
	String openAiRealtimeUrl() {
		return openAi.baseUrl();
	}

	@ParameterizedTest
	@ValueSource(strings = { "raw", "json", "file" })
	void theGreetingIsHeardAndAQuestionIsAnsweredInEveryReturnMode(String mode) throws Exception {
		UUID call = UUID.randomUUID();
		int sessions = openAi.sessions().size();
		long connectedAt = System.nanoTime();
		try (ModAudioStreamEmulator caller = connect(call, mode, "{\"caller_id_name\":\"Maria\"}")) {
			FakeRealtimeSession session = openAi.awaitSession(sessions).awaitConfigured();
			assertThat(session.config().path("instructions").asString()).contains("Clínica Sorriso");
			assertThat(session.config().toString()).contains("transfer_call", "end_call", "take_message");
			assertThat(session.awaitReceived("response.create").toString()).contains("Clínica Sorriso, bom dia!");

			// The fake answers the greeting's response.create with 300 ms of speech.
			await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.heardMillis(caller, mode, call) >= 300);
			long firstAudio = this.calls.firstAgentAudio(caller, mode, call) - connectedAt;
			assertThat(Duration.ofNanos(firstAudio)).isLessThan(Duration.ofSeconds(3));

			session.queueReply("Atendemos das 8h às 18h.", Duration.ofMillis(600)).callerWillSay("Qual o horário?");
			caller.speak(BridgeCalls.tone(8000, 600));
			await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.heardMillis(caller, mode, call) >= 900);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> this.calls.utterances(call).contains("user:Qual o horário?"));

			caller.hangUp();
			JsonNode end = this.calls.awaitEnd(call);
			assertThat(end.path("final_action").asString()).isEqualTo("caller_hangup");
			await().atMost(Duration.ofSeconds(5)).until(session::isDisconnected);
		}
		String metrics = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/prometheus")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		String tags = "domain=\"" + this.fixture.domain.value() + "\",provider=\"openai_realtime\"";
		assertThat(metrics).contains("voiceai_realtime_frames_in_total{" + tags, "voiceai_realtime_frames_out_total{" + tags,
				"voiceai_realtime_first_audio_seconds_count{" + tags, "voiceai_realtime_calls_active");
		List<LoggedRequest> opened = service.findAll(putRequestedFor(urlPathEqualTo("/api/v1/conversations/" + call)));
		assertThat(opened).hasSize(1);
		JsonNode open = BridgeCalls.json.readTree(opened.get(0).getBodyAsString());
		assertThat(open.path("secretary_uuid").asString()).isEqualTo(this.fixture.secretary.toString());
		assertThat(open.path("caller_id_number").asString()).isEqualTo("5511999990000");
		assertThat(open.path("caller_id_name").asString()).isEqualTo("Maria");
		assertThat(opened.get(0).getHeader("X-Domain-UUID")).isEqualTo(this.fixture.domain.value().toString());
	}

	@ParameterizedTest
	@ValueSource(strings = { "raw", "json", "file" })
	void bargeInStopsTheAgentWithinAFrameAndTruncatesToWhatWasHeard(String mode) throws Exception {
		UUID call = UUID.randomUUID();
		int sessions = openAi.sessions().size();
		try (ModAudioStreamEmulator caller = connect(call, mode, null)) {
			FakeRealtimeSession session = openAi.awaitSession(sessions).awaitConfigured();
			await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.heardMillis(caller, mode, call) >= 300);
			Thread.sleep(200);
			int greeting = this.calls.heardMillis(caller, mode, call);

			session.startSpeaking("Uma resposta bem longa sobre os nossos serviços.", Duration.ofSeconds(4));
			await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.heardMillis(caller, mode, call) >= greeting + 1000);
			caller.speak(BridgeCalls.tone(8000, 500));
			JsonNode truncate = session.awaitReceived("conversation.item.truncate");
			long speechStarted = session.firstSentNanos("input_audio_buffer.speech_started");
			assertThat(speechStarted).isPositive();
			Thread.sleep(300);

			// Nothing reaches FreeSWITCH later than one 20 ms frame after the provider heard the caller.
			List<Long> late = this.calls.agentAudioArrivals(caller, mode, call).stream()
				.filter((arrival) -> arrival > speechStarted + 20_000_000L)
				.toList();
			assertThat(late).isEmpty();
			long sent = this.calls.heardMillis(caller, mode, call) - greeting;
			long truncatedAt = truncate.path("audio_end_ms").asLong();
			long lead = "file".equals(mode) ? 200 + 60 : 60;
			assertThat(truncatedAt).isBetween(sent - lead - 60, sent);
			if ("file".equals(mode)) {
				esl.awaitApiCommand((command) -> command.equals("uuid_break " + call + " all"), Duration.ofSeconds(5));
			}
			else if ("raw".equals(mode) || "json".equals(mode)) {
				assertThat(BridgeCalls.texts(caller)).contains("{\"type\":\"clearAudio\"}");
			}
		}
	}

	@Test
	void aG711CallerIsPassedToTheProviderUnconvertedAndHearsTheAnswerAtItsRate() throws Exception {
		UUID call = UUID.randomUUID();
		esl.addChannel(call.toString());
		int sessions = openAi.sessions().size();
		URI uri = URI.create(this.fixture.streamUri(this.port, call, "raw") + "&encoding=pcmu");
		try (ModAudioStreamEmulator caller = ModAudioStreamEmulator.connect(uri, CallFixture.authorization(),
				AudioFormat.ULAW_8K, null)) {
			FakeRealtimeSession session = openAi.awaitSession(sessions).awaitConfigured();
			assertThat(session.inputFormat()).isEqualTo(AudioFormat.ULAW_8K);
			await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.heardMillis(caller, "raw", call) >= 300);
			session.queueReply("Claro.", Duration.ofMillis(400)).callerWillSay("Olá?");
			caller.speak(G711.encodeUlaw(Pcm16.toShorts(BridgeCalls.tone(8000, 500))));
			await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.utterances(call).contains("user:Olá?"));
			await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.heardMillis(caller, "raw", call) >= 700);
			// Agent audio goes back as 16-bit PCM at 8 kHz, announced once.
			assertThat(BridgeCalls.texts(caller)).contains("{\"type\":\"rawAudio\",\"data\":{\"sampleRate\":8000}}");
		}
	}

	@Test
	void theCallSimulatorPlaysAWavAndWritesWhatTheCallerHeard() throws Exception {
		int sessions = openAi.sessions().size();
		UUID call = UUID.randomUUID();
		esl.addChannel(call.toString());
		Thread asker = new Thread(() -> {
			FakeRealtimeSession session = openAi.awaitSession(sessions).awaitConfigured();
			// After the greeting's request, so the greeting is the fake's default 300 ms and the answer this one.
			session.awaitReceived("response.create");
			session.queueReply("Das 8h às 18h.", Duration.ofMillis(700)).callerWillSay("Qual o horário?");
		});
		asker.start();
		byte[] question = Wav.write(AudioFormat.PCM16_16K, BridgeCalls.tone(16000, 600));

		byte[] heard = CallSimulator.call(this.fixture.streamUri(this.port, call, "raw"), EmbeddedDefaults.SERVICE_TOKEN,
				question, Duration.ofSeconds(7), Duration.ofMillis(2500));

		asker.join();
		Wav.Audio audio = Wav.read(heard);
		assertThat(audio.format()).isEqualTo(AudioFormat.PCM16_8K);
		// The greeting (300 ms from the fake) and the answer (700 ms).
		assertThat(audio.duration()).isBetween(Duration.ofMillis(980), Duration.ofMillis(1100));
		assertThat(this.calls.utterances(call)).contains("user:Qual o horário?");
	}

	@Test
	void aTransferPlaysTheWholeAnnouncementThenTransfersExactlyOnce() throws Exception {
		UUID call = UUID.randomUUID();
		int sessions = openAi.sessions().size();
		try (ModAudioStreamEmulator caller = connect(call, "raw", null)) {
			FakeRealtimeSession session = openAi.awaitSession(sessions).awaitConfigured();
			await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.heardMillis(caller, "raw", call) >= 300);
			int greeting = this.calls.heardMillis(caller, "raw", call);

			session.queueReply("Vou transferir você para o financeiro.", Duration.ofSeconds(1));
			session.callTool("transfer_call", "{\"destination\":\"contas\"}");
			FakeFreeSwitchEsl.ReceivedCommand transfer = esl.awaitApiCommand(
					(command) -> command.startsWith("uuid_transfer " + call), Duration.ofSeconds(15));

			assertThat(transfer.line()).isEqualTo("api uuid_transfer " + call + " 1001 XML " + this.fixture.domainName);
			assertThat(this.calls.heardMillis(caller, "raw", call) - greeting).isGreaterThanOrEqualTo(1000);
			long lastFrame = this.calls.lastAgentAudio(caller, "raw", call);
			// FreeSWITCH plays a frame 20 ms after it arrives at the latest: the announcement had fully played.
			assertThat(transfer.nanoTime()).isGreaterThanOrEqualTo(lastFrame);
			JsonNode output = session.awaitReceived("conversation.item.create");
			assertThat(output.toString()).contains("function_call_output", "Financeiro");
			esl.awaitApiCommand((command) -> command.equals("uuid_audio_stream " + call + " stop"), Duration.ofSeconds(5));
			caller.hangUp();
			JsonNode end = this.calls.awaitEnd(call);
			assertThat(end.path("final_action").asString()).isEqualTo("transfer");
			assertThat(end.path("transfer_extension").asString()).isEqualTo("1001");
			assertThat(end.path("transfer_department").asString()).isEqualTo("Financeiro");
		}
		assertThat(esl.apiCommands().stream().filter((command) -> command.contains("uuid_transfer " + call)))
			.hasSize(1);
	}

	@Test
	void anUnknownDestinationIsToldToTheModelAndNothingIsTransferred() throws Exception {
		UUID call = UUID.randomUUID();
		int sessions = openAi.sessions().size();
		try (ModAudioStreamEmulator caller = connect(call, "raw", null)) {
			FakeRealtimeSession session = openAi.awaitSession(sessions).awaitConfigured();
			await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.heardMillis(caller, "raw", call) >= 300);
			session.callTool("transfer_call", "{\"destination\":\"marketing\"}");
			JsonNode output = session.awaitReceived("conversation.item.create");
			assertThat(output.toString()).contains("no destination called 'marketing'", "Financeiro");
			Thread.sleep(500);
			assertThat(esl.apiCommands()).noneMatch((command) -> command.startsWith("uuid_transfer " + call));
			assertThat(caller.isOpen()).isTrue();
		}
	}

	@Test
	void endCallSaysTheFarewellThenHangsUpAndTheBridgeClosesTheStream() throws Exception {
		UUID call = UUID.randomUUID();
		int sessions = openAi.sessions().size();
		try (ModAudioStreamEmulator caller = connect(call, "json", null)) {
			FakeRealtimeSession session = openAi.awaitSession(sessions).awaitConfigured();
			await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.heardMillis(caller, "json", call) >= 300);
			int greeting = this.calls.heardMillis(caller, "json", call);

			session.queueReply("Obrigada pela ligação, até logo!", Duration.ofMillis(800));
			session.callTool("end_call", "{\"reason\":\"caller said goodbye\"}");
			FakeFreeSwitchEsl.ReceivedCommand kill = esl.awaitApiCommand(
					(command) -> command.equals("uuid_kill " + call), Duration.ofSeconds(15));

			assertThat(this.calls.heardMillis(caller, "json", call) - greeting).isGreaterThanOrEqualTo(800);
			assertThat(kill.nanoTime()).isGreaterThanOrEqualTo(this.calls.lastAgentAudio(caller, "json", call));
			assertThat(caller.closeCode().get(10, TimeUnit.SECONDS)).isEqualTo(1000);
			assertThat(this.calls.awaitEnd(call).path("final_action").asString()).isEqualTo("hangup");
			assertThat(session.received("conversation.item.create").toString()).contains("Obrigada pela ligação");
		}
	}

	@Test
	void whenTheProviderDropsTheCallerHearsTheApologyAndTheCallEndsWithWhatWasSaid() throws Exception {
		UUID call = UUID.randomUUID();
		int sessions = openAi.sessions().size();
		try (ModAudioStreamEmulator caller = connect(call, "raw", null)) {
			FakeRealtimeSession session = openAi.awaitSession(sessions).awaitConfigured();
			await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.heardMillis(caller, "raw", call) >= 300);
			session.queueReply("Das 8h às 18h.", Duration.ofMillis(300)).callerWillSay("Qual o horário?");
			caller.speak(BridgeCalls.tone(8000, 500));
			await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.utterances(call).contains("user:Qual o horário?"));
			await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.heardMillis(caller, "raw", call) >= 600);
			Thread.sleep(300);
			int before = this.calls.heardMillis(caller, "raw", call);

			session.drop();
			esl.awaitApiCommand((command) -> command.equals("uuid_kill " + call), Duration.ofSeconds(15));

			// The apology: one second of speech from the text-to-speech provider, at the call's 8 kHz.
			assertThat(this.calls.heardMillis(caller, "raw", call) - before).isBetween(960, 1040);
			assertThat(service.findAll(postRequestedFor(urlPathEqualTo("/v1/audio/speech"))).get(0).getBodyAsString())
				.contains("Desculpe, tivemos um problema técnico.");
			JsonNode end = this.calls.awaitEnd(call);
			assertThat(end.path("final_action").asString()).isEqualTo("error");
			assertThat(end.path("summary").asString()).contains("provider lost");
			assertThat(caller.closeCode().get(10, TimeUnit.SECONDS)).isEqualTo(1000);
		}
	}

	@Test
	void aCallOverTheDomainsLimitIsRefusedWithItsOwnCode() throws Exception {
		this.fixture.limitConcurrentCalls(1);
		UUID first = UUID.randomUUID();
		int sessions = openAi.sessions().size();
		try (ModAudioStreamEmulator one = connect(first, "raw", null)) {
			openAi.awaitSession(sessions).awaitConfigured();
			try (ModAudioStreamEmulator two = connect(UUID.randomUUID(), "raw", null)) {
				assertThat(two.closeCode().get(10, TimeUnit.SECONDS)).isEqualTo(4429);
				assertThat(two.closeReason()).contains("limit of 1");
			}
			assertThat(one.isOpen()).isTrue();
		}
	}

	@Test
	void refusalsCarryTheirOwnCloseCodes() throws Exception {
		UUID call = UUID.randomUUID();
		try (ModAudioStreamEmulator wrongToken = ModAudioStreamEmulator.connect(
				this.fixture.streamUri(this.port, call, "raw"), Map.of("Authorization", "Bearer nope"), 8000, null)) {
			assertThat(wrongToken.closeCode().get(10, TimeUnit.SECONDS)).isEqualTo(4401);
		}
		try (ModAudioStreamEmulator badPath = ModAudioStreamEmulator.connect(
				URI.create("ws://127.0.0.1:" + this.port + "/stream/not-a-uuid/" + call),
				CallFixture.authorization(), 8000, null)) {
			assertThat(badPath.closeCode().get(10, TimeUnit.SECONDS)).isEqualTo(4400);
		}
		String unknown = "ws://127.0.0.1:" + this.port + "/stream/" + UUID.randomUUID() + "/" + call
				+ "?domain_uuid=" + this.fixture.domain.value();
		try (ModAudioStreamEmulator unknownSecretary = ModAudioStreamEmulator.connect(URI.create(unknown),
				CallFixture.authorization(), 8000, null)) {
			assertThat(unknownSecretary.closeCode().get(10, TimeUnit.SECONDS)).isEqualTo(4404);
		}
		CallFixture other = CallFixture.create(this.database, this.providers, openAi.baseUrl(), service.baseUrl());
		String foreign = "ws://127.0.0.1:" + this.port + "/stream/" + other.secretary + "/" + call + "?domain_uuid="
				+ this.fixture.domain.value();
		try (ModAudioStreamEmulator foreignDomain = ModAudioStreamEmulator.connect(URI.create(foreign),
				CallFixture.authorization(), 8000, null)) {
			assertThat(foreignDomain.closeCode().get(10, TimeUnit.SECONDS)).isEqualTo(4403);
		}
	}

	@Test
	void badInputOnOneCallLeavesTheOtherCallsAlone() throws Exception {
		UUID bad = UUID.randomUUID();
		UUID good = UUID.randomUUID();
		int sessions = openAi.sessions().size();
		try (ModAudioStreamEmulator troublemaker = connect(bad, "raw", "this is not json");
				ModAudioStreamEmulator caller = connect(good, "raw", null)) {
			openAi.awaitSession(sessions).awaitConfigured();
			// The calls connected one after the other: the second session is the good call's.
			FakeRealtimeSession goodSession = openAi.awaitSession(sessions + 1).awaitConfigured();
			await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.heardMillis(caller, "raw", good) >= 300);

			troublemaker.sendText("{\"type\":\"garbage\"");
			troublemaker.sendText("\u0000\u0001 binary-looking text");
			troublemaker.sendBinary(new byte[321]);
			troublemaker.sendBinary(new byte[1 << 20]);
			// Netty refuses the frame with 1009; the client may see only the dropped connection (1006) while it is
			// still writing the megabyte.
			assertThat(troublemaker.closeCode().get(10, TimeUnit.SECONDS)).isIn(1009, 1006);
			assertThat(this.calls.awaitEnd(bad).path("final_action").asString()).isEqualTo("caller_hangup");

			int heard = this.calls.heardMillis(caller, "raw", good);
			goodSession.queueReply("Claro.", Duration.ofMillis(400)).callerWillSay("Olá?");
			caller.speak(BridgeCalls.tone(8000, 500));
			await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.heardMillis(caller, "raw", good) >= heard + 400);
			assertThat(caller.isOpen()).isTrue();
		}
	}

	private ModAudioStreamEmulator connect(UUID call, String mode, String metadata) throws InterruptedException {
		return this.calls.connect(this.fixture.streamUri(this.port, call, mode), call, mode, metadata);
	}

}
