package org.voiceai.realtime.provider.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.voiceai.audio.AudioFormat;
import org.voiceai.providers.error.ProviderAuthException;
import org.voiceai.providers.error.ProviderUnavailableException;
import org.voiceai.providers.realtime.ProviderEvent;
import org.voiceai.providers.realtime.RealtimeConversation;
import org.voiceai.providers.realtime.RealtimeSessionSpec;
import org.voiceai.realtime.fakes.deepgram.DeepgramLiveFake;
import org.voiceai.realtime.fakes.deepgram.FakeListenStream;
import org.voiceai.realtime.provider.ConversationEvents;
import org.voiceai.realtime.provider.CallerSpeech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The custom pipeline against the Deepgram live fake, with a scripted chat model and text-to-speech. */
class CustomPipelineVoiceTest {

	static final DeepgramLiveFake deepgram = DeepgramLiveFake.start(PipelineTestKit.KEY);

	static final List<ToolSpecification> TOOLS = List.of(ToolSpecification.builder()
		.name("transfer_call")
		.description("Transfers the call")
		.build());

	final ScriptedServices services = new ScriptedServices();

	@AfterAll
	static void stopFake() {
		deepgram.close();
	}

	private RealtimeConversation open(AudioFormat callerFormat, Map<String, Object> row) {
		return PipelineTestKit.voice(row, this.services)
			.open(PipelineTestKit.spec(callerFormat, TOOLS))
			.block(Duration.ofSeconds(10));
	}

	private RealtimeConversation open(AudioFormat callerFormat) {
		return open(callerFormat, PipelineTestKit.row(deepgram.baseUrl(), PipelineTestKit.KEY));
	}

	private FakeListenStream lastStream() {
		return deepgram.awaitStream(deepgram.streams().size() - 1);
	}

	@Test
	void aMuLawCallerIsHeardAsMuLawAndTheStreamAsksForTurnEvents() {
		int before = deepgram.streams().size();
		RealtimeConversation conversation = open(AudioFormat.ULAW_8K);
		FakeListenStream stream = deepgram.awaitStream(before);
		assertThat(conversation.inputFormat()).isEqualTo(AudioFormat.ULAW_8K);
		assertThat(conversation.outputFormat()).isEqualTo(AudioFormat.PCM16_8K);
		assertThat(stream.parameter("encoding")).isEqualTo("mulaw");
		assertThat(stream.parameter("sample_rate")).isEqualTo("8000");
		assertThat(stream.parameter("model")).isEqualTo("nova-3");
		assertThat(stream.parameter("language")).isEqualTo("pt-BR");
		assertThat(stream.parameter("interim_results")).isEqualTo("true");
		assertThat(stream.parameter("endpointing")).isEqualTo("200");
		assertThat(stream.parameter("utterance_end_ms")).isEqualTo("1000");
		assertThat(stream.parameter("vad_events")).isEqualTo("true");
		conversation.close().block();
	}

	@Test
	void aWidebandCallerIsHeardAsLinearPcm() {
		int before = deepgram.streams().size();
		RealtimeConversation conversation = open(AudioFormat.PCM16_16K);
		FakeListenStream stream = deepgram.awaitStream(before);
		assertThat(conversation.inputFormat()).isEqualTo(AudioFormat.PCM16_16K);
		assertThat(conversation.outputFormat()).isEqualTo(AudioFormat.PCM16_16K);
		assertThat(stream.parameter("encoding")).isEqualTo("linear16");
		assertThat(stream.parameter("sample_rate")).isEqualTo("16000");
		conversation.close().block();
	}

	@Test
	void theGreetingIsSpokenSentenceBySentence() {
		RealtimeConversation conversation = open(AudioFormat.ULAW_8K);
		ConversationEvents events = new ConversationEvents(conversation);
		this.services.reply("Clínica Sorriso, ", "bom dia! Como posso ", "ajudar?");
		conversation.respond("Greet the caller with exactly these words: Clínica Sorriso, bom dia!").block();

		List<ProviderEvent> reply = events.untilResponseDone();
		assertThat(this.services.spokenTexts()).containsExactly("Clínica Sorriso, bom dia!", "Como posso ajudar?");
		assertThat(this.services.speech).allSatisfy((request) -> {
			assertThat(request.sampleRate()).isEqualTo(8000);
			assertThat(request.language()).isEqualTo("pt-BR");
		});
		// Two sentences of 400 ms at 8 kHz 16-bit, in chunks of at most 100 ms.
		assertThat(ConversationEvents.audioBytes(reply)).isEqualTo(2 * ScriptedServices.SPEECH_MILLIS * 16);
		assertThat(reply).filteredOn(ProviderEvent.AudioDelta.class::isInstance)
			.allSatisfy((delta) -> assertThat(((ProviderEvent.AudioDelta) delta).audio().length).isLessThanOrEqualTo(1600));
		assertThat(reply).contains(new ProviderEvent.Transcript(false, "Clínica Sorriso, bom dia! Como posso ajudar?",
				true));
		List<ChatMessage> history = this.services.requests.get(0).messages();
		assertThat(history).hasSize(2);
		assertThat(((SystemMessage) history.get(0)).text()).contains("Clínica Sorriso");
		assertThat(((UserMessage) history.get(1)).singleText())
			.startsWith(PipelineConversation.INSTRUCTION_PREFIX)
			.endsWith("Clínica Sorriso, bom dia!");
		assertThat(this.services.requests.get(0).toolSpecifications()).extracting(ToolSpecification::name)
			.containsExactly("transfer_call");
		conversation.close().block();
	}

	@Test
	void aCallerTurnIsTranscribedAndAnsweredWithTheHistory() {
		int before = deepgram.streams().size();
		RealtimeConversation conversation = open(AudioFormat.ULAW_8K);
		FakeListenStream stream = deepgram.awaitStream(before);
		ConversationEvents events = new ConversationEvents(conversation);
		this.services.reply("Bom dia!").reply("Atendemos das 8h às 18h.");
		conversation.respond("Greet the caller").block();
		events.untilResponseDone();

		stream.callerWillSay("Qual o horário?");
		CallerSpeech.speakAsCaller(conversation, 400, 400);
		events.next(ProviderEvent.SpeechStarted.class);
		events.next(ProviderEvent.SpeechStopped.class);
		assertThat(events.next(ProviderEvent.Transcript.class))
			.isEqualTo(new ProviderEvent.Transcript(true, "Qual o horário?", true));
		List<ProviderEvent> answer = events.untilResponseDone();
		assertThat(ConversationEvents.audioBytes(answer)).isEqualTo(ScriptedServices.SPEECH_MILLIS * 16);
		assertThat(answer).contains(new ProviderEvent.Transcript(false, "Atendemos das 8h às 18h.", true));

		List<ChatMessage> history = this.services.requests.get(1).messages();
		assertThat(history).hasSize(4);
		assertThat(((AiMessage) history.get(2)).text()).isEqualTo("Bom dia!");
		assertThat(((UserMessage) history.get(3)).singleText()).isEqualTo("Qual o horário?");
		// The turn ends before the last silence frames arrive; μ-law goes to Deepgram as it came, 8 bytes per ms.
		await().atMost(Duration.ofSeconds(5)).until(() -> stream.audioBytes() >= 800 * 8);
		assertThat(stream.audioBytes()).isEqualTo(800 * 8);
		assertThat(stream.problems()).isEmpty();
		conversation.close().block();
	}

	@Test
	void aCallMovedHereMidCallGivesTheModelTheConversationSoFar() {
		List<RealtimeSessionSpec.Turn> earlier = List.of(RealtimeSessionSpec.Turn.agent("Bom dia, Clínica Sorriso."),
				RealtimeSessionSpec.Turn.caller("Vocês abrem aos sábados?"));
		RealtimeConversation conversation = PipelineTestKit.voice(
				PipelineTestKit.row(deepgram.baseUrl(), PipelineTestKit.KEY), this.services)
			.open(PipelineTestKit.spec(AudioFormat.ULAW_8K, TOOLS).withHistory(earlier))
			.block(Duration.ofSeconds(10));
		ConversationEvents events = new ConversationEvents(conversation);
		this.services.reply("Sim, das 8h ao meio-dia.");
		conversation.respond("Answer the caller's last question").block();
		events.untilResponseDone();

		List<ChatMessage> history = this.services.requests.get(0).messages();
		// The bridge's instruction joins the caller's unanswered question in one user turn, as consecutive turns do.
		assertThat(history).hasSize(3);
		assertThat(history.get(0)).isInstanceOf(SystemMessage.class);
		assertThat(((AiMessage) history.get(1)).text()).isEqualTo("Bom dia, Clínica Sorriso.");
		assertThat(((UserMessage) history.get(2)).singleText()).startsWith("Vocês abrem aos sábados?\n")
			.contains("Answer the caller's last question");
		conversation.close().block();
	}

	@Test
	void aBargeInCancelsTheReplyAndKeepsOnlyWhatWasHeard() {
		int before = deepgram.streams().size();
		RealtimeConversation conversation = open(AudioFormat.ULAW_8K);
		FakeListenStream stream = deepgram.awaitStream(before);
		ConversationEvents events = new ConversationEvents(conversation);
		this.services.slowReply(Duration.ofMillis(400), "Atendemos das oito. ", "Também aos sábados. ",
				"Mas não aos domingos. ", "E nem nos feriados.");
		conversation.respond("Greet the caller").block();
		events.next(ProviderEvent.AudioDelta.class);

		// The caller heard 100 ms: only the first sentence had started.
		conversation.interrupt(100).block();
		events.next(ProviderEvent.ResponseDone.class);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.services.cancelledReplies.get() == 1);
		assertThat(this.services.spokenTexts()).doesNotContain("E nem nos feriados.");

		stream.callerWillSay("E no sábado?");
		CallerSpeech.speakAsCaller(conversation, 400, 400);
		events.next(ProviderEvent.SpeechStopped.class);
		events.untilResponseDone();
		List<ChatMessage> history = this.services.requests.get(1).messages();
		assertThat(history).hasSize(4);
		assertThat(((AiMessage) history.get(2)).text()).isEqualTo("Atendemos das oito.");
		assertThat(((UserMessage) history.get(3)).singleText()).isEqualTo("E no sábado?");
		conversation.close().block();
	}

	@Test
	void aBargeInAfterTheReplyWasWrittenCutsItsMessageToTheSentencesThatStartedPlaying() {
		int before = deepgram.streams().size();
		RealtimeConversation conversation = open(AudioFormat.ULAW_8K);
		FakeListenStream stream = deepgram.awaitStream(before);
		ConversationEvents events = new ConversationEvents(conversation);
		this.services.reply("Atendemos das oito. ", "Também aos sábados. ", "Mas não aos domingos.");
		conversation.respond("Greet the caller").block();
		events.untilResponseDone();

		// Each sentence is 400 ms: at 500 ms the second had started, the third had not.
		conversation.interrupt(500).block();
		stream.callerWillSay("Obrigado");
		CallerSpeech.speakAsCaller(conversation, 400, 400);
		events.next(ProviderEvent.SpeechStopped.class);
		events.untilResponseDone();
		List<ChatMessage> history = this.services.requests.get(1).messages();
		assertThat(((AiMessage) history.get(2)).text()).isEqualTo("Atendemos das oito. Também aos sábados.");
		conversation.close().block();
	}

	@Test
	void aToolCallIsReportedAndTheModelContinuesWithItsResult() {
		int before = deepgram.streams().size();
		RealtimeConversation conversation = open(AudioFormat.ULAW_8K);
		FakeListenStream stream = deepgram.awaitStream(before);
		ConversationEvents events = new ConversationEvents(conversation);
		this.services.replyWithTool("Um momento.", "call_7", "transfer_call", "{\"destination\":\"Financeiro\"}")
			.reply("Transferindo para o financeiro.");
		stream.callerWillSay("Quero falar com o financeiro");
		CallerSpeech.speakAsCaller(conversation, 400, 400);

		List<ProviderEvent> first = events.untilResponseDone();
		assertThat(first).contains(new ProviderEvent.ToolCall("call_7", "transfer_call",
				"{\"destination\":\"Financeiro\"}"));
		assertThat(ConversationEvents.audioBytes(first)).isEqualTo(ScriptedServices.SPEECH_MILLIS * 16);
		assertThat(this.services.requests).hasSize(1);

		conversation.sendToolResult("call_7", "{\"status\":\"transferring\"}").block();
		List<ProviderEvent> second = events.untilResponseDone();
		assertThat(second).contains(new ProviderEvent.Transcript(false, "Transferindo para o financeiro.", true));
		List<ChatMessage> history = this.services.requests.get(1).messages();
		AiMessage call = (AiMessage) history.get(history.size() - 2);
		assertThat(call.text()).isEqualTo("Um momento.");
		assertThat(call.toolExecutionRequests()).singleElement()
			.satisfies((request) -> assertThat(request.id()).isEqualTo("call_7"));
		ToolExecutionResultMessage result = (ToolExecutionResultMessage) history.get(history.size() - 1);
		assertThat(result.id()).isEqualTo("call_7");
		assertThat(result.text()).isEqualTo("{\"status\":\"transferring\"}");
		conversation.close().block();
	}

	@Test
	void closingSendsCloseStreamAndCompletesTheEvents() {
		int before = deepgram.streams().size();
		RealtimeConversation conversation = open(AudioFormat.ULAW_8K);
		FakeListenStream stream = deepgram.awaitStream(before);
		ConversationEvents events = new ConversationEvents(conversation);
		conversation.close().block();
		stream.awaitReceived("CloseStream");
		stream.awaitDisconnected();
		assertThat(events.awaitCompletion()).noneMatch(ProviderEvent.ProviderError.class::isInstance);
		assertThat(stream.sent()).anyMatch((message) -> message.contains("\"type\":\"Metadata\""));
	}

	@Test
	void deepgramClosingTheStreamEndsTheConversationWithARetriableError() {
		int before = deepgram.streams().size();
		RealtimeConversation conversation = open(AudioFormat.ULAW_8K);
		FakeListenStream stream = deepgram.awaitStream(before);
		ConversationEvents events = new ConversationEvents(conversation);
		stream.close(1011, "internal server error");
		List<ProviderEvent> seen = events.awaitCompletion();
		assertThat(seen).last().isInstanceOfSatisfying(ProviderEvent.ProviderError.class, (error) -> {
			assertThat(error.code()).isEqualTo("deepgram_closed_1011");
			assertThat(error.retriable()).isTrue();
		});
	}

	@Test
	void aFailingChatModelEndsTheConversationWithAnError() {
		RealtimeConversation conversation = open(AudioFormat.ULAW_8K);
		ConversationEvents events = new ConversationEvents(conversation);
		this.services.failChat();
		conversation.respond("Greet the caller").block();
		List<ProviderEvent> seen = events.awaitCompletion();
		assertThat(seen).last().isInstanceOfSatisfying(ProviderEvent.ProviderError.class, (error) -> {
			assertThat(error.code()).isEqualTo("llm_failed");
			assertThat(error.message()).contains("HTTP 503");
		});
		assertThatThrownBy(() -> conversation.respond("again").block()).as("the conversation has ended")
			.isInstanceOf(ProviderUnavailableException.class);
	}

	@Test
	void aWrongKeyIsRefusedAtTheHandshake() {
		assertThatThrownBy(() -> open(AudioFormat.ULAW_8K, PipelineTestKit.row(deepgram.baseUrl(), "dg-wrong")))
			.isInstanceOf(ProviderAuthException.class)
			.hasMessageContaining("401");
	}

	@Test
	void anIdleStreamIsKeptAliveWithKeepAlive() {
		int before = deepgram.streams().size();
		Map<String, Object> row = PipelineTestKit.row(deepgram.baseUrl(), PipelineTestKit.KEY);
		row.put("keepalive_seconds", "0.2");
		RealtimeConversation conversation = open(AudioFormat.ULAW_8K, row);
		FakeListenStream stream = deepgram.awaitStream(before);
		assertThat(stream.awaitReceived("KeepAlive").toString()).isEqualTo("{\"type\":\"KeepAlive\"}");
		conversation.close().block();
	}

}
