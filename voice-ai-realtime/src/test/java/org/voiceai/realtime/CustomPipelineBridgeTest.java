package org.voiceai.realtime;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import org.voiceai.realtime.emulator.ModAudioStreamEmulator;
import org.voiceai.realtime.fakes.deepgram.DeepgramLiveFake;
import org.voiceai.realtime.fakes.deepgram.FakeListenStream;
import org.voiceai.realtime.fakes.esl.FakeFreeSwitchEsl;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.voiceai.realtime.PipelineFakes.CHAT_PATH;
import static org.voiceai.realtime.PipelineFakes.textReply;
import static org.voiceai.realtime.PipelineFakes.toolReply;

/**
 * The bridge end to end with the custom pipeline as the realtime provider, over real sockets: the mod_audio_stream
 * emulator as FreeSWITCH's media side, the Deepgram live fake hearing the caller, WireMock as Groq's chat completions
 * (streamed as SSE, through the domain's {@code groq} row and langchain4j's OpenAI client), as OpenAI text-to-speech
 * (the domain's default {@code tts} row: one second of speech per sentence, also the apology's) and as
 * voice-ai-service, the ESL fake, and the embedded PostgreSQL. Every scenario runs in the {@code raw} and
 * {@code file} return modes.
 */
class CustomPipelineBridgeTest extends BridgeEndToEndTest {

	static final String KEY = "dg-bridge-test";

	@AutoClose
	static final DeepgramLiveFake deepgram = DeepgramLiveFake.start(KEY);

	@Autowired
	MeterRegistry meters;

	@BeforeEach
	void aPipelineRow() {
		this.providers.insert(this.fixture.domain, PipelineFakes.groqRow(service)).block();
		this.fixture.replaceRealtime(this.providers, "custom", "Deepgram + Groq + OpenAI TTS",
				PipelineFakes.realtimeConfig(KEY, deepgram.baseUrl()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "raw", "file" })
	void theGreetingIsHeardAndAQuestionIsAnsweredUntilTheCallerHangsUp(String mode) throws Exception {
		chatReplies(textReply("Clínica Sorriso, bom dia! ", "Como posso ajudar?"),
				textReply("Atendemos das 8h ", "às 18h."));
		UUID call = UUID.randomUUID();
		int streams = deepgram.streams().size();
		try (ModAudioStreamEmulator caller = connect(call, mode)) {
			FakeListenStream stream = deepgram.awaitStream(streams);
			assertThat(stream.parameter("encoding")).isEqualTo("linear16");
			assertThat(stream.parameter("sample_rate")).isEqualTo("8000");
			assertThat(stream.parameter("language")).isEqualTo("pt-BR");
			// Two sentences, spoken one by one: two seconds of speech.
			await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.heardMillis(caller, mode, call) >= 2000);
			JsonNode greeting = chatRequest(0);
			assertThat(greeting.path("stream").asBoolean()).isTrue();
			assertThat(greeting.path("messages").get(0).path("content").asString()).contains("Clínica Sorriso");
			assertThat(lastContent(greeting)).contains("Clínica Sorriso, bom dia!");
			assertThat(greeting.path("tools").toString()).contains("transfer_call", "end_call", "take_message");

			stream.callerWillSay("Qual o horário?");
			caller.speak(BridgeCalls.tone(8000, 600));
			await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.heardMillis(caller, mode, call) >= 3000);
			await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.utterances(call)
				.containsAll(List.of("assistant:Clínica Sorriso, bom dia! Como posso ajudar?", "user:Qual o horário?",
						"assistant:Atendemos das 8h às 18h.")));
			JsonNode question = chatRequest(1);
			assertThat(question.path("messages").get(2).path("role").asString()).isEqualTo("assistant");
			assertThat(lastContent(question)).isEqualTo("Qual o horário?");
			assertThat(replyTimings()).as("the domain's stage timers count each reply").isEqualTo(2);

			caller.hangUp();
			assertThat(this.calls.awaitEnd(call).path("final_action").asString()).isEqualTo("caller_hangup");
			stream.awaitReceived("CloseStream");
			stream.awaitDisconnected();
			assertThat(stream.problems()).isEmpty();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "raw", "file" })
	void callerSpeechOverALongAnswerIsABargeInAndTheHistoryKeepsWhatWasHeard(String mode) throws Exception {
		chatReplies(textReply("Bom dia, pois não?"),
				textReply("Temos limpeza e clareamento. ", "Também fazemos implantes. ", "E ortodontia para crianças. ",
						"Atendemos adultos e idosos. ", "Temos estacionamento próprio. ", "Aceitamos vários convênios."),
				textReply("Claro, pode falar."));
		UUID call = UUID.randomUUID();
		int streams = deepgram.streams().size();
		try (ModAudioStreamEmulator caller = connect(call, mode)) {
			FakeListenStream stream = deepgram.awaitStream(streams);
			await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.heardMillis(caller, mode, call) >= 1000);
			stream.callerWillSay("Quais serviços vocês têm?");
			caller.speak(BridgeCalls.tone(8000, 500));
			await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.heardMillis(caller, mode, call) >= 2200);

			stream.callerWillSay("Espera um pouco");
			caller.speak(BridgeCalls.tone(8000, 500));
			if ("file".equals(mode)) {
				esl.awaitApiCommand((command) -> command.equals("uuid_break " + call + " all"), Duration.ofSeconds(5));
			}
			else {
				await().atMost(Duration.ofSeconds(5))
					.until(() -> BridgeCalls.texts(caller).contains("{\"type\":\"clearAudio\"}"));
			}
			await().atMost(Duration.ofSeconds(10))
				.until(() -> this.calls.utterances(call).contains("assistant:Claro, pode falar."));
			Thread.sleep(500);
			// Greeting (1 s) + the answer until the barge-in + the last reply (1 s): far from the answer's 6 s.
			assertThat(this.calls.heardMillis(caller, mode, call)).isLessThan(6000);
			JsonNode afterBargeIn = chatRequest(2);
			String history = afterBargeIn.path("messages").toString();
			assertThat(history).contains("Temos limpeza e clareamento.").doesNotContain("Aceitamos vários convênios.");
			assertThat(lastContent(afterBargeIn)).isEqualTo("Espera um pouco");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "raw", "file" })
	void aTransferToolCallIsAnsweredAnnouncedAndTransfersOnce(String mode) throws Exception {
		chatReplies(textReply("Bom dia, pois não?"), toolReply("call_tr1", "transfer_call", "{\"destination\":\"contas\"}"),
				textReply("Vou transferir você para o financeiro."));
		UUID call = UUID.randomUUID();
		int streams = deepgram.streams().size();
		try (ModAudioStreamEmulator caller = connect(call, mode)) {
			FakeListenStream stream = deepgram.awaitStream(streams);
			await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.heardMillis(caller, mode, call) >= 1000);
			stream.callerWillSay("Quero falar com o financeiro");
			caller.speak(BridgeCalls.tone(8000, 500));
			FakeFreeSwitchEsl.ReceivedCommand transfer = esl.awaitApiCommand(
					(command) -> command.startsWith("uuid_transfer " + call), Duration.ofSeconds(15));

			assertThat(transfer.line()).isEqualTo("api uuid_transfer " + call + " 1001 XML " + this.fixture.domainName);
			assertThat(this.calls.heardMillis(caller, mode, call)).isGreaterThanOrEqualTo(2000);
			assertThat(transfer.nanoTime()).isGreaterThanOrEqualTo(this.calls.lastAgentAudio(caller, mode, call));
			JsonNode withResult = chatRequest(2);
			JsonNode messages = withResult.path("messages");
			JsonNode toolCall = messages.get(messages.size() - 2);
			assertThat(toolCall.path("tool_calls").get(0).path("id").asString()).isEqualTo("call_tr1");
			JsonNode result = messages.get(messages.size() - 1);
			assertThat(result.path("role").asString()).isEqualTo("tool");
			assertThat(result.path("tool_call_id").asString()).isEqualTo("call_tr1");
			assertThat(result.path("content").asString()).contains("Financeiro");
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
		chatReplies(textReply("Bom dia, pois não?"), toolReply("call_end1", "end_call", "{\"reason\":\"caller said goodbye\"}"),
				textReply("Obrigada pela ligação, até logo!"));
		UUID call = UUID.randomUUID();
		int streams = deepgram.streams().size();
		try (ModAudioStreamEmulator caller = connect(call, mode)) {
			FakeListenStream stream = deepgram.awaitStream(streams);
			await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.heardMillis(caller, mode, call) >= 1000);
			stream.callerWillSay("Era só isso, tchau");
			caller.speak(BridgeCalls.tone(8000, 500));
			FakeFreeSwitchEsl.ReceivedCommand kill = esl.awaitApiCommand(
					(command) -> command.equals("uuid_kill " + call), Duration.ofSeconds(15));

			assertThat(this.calls.heardMillis(caller, mode, call)).isGreaterThanOrEqualTo(2000);
			assertThat(kill.nanoTime()).isGreaterThanOrEqualTo(this.calls.lastAgentAudio(caller, mode, call));
			assertThat(caller.closeCode().get(10, TimeUnit.SECONDS)).isEqualTo(1000);
			assertThat(this.calls.awaitEnd(call).path("final_action").asString()).isEqualTo("hangup");
			stream.awaitDisconnected();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "raw", "file" })
	void whenDeepgramClosesTheStreamTheCallerHearsTheApologyAndTheCallEnds(String mode) throws Exception {
		chatReplies(textReply("Bom dia, pois não?"));
		UUID call = UUID.randomUUID();
		int streams = deepgram.streams().size();
		try (ModAudioStreamEmulator caller = connect(call, mode)) {
			FakeListenStream stream = deepgram.awaitStream(streams);
			await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.heardMillis(caller, mode, call) >= 1000);
			Thread.sleep(300);
			int before = this.calls.heardMillis(caller, mode, call);

			stream.close(1011, "internal server error");
			esl.awaitApiCommand((command) -> command.equals("uuid_kill " + call), Duration.ofSeconds(15));

			// The apology: one second of speech from the text-to-speech provider.
			assertThat(this.calls.heardMillis(caller, mode, call) - before).isBetween(960, 1040);
			JsonNode end = this.calls.awaitEnd(call);
			assertThat(end.path("final_action").asString()).isEqualTo("error");
			assertThat(end.path("summary").asString()).contains("provider lost");
		}
	}

	private ModAudioStreamEmulator connect(UUID call, String mode) throws InterruptedException {
		return this.calls.connect(this.fixture.streamUri(this.port, call, mode), call, mode, null);
	}

	/** Groq answers the call's chat requests with these SSE bodies in turn, then with a short default reply. */
	private static void chatReplies(String... bodies) {
		String state = Scenario.STARTED;
		for (int i = 0; i < bodies.length; i++) {
			String next = "reply " + (i + 1);
			service.stubFor(post(urlPathEqualTo(CHAT_PATH)).atPriority(1)
				.inScenario("chat")
				.whenScenarioStateIs(state)
				.willReturn(PipelineFakes.sse(bodies[i]))
				.willSetStateTo(next));
			state = next;
		}
		service.stubFor(
				post(urlPathEqualTo(CHAT_PATH)).atPriority(10).willReturn(PipelineFakes.sse(textReply("Certo."))));
	}

	/** The {@code index}-th chat request of the test, waiting until it was made. */
	private static JsonNode chatRequest(int index) {
		var pattern = postRequestedFor(urlPathEqualTo(CHAT_PATH));
		await().atMost(Duration.ofSeconds(10)).until(() -> service.findAll(pattern).size() > index);
		return BridgeCalls.json.readTree(service.findAll(pattern).get(index).getBodyAsString());
	}

	private static String lastContent(JsonNode request) {
		JsonNode messages = request.path("messages");
		return messages.get(messages.size() - 1).path("content").asString();
	}

	private long replyTimings() {
		Timer reply = this.meters.find("voiceai.realtime.pipeline.latency")
			.tags("domain", this.fixture.domain.value().toString(), "stage", "reply")
			.timer();
		return (reply != null) ? reply.count() : 0;
	}

}
