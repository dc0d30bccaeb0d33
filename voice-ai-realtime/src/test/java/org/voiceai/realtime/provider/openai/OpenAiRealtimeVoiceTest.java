package org.voiceai.realtime.provider.openai;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.voiceai.audio.AudioFormat;
import org.voiceai.providers.error.ProviderAuthException;
import org.voiceai.providers.error.ProviderTimeoutException;
import org.voiceai.providers.error.ProviderUnavailableException;
import org.voiceai.providers.realtime.ProviderEvent;
import org.voiceai.providers.realtime.RealtimeConversation;
import org.voiceai.providers.realtime.RealtimeSessionSpec;
import org.voiceai.providers.realtime.RealtimeVoice;
import org.voiceai.realtime.fakes.openai.FakeRealtimeSession;
import org.voiceai.realtime.fakes.openai.OpenAiRealtimeFake;
import org.voiceai.realtime.provider.ConversationEvents;
import org.voiceai.realtime.provider.CallerSpeech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The OpenAI Realtime adapter against the GA-protocol fake, over real WebSockets. */
class OpenAiRealtimeVoiceTest {

	/** These tests exercise the 24 kHz PCM path (an 8 kHz caller would get G.711 by default). */
	static final Map<String, Object> PCM = Map.of("audio_format", "pcm");

	private static final String KEY = "sk-test-realtime";

	private static final ToolSpecification TRANSFER = ToolSpecification.builder()
		.name("transfer_call")
		.description("Transfer the caller to a person or department")
		.parameters(JsonObjectSchema.builder()
			.addStringProperty("destination", "Who to transfer to")
			.required("destination")
			.build())
		.build();

	private final OpenAiRealtimeFake openai = OpenAiRealtimeFake.start(KEY);

	private RealtimeConversation conversation;

	@AfterEach
	void close() {
		if (this.conversation != null) {
			this.conversation.close().block(Duration.ofSeconds(5));
		}
		this.openai.close();
	}

	private RealtimeVoice voice(Map<String, Object> extra) {
		Map<String, Object> row = OpenAiRealtimeTestKit.row(this.openai.baseUrl(), KEY);
		row.putAll(extra);
		return new OpenAiRealtimeVoiceFactory(OpenAiRealtimeTestKit.JSON).create(OpenAiRealtimeTestKit.config(row));
	}

	private RealtimeConversation open(AudioFormat callerFormat, Map<String, Object> extra) {
		this.conversation = voice(extra)
			.open(new RealtimeSessionSpec("You are the receptionist of Acme Plumbing.", null, "pt-BR", callerFormat,
					List.of(TRANSFER)))
			.block(Duration.ofSeconds(10));
		return this.conversation;
	}

	@Test
	void sessionUpdateCarriesInstructionsVoiceFormatsTurnDetectionTranscriptionAndTools() {
		RealtimeConversation conversation = open(AudioFormat.PCM16_8K,
				Map.of("voice", "cedar", "vad_silence_duration_ms", "700", "transcription_model", "gpt-4o-transcribe",
						"noise_reduction", "near_field", "audio_format", "pcm"));
		FakeRealtimeSession session = this.openai.awaitSession();

		assertThat(session.model()).isEqualTo("gpt-realtime");
		JsonNode update = session.awaitReceived("session.update").path("session");
		assertThat(update.path("type").asString()).isEqualTo("realtime");
		assertThat(update.path("instructions").asString()).isEqualTo("You are the receptionist of Acme Plumbing.");
		assertThat(update.path("output_modalities").get(0).asString()).isEqualTo("audio");
		JsonNode input = update.path("audio").path("input");
		assertThat(input.path("format").path("type").asString()).isEqualTo("audio/pcm");
		assertThat(input.path("format").path("rate").asInt()).isEqualTo(24000);
		assertThat(input.path("transcription").path("model").asString()).isEqualTo("gpt-4o-transcribe");
		assertThat(input.path("transcription").path("language").asString()).isEqualTo("pt");
		assertThat(input.path("noise_reduction").path("type").asString()).isEqualTo("near_field");
		JsonNode turns = input.path("turn_detection");
		assertThat(turns.path("type").asString()).isEqualTo("server_vad");
		assertThat(turns.path("silence_duration_ms").asInt()).isEqualTo(700);
		assertThat(turns.path("threshold").asDouble()).isEqualTo(0.5);
		assertThat(turns.path("interrupt_response").asBoolean()).isTrue();
		assertThat(update.path("audio").path("output").path("voice").asString()).isEqualTo("cedar");
		assertThat(update.path("audio").path("output").path("format").path("type").asString()).isEqualTo("audio/pcm");
		JsonNode tool = update.path("tools").get(0);
		assertThat(tool.path("type").asString()).isEqualTo("function");
		assertThat(tool.path("name").asString()).isEqualTo("transfer_call");
		assertThat(tool.path("parameters").path("type").asString()).isEqualTo("object");
		assertThat(tool.path("parameters").path("properties").path("destination").path("type").asString())
			.isEqualTo("string");
		assertThat(tool.path("parameters").path("required").get(0).asString()).isEqualTo("destination");
		assertThat(session.errorsSent()).isEmpty();
		assertThat(conversation.inputFormat()).isEqualTo(AudioFormat.PCM16_24K);
		assertThat(conversation.outputFormat()).isEqualTo(AudioFormat.PCM16_24K);
	}

	@Test
	void aCallMovedHereGetsItsHistoryAsMessageItemsAfterTheSessionIsConfigured() {
		this.conversation = voice(Map.of())
			.open(new RealtimeSessionSpec("Hi", null, "en", AudioFormat.PCM16_8K, List.of())
				.withHistory(List.of(RealtimeSessionSpec.Turn.caller("Do you fix boilers?"),
						RealtimeSessionSpec.Turn.agent("Yes, every day."))))
			.block(Duration.ofSeconds(10));
		FakeRealtimeSession session = this.openai.awaitSession();
		List<JsonNode> items = session.awaitReceived("conversation.item.create", 2);

		JsonNode caller = items.get(0).path("item");
		assertThat(caller.path("role").asString()).isEqualTo("user");
		assertThat(caller.path("content").get(0).path("type").asString()).isEqualTo("input_text");
		assertThat(caller.path("content").get(0).path("text").asString()).isEqualTo("Do you fix boilers?");
		JsonNode agent = items.get(1).path("item");
		assertThat(agent.path("role").asString()).isEqualTo("assistant");
		assertThat(agent.path("content").get(0).path("type").asString()).isEqualTo("output_text");
		assertThat(agent.path("content").get(0).path("text").asString()).isEqualTo("Yes, every day.");
		// Context only: the bridge decides whether the new provider speaks.
		assertThat(session.received("response.create")).isEmpty();
		assertThat(session.errorsSent()).isEmpty();
	}

	@Test
	void semanticVadAndACallVoiceOverrideTheRowDefaults() {
		this.conversation = voice(Map.of("turn_detection", "semantic_vad", "vad_eagerness", "low"))
			.open(new RealtimeSessionSpec("Hi", "sage", "en", AudioFormat.PCM16_16K, List.of()))
			.block(Duration.ofSeconds(10));
		JsonNode update = this.openai.awaitSession().awaitReceived("session.update").path("session");
		JsonNode turns = update.path("audio").path("input").path("turn_detection");
		assertThat(turns.path("type").asString()).isEqualTo("semantic_vad");
		assertThat(turns.path("eagerness").asString()).isEqualTo("low");
		assertThat(turns.has("silence_duration_ms")).isFalse();
		assertThat(update.path("audio").path("output").path("voice").asString()).isEqualTo("sage");
		assertThat(update.path("tools").isEmpty()).isTrue();
	}

	@Test
	void g711CallersGetNativePcmuAudioBothWays() {
		RealtimeConversation conversation = open(AudioFormat.ULAW_8K, Map.of());
		ConversationEvents events = new ConversationEvents(conversation);
		FakeRealtimeSession session = this.openai.awaitSession();
		session.awaitReceived("session.update");
		assertThat(session.inputFormat()).isEqualTo(AudioFormat.ULAW_8K);
		assertThat(session.outputFormat()).isEqualTo(AudioFormat.ULAW_8K);
		assertThat(conversation.inputFormat()).isEqualTo(AudioFormat.ULAW_8K);

		session.speak("Good morning.", Duration.ofMillis(500));

		assertThat(events.audioBytes(4000)).isEqualTo(4000);
		events.next(ProviderEvent.ResponseDone.class);
		assertThat(events.seen()).contains(new ProviderEvent.Transcript(false, "Good ", false),
				new ProviderEvent.Transcript(false, "Good morning.", true));
	}

	@Test
	void aForcedAlawSessionSpeaksPcmaToAPcmCaller() {
		RealtimeConversation conversation = open(AudioFormat.PCM16_8K, Map.of("audio_format", "pcma"));
		ConversationEvents events = new ConversationEvents(conversation);
		FakeRealtimeSession session = this.openai.awaitSession().awaitConfigured();
		assertThat(session.outputFormat()).isEqualTo(AudioFormat.ALAW_8K);
		assertThat(conversation.inputFormat()).isEqualTo(AudioFormat.ALAW_8K);
		session.callerWillSay("Hello?");
		CallerSpeech.speakAsCaller(conversation, 200, 600);
		assertThat(events.next(ProviderEvent.Transcript.class).text()).isEqualTo("Hello?");
		events.audioBytes(2400);
	}

	@Test
	void closingUnderTheSubscribersLockWhileAnEventIsDeliveredDoesNotDeadlock() throws Exception {
		// The call session handles events under its own lock, and closes the conversation under that lock too.
		RealtimeConversation conversation = open(AudioFormat.PCM16_8K, PCM);
		FakeRealtimeSession session = this.openai.awaitSession().awaitConfigured();
		Object callLock = new Object();
		CountDownLatch delivering = new CountDownLatch(1);
		CountDownLatch completed = new CountDownLatch(1);
		conversation.events().subscribe((event) -> {
			delivering.countDown();
			synchronized (callLock) {
				callLock.notifyAll();
			}
		}, (error) -> completed.countDown(), completed::countDown);
		Thread closer = new Thread(() -> {
			synchronized (callLock) {
				session.speak("Hello.", Duration.ofMillis(100));
				try {
					delivering.await(5, TimeUnit.SECONDS);
					// Let the delivering thread reach the lock this thread holds.
					Thread.sleep(100);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				conversation.close().subscribe();
			}
		}, "closer");
		closer.setDaemon(true);
		closer.start();
		closer.join(5000);

		assertThat(closer.isAlive()).as("close() under the subscriber's lock deadlocked").isFalse();
		assertThat(completed.await(5, TimeUnit.SECONDS)).as("events completed after close()").isTrue();
	}

	@Test
	void callerSpeechIsStreamedAndAnsweredWithAudioAndTranscripts() {
		RealtimeConversation conversation = open(AudioFormat.PCM16_8K, PCM);
		ConversationEvents events = new ConversationEvents(conversation);
		FakeRealtimeSession session = this.openai.awaitSession();
		session.awaitReceived("session.update");
		session.callerWillSay("Is the shop open on Saturday?").queueReply("Yes, from nine to noon.",
				Duration.ofMillis(800));

		CallerSpeech.speakAsCaller(conversation, 400, 600);

		events.next(ProviderEvent.SpeechStarted.class);
		events.next(ProviderEvent.SpeechStopped.class);
		assertThat(events.next(ProviderEvent.Transcript.class).fromCaller()).isTrue();
		assertThat(events.next(ProviderEvent.Transcript.class))
			.isEqualTo(new ProviderEvent.Transcript(true, "Is the shop open on Saturday?", true));
		int audio = events.audioBytes(AudioFormat.PCM16_24K.bytesPerSecond() * 800 / 1000);
		assertThat(audio).isEqualTo(38_400);
		events.next(ProviderEvent.ResponseDone.class);
		assertThat(events.seen()).contains(new ProviderEvent.Transcript(false, "Yes, from nine to noon.", true));
		assertThat(session.appendedAudioMillis()).isEqualTo(1000);
		JsonNode append = session.received("input_audio_buffer.append").get(0);
		assertThat(Base64.getDecoder().decode(append.path("audio").asString())).hasSize(960);
		assertThat(session.errorsSent()).isEmpty();
	}

	@Test
	void bargeInCancelsTheReplyAndTruncatesToThePlayedMilliseconds() {
		RealtimeConversation conversation = open(AudioFormat.PCM16_8K, PCM);
		ConversationEvents events = new ConversationEvents(conversation);
		FakeRealtimeSession session = this.openai.awaitSession();
		session.awaitReceived("session.update");
		FakeRealtimeSession.Reply reply = session.startSpeaking("Our prices start at fifty euros per hour.",
				Duration.ofMillis(1500));
		events.audioBytes(48_000 * 3 / 2);

		conversation.interrupt(420).block(Duration.ofSeconds(5));

		JsonNode cancel = session.awaitReceived("response.cancel");
		assertThat(cancel.path("response_id").asString()).isEqualTo(reply.responseId());
		JsonNode truncate = session.awaitReceived("conversation.item.truncate");
		assertThat(truncate.path("item_id").asString()).isEqualTo(reply.itemId());
		assertThat(truncate.path("content_index").asInt()).isZero();
		assertThat(truncate.path("audio_end_ms").asLong()).isEqualTo(420);
		events.next(ProviderEvent.ResponseDone.class);
		assertThat(reply.status()).isEqualTo("cancelled");
		assertThat(session.errorsSent()).isEmpty();
	}

	@Test
	void truncationNeverClaimsMoreAudioThanWasReceived() {
		RealtimeConversation conversation = open(AudioFormat.PCM16_8K, PCM);
		ConversationEvents events = new ConversationEvents(conversation);
		FakeRealtimeSession session = this.openai.awaitSession();
		session.awaitReceived("session.update");
		FakeRealtimeSession.Reply reply = session.speak("Bye.", Duration.ofMillis(600));
		events.next(ProviderEvent.ResponseDone.class);

		conversation.interrupt(5000).block(Duration.ofSeconds(5));

		JsonNode truncate = session.awaitReceived("conversation.item.truncate");
		assertThat(truncate.path("item_id").asString()).isEqualTo(reply.itemId());
		assertThat(truncate.path("audio_end_ms").asLong()).isEqualTo(600);
		assertThat(session.received("response.cancel")).isEmpty();
		session.speak("Still here.", Duration.ofMillis(100));
		events.next(ProviderEvent.ResponseDone.class);
		assertThat(session.errorsSent()).isEmpty();
	}

	@Test
	void audioOfACancelledReplyIsNotPassedOn() {
		RealtimeConversation conversation = open(AudioFormat.PCM16_8K, PCM);
		ConversationEvents events = new ConversationEvents(conversation);
		FakeRealtimeSession session = this.openai.awaitSession();
		session.awaitReceived("session.update");
		session.startSpeaking("Long answer.", Duration.ofMillis(200));
		events.audioBytes(9600);
		conversation.interrupt(100).block(Duration.ofSeconds(5));
		session.awaitReceived("conversation.item.truncate");
		events.next(ProviderEvent.ResponseDone.class);
		session.speak("Next.", Duration.ofMillis(100));
		events.next(ProviderEvent.ResponseDone.class);
		long audioAfterInterrupt = events.seen().stream().filter(ProviderEvent.AudioDelta.class::isInstance).count();
		assertThat(audioAfterInterrupt).isEqualTo(3);
	}

	@Test
	void toolCallsRoundTrip() {
		RealtimeConversation conversation = open(AudioFormat.PCM16_8K, PCM);
		ConversationEvents events = new ConversationEvents(conversation);
		FakeRealtimeSession session = this.openai.awaitSession();
		session.awaitReceived("session.update");

		String callId = session.callTool("transfer_call", "{\"destination\":\"sales\"}");

		ProviderEvent.ToolCall call = events.next(ProviderEvent.ToolCall.class);
		assertThat(call).isEqualTo(new ProviderEvent.ToolCall(callId, "transfer_call", "{\"destination\":\"sales\"}"));
		events.next(ProviderEvent.ResponseDone.class);
		assertThat(events.seen().stream().filter(ProviderEvent.ToolCall.class::isInstance)).hasSize(1);

		session.queueReply("Transferring you to sales.", Duration.ofMillis(300));
		conversation.sendToolResult(callId, "{\"status\":\"transferring\"}").block(Duration.ofSeconds(5));

		JsonNode item = session.awaitReceived("conversation.item.create").path("item");
		assertThat(item.path("type").asString()).isEqualTo("function_call_output");
		assertThat(item.path("call_id").asString()).isEqualTo(callId);
		assertThat(item.path("output").asString()).isEqualTo("{\"status\":\"transferring\"}");
		session.awaitReceived("response.create");
		events.audioBytes(14_400);
		events.next(ProviderEvent.ResponseDone.class);
		assertThat(events.seen()).contains(new ProviderEvent.Transcript(false, "Transferring you to sales.", true));
		assertThat(session.errorsSent()).isEmpty();
	}

	@Test
	void respondSendsPerResponseInstructions() {
		RealtimeConversation conversation = open(AudioFormat.PCM16_8K, PCM);
		ConversationEvents events = new ConversationEvents(conversation);
		FakeRealtimeSession session = this.openai.awaitSession();
		session.awaitReceived("session.update");

		conversation.respond("Greet the caller and ask how you can help.").block(Duration.ofSeconds(5));

		JsonNode create = session.awaitReceived("response.create");
		assertThat(create.path("response").path("instructions").asString())
			.isEqualTo("Greet the caller and ask how you can help.");
		events.next(ProviderEvent.AudioDelta.class);
		events.next(ProviderEvent.ResponseDone.class);
	}

	@Test
	void anErrorEventEndsTheConversationWithAProviderError() {
		RealtimeConversation conversation = open(AudioFormat.PCM16_8K, PCM);
		ConversationEvents events = new ConversationEvents(conversation);
		FakeRealtimeSession session = this.openai.awaitSession();
		session.awaitReceived("session.update");

		session.sendError("server_error", "server_error", "The server had an error while processing your request.");

		List<ProviderEvent> seen = events.awaitCompletion();
		assertThat(seen).containsExactly(new ProviderEvent.ProviderError("server_error",
				"The server had an error while processing your request.", true));
	}

	@Test
	void harmlessErrorsAndRateLimitsDoNotEndTheConversation() {
		RealtimeConversation conversation = open(AudioFormat.PCM16_8K, PCM);
		ConversationEvents events = new ConversationEvents(conversation);
		FakeRealtimeSession session = this.openai.awaitSession();
		session.awaitReceived("session.update");

		session.sendRateLimits(0, 0);
		session.sendError("invalid_request_error", "response_cancel_not_active",
				"Cancellation failed: no active response found");
		conversation.interrupt(100).block(Duration.ofSeconds(5));
		session.speak("Still here.", Duration.ofMillis(100));

		events.next(ProviderEvent.ResponseDone.class);
		assertThat(events.seen()).noneMatch(ProviderEvent.ProviderError.class::isInstance);
	}

	@Test
	void aDroppedConnectionEndsTheConversationWithARetriableError() {
		RealtimeConversation conversation = open(AudioFormat.PCM16_8K, PCM);
		ConversationEvents events = new ConversationEvents(conversation);
		FakeRealtimeSession session = this.openai.awaitSession();
		session.awaitReceived("session.update");

		session.drop();

		List<ProviderEvent> seen = events.awaitCompletion();
		assertThat(seen).hasSize(1);
		ProviderEvent.ProviderError error = (ProviderEvent.ProviderError) seen.get(0);
		assertThat(error.code()).isEqualTo("connection_lost");
		assertThat(error.retriable()).isTrue();
		conversation.sendAudio(new byte[960]);
		assertThatThrownBy(() -> conversation.respond(null).block()).hasMessageContaining("ended");
	}

	@Test
	void aServerCloseEndsTheConversationWithItsCode() {
		RealtimeConversation conversation = open(AudioFormat.PCM16_8K, PCM);
		ConversationEvents events = new ConversationEvents(conversation);
		FakeRealtimeSession session = this.openai.awaitSession();
		session.awaitReceived("session.update");

		session.close(1011, "internal error");

		List<ProviderEvent> seen = events.awaitCompletion();
		assertThat(seen).singleElement()
			.isEqualTo(new ProviderEvent.ProviderError("closed_1011",
					"OpenAI Realtime closed the session: 1011 internal error", true));
	}

	@Test
	void aRejectedKeyFailsOpenWithAnAuthenticationError() {
		RealtimeVoice voice = new OpenAiRealtimeVoiceFactory(OpenAiRealtimeTestKit.JSON).create(
				OpenAiRealtimeTestKit.config(OpenAiRealtimeTestKit.row(this.openai.baseUrl(), "sk-wrong")));
		assertThatThrownBy(() -> voice.open(spec()).block(Duration.ofSeconds(10)))
			.isInstanceOf(ProviderAuthException.class)
			.hasMessageContaining("HTTP 401")
			.hasMessageContaining("API key");
	}

	@Test
	void aKeyRejectedAfterTheUpgradeFailsOpenWithAnAuthenticationError() {
		this.openai.rejectKeysAfterUpgrade();
		RealtimeVoice voice = new OpenAiRealtimeVoiceFactory(OpenAiRealtimeTestKit.JSON).create(
				OpenAiRealtimeTestKit.config(OpenAiRealtimeTestKit.row(this.openai.baseUrl(), "sk-wrong")));
		assertThatThrownBy(() -> voice.open(spec()).block(Duration.ofSeconds(10)))
			.isInstanceOf(ProviderAuthException.class)
			.hasMessageContaining("invalid_api_key");
	}

	@Test
	void anUnreachableServerFailsOpenQuickly() {
		RealtimeVoice voice = voice(Map.of());
		this.openai.close();
		assertThatThrownBy(() -> voice.open(spec()).block(Duration.ofSeconds(10)))
			.isInstanceOf(ProviderUnavailableException.class)
			.hasMessageContaining("cannot connect");
	}

	@Test
	void aServerThatNeverConfirmsTheSessionTimesOut() {
		this.openai.stallSessions();
		RealtimeVoice voice = voice(Map.of("connect_timeout_seconds", "0.5"));
		assertThatThrownBy(() -> voice.open(spec()).block(Duration.ofSeconds(10)))
			.isInstanceOf(ProviderTimeoutException.class)
			.hasMessageContaining("no session.updated")
			.hasMessageContaining("500 ms");
		awaitDisconnected(this.openai.awaitSession());
	}

	@Test
	void rotationCarriesTheConversationIntoAFreshSession() {
		RealtimeConversation conversation = open(AudioFormat.PCM16_8K,
				Map.of("max_session_minutes", "0.05", "audio_format", "pcm"));
		ConversationEvents events = new ConversationEvents(conversation);
		FakeRealtimeSession first = this.openai.awaitSession();
		first.awaitReceived("session.update");
		first.transcribeAfterReply()
			.callerWillSay("I need a plumber tomorrow.")
			.queueReply("We can come at nine.", Duration.ofMillis(200));
		CallerSpeech.speakAsCaller(conversation, 300, 600);
		events.next(ProviderEvent.ResponseDone.class);
		String callId = first.callTool("take_message", "{\"name\":\"Ana\"}");
		events.next(ProviderEvent.ToolCall.class);
		events.next(ProviderEvent.ResponseDone.class);
		first.queueReply("Message taken. Anything else I can do for you today?", Duration.ofMillis(1000));
		conversation.sendToolResult(callId, "{\"saved\":true}").block(Duration.ofSeconds(5));
		events.next(ProviderEvent.ResponseDone.class);
		conversation.interrupt(400).block(Duration.ofSeconds(5));

		FakeRealtimeSession second = this.openai.awaitSession(1);
		second.awaitReceived("session.update");
		List<JsonNode> carried = second.awaitReceived("conversation.item.create", 5).stream()
			.map((event) -> event.path("item"))
			.toList();
		assertThat(carried.get(0).path("role").asString()).isEqualTo("user");
		assertThat(carried.get(0).path("content").get(0).path("text").asString()).isEqualTo("I need a plumber tomorrow.");
		assertThat(carried.get(1).path("role").asString()).isEqualTo("assistant");
		assertThat(carried.get(1).path("content").get(0).path("type").asString()).isEqualTo("output_text");
		assertThat(carried.get(1).path("content").get(0).path("text").asString()).isEqualTo("We can come at nine.");
		assertThat(carried.get(2).path("type").asString()).isEqualTo("function_call");
		assertThat(carried.get(2).path("call_id").asString()).isEqualTo(callId);
		assertThat(carried.get(3).path("type").asString()).isEqualTo("function_call_output");
		assertThat(carried.get(3).path("output").asString()).isEqualTo("{\"saved\":true}");
		assertThat(carried.get(4).path("content").get(0).path("text").asString())
			.as("the interrupted reply as far as the caller heard it (400 of 1000 ms)")
			.isEqualTo("Message taken.…");
		assertThat(second.errorsSent()).isEmpty();

		awaitDisconnected(first);
		second.speak("Anything else?", Duration.ofMillis(100));
		events.next(ProviderEvent.ResponseDone.class);
		conversation.sendAudio(CallerSpeech.callerAudio(AudioFormat.PCM16_24K, 20, false));
		second.awaitReceived("input_audio_buffer.append");
		assertThat(events.seen()).noneMatch(ProviderEvent.ProviderError.class::isInstance);
	}

	private static void awaitDisconnected(FakeRealtimeSession session) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!session.isDisconnected()) {
			assertThat(System.nanoTime()).as("old session closed").isLessThan(deadline);
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
