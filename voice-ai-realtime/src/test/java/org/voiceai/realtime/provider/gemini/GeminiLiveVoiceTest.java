package org.voiceai.realtime.provider.gemini;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.voiceai.audio.AudioFormat;
import org.voiceai.providers.error.ProviderAuthException;
import org.voiceai.providers.error.ProviderBadRequestException;
import org.voiceai.providers.error.ProviderTimeoutException;
import org.voiceai.providers.realtime.ProviderEvent;
import org.voiceai.providers.realtime.RealtimeConversation;
import org.voiceai.providers.realtime.RealtimeSessionSpec;
import org.voiceai.providers.realtime.RealtimeVoice;
import org.voiceai.realtime.fakes.gemini.FakeLiveSession;
import org.voiceai.realtime.fakes.gemini.GeminiLiveFake;
import org.voiceai.realtime.provider.ConversationEvents;
import org.voiceai.realtime.provider.CallerSpeech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Gemini Live adapter against the BidiGenerateContent fake, over real WebSockets (JSON in binary frames). */
class GeminiLiveVoiceTest {

	private static final String KEY = "AIza-test-live";

	private static final ToolSpecification TRANSFER = ToolSpecification.builder()
		.name("transfer_call")
		.description("Transfer the caller to a person or department")
		.parameters(JsonObjectSchema.builder()
			.addStringProperty("destination", "Who to transfer to")
			.addEnumProperty("urgency", List.of("low", "high"))
			.required("destination")
			.build())
		.build();

	private static final ToolSpecification END_CALL = ToolSpecification.builder()
		.name("end_call")
		.description("Hang up")
		.build();

	private final GeminiLiveFake gemini = GeminiLiveFake.start(KEY);

	private RealtimeConversation conversation;

	@AfterEach
	void close() {
		if (this.conversation != null) {
			this.conversation.close().block(Duration.ofSeconds(5));
		}
		this.gemini.close();
	}

	private RealtimeVoice voice(Map<String, Object> extra) {
		Map<String, Object> row = GeminiLiveTestKit.row(this.gemini.baseUrl(), KEY);
		row.putAll(extra);
		return new GeminiLiveVoiceFactory(GeminiLiveTestKit.JSON).create(GeminiLiveTestKit.config(row));
	}

	private RealtimeConversation open(Map<String, Object> extra) {
		this.conversation = voice(extra)
			.open(new RealtimeSessionSpec("You are the receptionist of Acme Plumbing.", null, "pt-BR",
					AudioFormat.PCM16_8K, List.of(TRANSFER, END_CALL)))
			.block(Duration.ofSeconds(10));
		return this.conversation;
	}

	@Test
	void setupCarriesModelInstructionsVoiceAudioToolsTranscriptionAndActivityDetection() {
		RealtimeConversation conversation = open(Map.of("voice", "Kore", "vad_silence_duration_ms", "700",
				"vad_start_sensitivity", "LOW", "vad_end_sensitivity", "high"));
		FakeLiveSession session = this.gemini.awaitSession().awaitSetupComplete();

		JsonNode setup = session.setup();
		assertThat(setup.path("model").asString()).isEqualTo("models/gemini-2.5-flash-native-audio-preview-12-2025");
		assertThat(setup.path("systemInstruction").path("parts").get(0).path("text").asString())
			.isEqualTo("You are the receptionist of Acme Plumbing.");
		JsonNode generation = setup.path("generationConfig");
		assertThat(generation.path("responseModalities").toString()).isEqualTo("[\"AUDIO\"]");
		assertThat(generation.path("speechConfig").path("voiceConfig").path("prebuiltVoiceConfig").path("voiceName")
			.asString()).isEqualTo("Kore");
		assertThat(generation.path("speechConfig").path("languageCode").asString()).isEqualTo("pt-BR");
		assertThat(setup.path("inputAudioTranscription").isObject()).isTrue();
		assertThat(setup.path("outputAudioTranscription").isObject()).isTrue();
		assertThat(setup.path("sessionResumption").isObject()).isTrue();
		assertThat(setup.path("contextWindowCompression").path("slidingWindow").isObject()).isTrue();
		JsonNode detection = setup.path("realtimeInputConfig").path("automaticActivityDetection");
		assertThat(detection.path("disabled").asBoolean()).isFalse();
		assertThat(detection.path("silenceDurationMs").asInt()).isEqualTo(700);
		assertThat(detection.path("startOfSpeechSensitivity").asString()).isEqualTo("START_SENSITIVITY_LOW");
		assertThat(detection.path("endOfSpeechSensitivity").asString()).isEqualTo("END_SENSITIVITY_HIGH");
		assertThat(setup.path("realtimeInputConfig").path("activityHandling").asString())
			.isEqualTo("START_OF_ACTIVITY_INTERRUPTS");
		JsonNode declarations = setup.path("tools").get(0).path("functionDeclarations");
		JsonNode transfer = declarations.get(0);
		assertThat(transfer.path("name").asString()).isEqualTo("transfer_call");
		JsonNode parameters = transfer.path("parameters");
		assertThat(parameters.path("type").asString()).isEqualTo("OBJECT");
		assertThat(parameters.path("properties").path("destination").path("type").asString()).isEqualTo("STRING");
		assertThat(parameters.path("properties").path("urgency").path("enum").toString()).isEqualTo("[\"low\",\"high\"]");
		assertThat(parameters.path("required").get(0).asString()).isEqualTo("destination");
		assertThat(parameters.has("additionalProperties")).isFalse();
		assertThat(declarations.get(1).path("name").asString()).isEqualTo("end_call");
		assertThat(declarations.get(1).has("parameters")).isFalse();
		assertThat(session.closeCode()).isZero();
		assertThat(conversation.inputFormat()).isEqualTo(AudioFormat.PCM16_16K);
		assertThat(conversation.outputFormat()).isEqualTo(AudioFormat.PCM16_24K);
	}

	@Test
	void callerSpeechIsStreamedAt16kHzAndAnsweredWithAudioAndTranscripts() {
		RealtimeConversation conversation = open(Map.of());
		ConversationEvents events = new ConversationEvents(conversation);
		FakeLiveSession session = this.gemini.awaitSession().awaitSetupComplete();
		session.callerWillSay("Is the shop open on Saturday?").queueReply("Yes, from nine to noon.",
				Duration.ofMillis(800));

		CallerSpeech.speakAsCaller(conversation, 400, 600);

		events.next(ProviderEvent.SpeechStarted.class);
		assertThat(events.next(ProviderEvent.Transcript.class)).isEqualTo(new ProviderEvent.Transcript(true, "Is ", false));
		events.next(ProviderEvent.SpeechStopped.class);
		assertThat(events.next(ProviderEvent.Transcript.class))
			.isEqualTo(new ProviderEvent.Transcript(true, "Is the shop open on Saturday?", true));
		assertThat(events.audioBytes(48_000 * 800 / 1000)).isEqualTo(38_400);
		events.next(ProviderEvent.ResponseDone.class);
		assertThat(events.seen()).contains(new ProviderEvent.Transcript(false, "Yes, ", false),
				new ProviderEvent.Transcript(false, "Yes, from nine to noon.", true));
		assertThat(session.audioMillis()).isEqualTo(1000);
		JsonNode audio = session.received("realtimeInput").get(0).path("audio");
		assertThat(audio.path("mimeType").asString()).isEqualTo("audio/pcm;rate=16000");
		assertThat(Base64.getDecoder().decode(audio.path("data").asString())).hasSize(640);
		assertThat(session.closeCode()).isZero();
	}

	@Test
	void callerSpeechDuringAReplyIsABargeInAndEndsTheInterruptedTurn() {
		RealtimeConversation conversation = open(Map.of());
		ConversationEvents events = new ConversationEvents(conversation);
		FakeLiveSession session = this.gemini.awaitSession().awaitSetupComplete();
		FakeLiveSession.Reply reply = session.startSpeaking("Our prices start at fifty euros per hour.",
				Duration.ofMillis(1000));
		events.audioBytes(48_000);

		CallerSpeech.speakAsCaller(conversation, 200, 0);

		events.next(ProviderEvent.SpeechStarted.class);
		assertThat(events.next(ProviderEvent.Transcript.class).complete()).isTrue();
		events.next(ProviderEvent.ResponseDone.class);
		assertThat(reply.interrupted()).isTrue();
		assertThat(session.sentKinds()).contains("interrupted");
	}

	@Test
	void audioOfATurnTheBridgeInterruptedIsDroppedUntilTheTurnEnds() {
		RealtimeConversation conversation = open(Map.of());
		ConversationEvents events = new ConversationEvents(conversation);
		FakeLiveSession session = this.gemini.awaitSession().awaitSetupComplete();
		FakeLiveSession.Reply reply = session.startSpeaking("A long answer about our services.",
				Duration.ofMillis(200));
		events.audioBytes(9600);

		conversation.interrupt(100).block(Duration.ofSeconds(5));
		reply.more(Duration.ofMillis(500));
		reply.finish();
		events.next(ProviderEvent.ResponseDone.class);
		long staleAudio = events.seen().stream().filter(ProviderEvent.AudioDelta.class::isInstance).count();
		assertThat(staleAudio).as("only the two chunks before the interruption").isEqualTo(2);
		assertThat(events.seen()).noneMatch((event) -> event instanceof ProviderEvent.Transcript transcript
				&& !transcript.fromCaller() && !transcript.complete() && transcript.text().contains("services"));

		session.speak("Next.", Duration.ofMillis(100));
		events.next(ProviderEvent.AudioDelta.class);
		events.next(ProviderEvent.ResponseDone.class);
	}

	@Test
	void toolCallsRoundTripWithTheCallsIdAndName() {
		RealtimeConversation conversation = open(Map.of());
		ConversationEvents events = new ConversationEvents(conversation);
		FakeLiveSession session = this.gemini.awaitSession().awaitSetupComplete();

		String id = session.callTool("transfer_call", "{\"destination\":\"sales\"}");

		assertThat(events.next(ProviderEvent.ToolCall.class))
			.isEqualTo(new ProviderEvent.ToolCall(id, "transfer_call", "{\"destination\":\"sales\"}"));
		events.next(ProviderEvent.ResponseDone.class);

		session.queueReply("Transferring you to sales.", Duration.ofMillis(300));
		conversation.sendToolResult(id, "{\"status\":\"transferring\"}").block(Duration.ofSeconds(5));

		JsonNode response = session.awaitReceived("toolResponse").path("functionResponses").get(0);
		assertThat(response.path("id").asString()).isEqualTo(id);
		assertThat(response.path("name").asString()).isEqualTo("transfer_call");
		assertThat(response.path("response").path("status").asString()).isEqualTo("transferring");
		events.audioBytes(14_400);
		events.next(ProviderEvent.ResponseDone.class);
		assertThat(events.seen()).contains(new ProviderEvent.Transcript(false, "Transferring you to sales.", true));
		assertThat(session.closeCode()).isZero();
	}

	@Test
	void aNonObjectToolResultIsWrappedAsOutputAndACancelledCallIsNotAnswered() {
		RealtimeConversation conversation = open(Map.of());
		ConversationEvents events = new ConversationEvents(conversation);
		FakeLiveSession session = this.gemini.awaitSession().awaitSetupComplete();

		String cancelled = session.callTool("transfer_call", "{\"destination\":\"sales\"}");
		events.next(ProviderEvent.ToolCall.class);
		session.cancelToolCalls(cancelled);
		session.speak("Sure, go ahead.", Duration.ofMillis(100));
		events.next(ProviderEvent.ResponseDone.class);
		events.next(ProviderEvent.ResponseDone.class);
		conversation.sendToolResult(cancelled, "{\"status\":\"transferring\"}").block(Duration.ofSeconds(5));

		String id = session.callTool("end_call", "{}");
		events.next(ProviderEvent.ToolCall.class);
		conversation.sendToolResult(id, "\"goodbye said\"").block(Duration.ofSeconds(5));
		JsonNode response = session.awaitReceived("toolResponse").path("functionResponses").get(0);
		assertThat(response.path("id").asString()).isEqualTo(id);
		assertThat(response.path("response").path("output").asString()).isEqualTo("goodbye said");
		assertThat(session.received("toolResponse")).hasSize(1);
		assertThat(session.closeCode()).as("an answer to a cancelled call would be refused").isZero();
	}

	@Test
	void aCallMovedHereGetsItsHistoryAsClientTurnsThatAskForNoReply() {
		this.conversation = voice(Map.of())
			.open(spec().withHistory(List.of(RealtimeSessionSpec.Turn.caller("Do you fix boilers?"),
					RealtimeSessionSpec.Turn.agent("Yes, every day."))))
			.block(Duration.ofSeconds(10));
		FakeLiveSession session = this.gemini.awaitSession().awaitSetupComplete();

		JsonNode content = session.awaitReceived("clientContent");
		assertThat(content.path("turnComplete").asBoolean(true)).isFalse();
		JsonNode turns = content.path("turns");
		assertThat(turns.get(0).path("role").asString()).isEqualTo("user");
		assertThat(turns.get(0).path("parts").get(0).path("text").asString()).isEqualTo("Do you fix boilers?");
		assertThat(turns.get(1).path("role").asString()).isEqualTo("model");
		assertThat(turns.get(1).path("parts").get(0).path("text").asString()).isEqualTo("Yes, every day.");
	}

	@Test
	void respondSendsTheInstructionAsACompleteClientTurn() {
		RealtimeConversation conversation = open(Map.of());
		ConversationEvents events = new ConversationEvents(conversation);
		FakeLiveSession session = this.gemini.awaitSession().awaitSetupComplete();

		conversation.respond("Greet the caller with exactly these words: Acme, good morning!")
			.block(Duration.ofSeconds(5));

		JsonNode content = session.awaitReceived("clientContent");
		assertThat(content.path("turnComplete").asBoolean()).isTrue();
		JsonNode turn = content.path("turns").get(0);
		assertThat(turn.path("role").asString()).isEqualTo("user");
		assertThat(turn.path("parts").get(0).path("text").asString()).startsWith("[Instruction from the phone system")
			.endsWith("Greet the caller with exactly these words: Acme, good morning!");
		events.next(ProviderEvent.AudioDelta.class);
		events.next(ProviderEvent.ResponseDone.class);
	}

	@Test
	void textFramesAreReadLikeBinaryOnes() {
		this.gemini.textFrames();
		RealtimeConversation conversation = open(Map.of());
		ConversationEvents events = new ConversationEvents(conversation);
		FakeLiveSession session = this.gemini.awaitSession().awaitSetupComplete();
		session.speak("Hello.", Duration.ofMillis(200));
		assertThat(events.audioBytes(9600)).isEqualTo(9600);
		events.next(ProviderEvent.ResponseDone.class);
	}

	@Test
	void goAwaySwitchesToAResumedSessionAndTheConversationGoesOn() {
		RealtimeConversation conversation = open(Map.of());
		ConversationEvents events = new ConversationEvents(conversation);
		FakeLiveSession first = this.gemini.awaitSession().awaitSetupComplete();
		first.callerWillSay("I need a plumber tomorrow.").queueReply("We can come at nine.", Duration.ofMillis(200));
		CallerSpeech.speakAsCaller(conversation, 300, 600);
		events.next(ProviderEvent.ResponseDone.class);

		first.goAway("5s");

		FakeLiveSession second = this.gemini.awaitSession(1).awaitSetupComplete();
		assertThat(second.setup().path("sessionResumption").path("handle").asString()).startsWith("handle-");
		assertThat(second.resumedConversation()).extracting((turn) -> turn.path("text").asString())
			.containsExactly("I need a plumber tomorrow.", "We can come at nine.");
		assertThat(second.received("clientContent")).as("a resumed session needs no replay").isEmpty();
		awaitDisconnected(first);

		second.speak("Anything else?", Duration.ofMillis(100));
		events.next(ProviderEvent.ResponseDone.class);
		conversation.sendAudio(CallerSpeech.callerAudio(AudioFormat.PCM16_16K, 20, false));
		second.awaitReceived("realtimeInput");
		assertThat(events.seen()).noneMatch(ProviderEvent.ProviderError.class::isInstance);
	}

	@Test
	void withoutResumptionTheConversationIsReplayedIntoTheNextConnectionBeforeTheLimit() {
		RealtimeConversation conversation = open(Map.of("session_resumption", "false",
				"max_connection_minutes", "0.05"));
		ConversationEvents events = new ConversationEvents(conversation);
		FakeLiveSession first = this.gemini.awaitSession().awaitSetupComplete();
		assertThat(first.setup().has("sessionResumption")).isFalse();
		first.callerWillSay("Can you take a message?");
		CallerSpeech.speakAsCaller(conversation, 300, 600);
		events.next(ProviderEvent.ResponseDone.class);
		String id = first.callTool("take_message", "{\"name\":\"Ana\"}");
		events.next(ProviderEvent.ToolCall.class);
		first.queueReply("Message taken. Anything else I can do for you today?", Duration.ofMillis(1000));
		conversation.sendToolResult(id, "{\"saved\":true}").block(Duration.ofSeconds(5));
		events.next(ProviderEvent.ResponseDone.class);
		events.next(ProviderEvent.ResponseDone.class);
		conversation.interrupt(400).block(Duration.ofSeconds(5));

		FakeLiveSession second = this.gemini.awaitSession(1).awaitSetupComplete();
		JsonNode replay = second.awaitReceived("clientContent");
		assertThat(replay.path("turnComplete").asBoolean()).isFalse();
		JsonNode turns = replay.path("turns");
		assertThat(turns).hasSize(5);
		assertThat(turns.get(0).path("role").asString()).isEqualTo("user");
		assertThat(turns.get(0).path("parts").get(0).path("text").asString()).isEqualTo("Can you take a message?");
		assertThat(turns.get(1).path("role").asString()).isEqualTo("model");
		assertThat(turns.get(1).path("parts").get(0).path("text").asString()).isEqualTo("Okay.");
		assertThat(turns.get(2).path("parts").get(0).path("functionCall").path("id").asString()).isEqualTo(id);
		assertThat(turns.get(3).path("parts").get(0).path("functionResponse").path("response").path("saved")
			.asBoolean()).isTrue();
		assertThat(turns.get(4).path("parts").get(0).path("text").asString())
			.as("the interrupted reply as far as the caller heard it (400 of 1000 ms)")
			.isEqualTo("Message taken.…");
		assertThat(second.closeCode()).isZero();
		awaitDisconnected(first);

		second.speak("Still here.", Duration.ofMillis(100));
		events.next(ProviderEvent.ResponseDone.class);
		assertThat(events.seen()).noneMatch(ProviderEvent.ProviderError.class::isInstance);
	}

	@Test
	void aDroppedConnectionEndsTheConversationWithOneRetriableError() {
		RealtimeConversation conversation = open(Map.of());
		ConversationEvents events = new ConversationEvents(conversation);
		FakeLiveSession session = this.gemini.awaitSession().awaitSetupComplete();

		session.drop();

		List<ProviderEvent> seen = events.awaitCompletion();
		assertThat(seen).singleElement().isInstanceOf(ProviderEvent.ProviderError.class);
		ProviderEvent.ProviderError error = (ProviderEvent.ProviderError) seen.get(0);
		assertThat(error.code()).isEqualTo("connection_lost");
		assertThat(error.retriable()).isTrue();
		conversation.sendAudio(new byte[640]);
		assertThatThrownBy(() -> conversation.respond("Hello").block()).hasMessageContaining("ended");
	}

	@Test
	void aServerCloseWithoutGoAwayEndsTheConversationWithItsCode() {
		RealtimeConversation conversation = open(Map.of());
		ConversationEvents events = new ConversationEvents(conversation);
		FakeLiveSession session = this.gemini.awaitSession().awaitSetupComplete();

		session.close(1011, "Internal error encountered.");

		assertThat(events.awaitCompletion()).singleElement()
			.isEqualTo(new ProviderEvent.ProviderError("closed_1011",
					"Gemini Live closed the session: 1011 Internal error encountered.", true));
	}

	@Test
	void aRejectedKeyFailsOpenWithAnAuthenticationError() {
		RealtimeVoice voice = new GeminiLiveVoiceFactory(GeminiLiveTestKit.JSON)
			.create(GeminiLiveTestKit.config(GeminiLiveTestKit.row(this.gemini.baseUrl(), "AIza-wrong")));
		assertThatThrownBy(() -> voice.open(spec()).block(Duration.ofSeconds(10)))
			.isInstanceOf(ProviderAuthException.class)
			.hasMessageContaining("1007")
			.hasMessageContaining("API key not valid");
	}

	@Test
	void anUnknownModelFailsOpenWithABadRequest() {
		RealtimeVoice voice = voice(Map.of("model", "gemini-1.0-pro"));
		assertThatThrownBy(() -> voice.open(spec()).block(Duration.ofSeconds(10)))
			.isInstanceOf(ProviderBadRequestException.class)
			.hasMessageContaining("1008")
			.hasMessageContaining("models/gemini-1.0-pro is not found");
	}

	@Test
	void aServerThatNeverCompletesSetupTimesOut() {
		this.gemini.stallSetups();
		RealtimeVoice voice = voice(Map.of("connect_timeout_seconds", "0.5"));
		assertThatThrownBy(() -> voice.open(spec()).block(Duration.ofSeconds(10)))
			.isInstanceOf(ProviderTimeoutException.class)
			.hasMessageContaining("no setupComplete")
			.hasMessageContaining("500 ms");
		awaitDisconnected(this.gemini.awaitSession());
	}

	private static void awaitDisconnected(FakeLiveSession session) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!session.isDisconnected()) {
			assertThat(System.nanoTime()).as("old connection closed").isLessThan(deadline);
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				throw new AssertionError(ex);
			}
		}
	}

	private static RealtimeSessionSpec spec() {
		return new RealtimeSessionSpec("Hi", null, "en", AudioFormat.PCM16_8K, List.of());
	}

}
