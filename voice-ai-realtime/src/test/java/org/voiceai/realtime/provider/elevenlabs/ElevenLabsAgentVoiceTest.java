package org.voiceai.realtime.provider.elevenlabs;

import java.time.Duration;
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
import org.voiceai.providers.error.ProviderException;
import org.voiceai.providers.realtime.ProviderEvent;
import org.voiceai.providers.realtime.RealtimeConversation;
import org.voiceai.providers.realtime.RealtimeSessionSpec;
import org.voiceai.realtime.fakes.elevenlabs.ElevenLabsAgentFake;
import org.voiceai.realtime.fakes.elevenlabs.FakeAgentConversation;
import org.voiceai.realtime.provider.ConversationEvents;
import org.voiceai.realtime.provider.CallerSpeech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ElevenLabs agent adapter against the §A2 fake, over real WebSockets. */
class ElevenLabsAgentVoiceTest {

	private static final String KEY = "xi-test-key";

	private static final String AGENT = "agent_8301k0abc";

	private static final String INSTRUCTIONS = "You are the receptionist of Acme Plumbing.";

	private static final ToolSpecification TRANSFER = ToolSpecification.builder()
		.name("transfer_call")
		.description("Transfer the caller to a person or department")
		.parameters(JsonObjectSchema.builder().addStringProperty("destination", "Who to transfer to").build())
		.build();

	private final ElevenLabsAgentFake elevenlabs = ElevenLabsAgentFake.start(KEY);

	private RealtimeConversation conversation;

	@AfterEach
	void close() {
		if (this.conversation != null) {
			this.conversation.close().block(Duration.ofSeconds(5));
		}
		this.elevenlabs.close();
	}

	private RealtimeConversation open(String apiKey, Map<String, Object> extra) {
		Map<String, Object> row = ElevenLabsAgentTestKit.row(this.elevenlabs.baseUrl(), AGENT, apiKey);
		row.putAll(extra);
		this.conversation = new ElevenLabsAgentVoiceFactory(ElevenLabsAgentTestKit.JSON)
			.create(ElevenLabsAgentTestKit.config(row))
			.open(new RealtimeSessionSpec(INSTRUCTIONS, null, "pt-BR", AudioFormat.PCM16_8K, List.of(TRANSFER)))
			.block(Duration.ofSeconds(10));
		return this.conversation;
	}

	private FakeAgentConversation openDefault() {
		this.elevenlabs.agent(AGENT).allowOverrides("prompt", "first_message");
		open(null, Map.of());
		return this.elevenlabs.awaitConversation().awaitInitiated();
	}

	@Test
	void aCallMovedHereGetsItsHistoryAsOneContextualUpdate() {
		this.elevenlabs.agent(AGENT).allowOverrides("prompt", "first_message");
		Map<String, Object> row = ElevenLabsAgentTestKit.row(this.elevenlabs.baseUrl(), AGENT, null);
		this.conversation = new ElevenLabsAgentVoiceFactory(ElevenLabsAgentTestKit.JSON)
			.create(ElevenLabsAgentTestKit.config(row))
			.open(new RealtimeSessionSpec(INSTRUCTIONS, null, "pt-BR", AudioFormat.PCM16_8K, List.of(TRANSFER))
				.withHistory(List.of(RealtimeSessionSpec.Turn.caller("Do you fix boilers?"),
						RealtimeSessionSpec.Turn.agent("Yes, every day."))))
			.block(Duration.ofSeconds(10));
		FakeAgentConversation agent = this.elevenlabs.awaitConversation().awaitInitiated();

		String update = agent.awaitReceived("contextual_update").path("text").asString();
		assertThat(update).contains("do not greet the caller again", "Caller: Do you fix boilers?",
				"You: Yes, every day.");
		assertThat(agent.received("user_message")).isEmpty();
	}

	@Test
	void overridesCarryThePromptAndASilentFirstMessageAndTheGreetingIsAskedFor() {
		FakeAgentConversation agent = openDefault();
		ConversationEvents events = new ConversationEvents(this.conversation);

		JsonNode initiation = agent.awaitReceived("conversation_initiation_client_data");
		assertThat(initiation.path("conversation_config_override").path("agent").path("prompt").path("prompt")
			.asString()).isEqualTo(INSTRUCTIONS);
		assertThat(initiation.path("conversation_config_override").path("agent").path("first_message").asString())
			.isEmpty();
		assertThat(initiation.path("conversation_config_override").path("agent").has("language")).isFalse();
		assertThat(this.conversation.inputFormat()).isEqualTo(AudioFormat.PCM16_16K);
		assertThat(this.conversation.outputFormat()).isEqualTo(AudioFormat.PCM16_16K);
		assertThat(agent.signed()).isFalse();

		agent.queueReply("Acme Plumbing, good morning!", Duration.ofMillis(500));
		this.conversation.respond("Greet the caller with exactly these words: Acme Plumbing, good morning!").block();
		assertThat(agent.awaitReceived("user_message").path("text").asString())
			.startsWith(ElevenLabsAgentConversation.INSTRUCTION_PREFIX)
			.endsWith("Greet the caller with exactly these words: Acme Plumbing, good morning!");
		assertThat(events.next(ProviderEvent.Transcript.class))
			.isEqualTo(new ProviderEvent.Transcript(false, "Acme Plumbing, good morning!", true));
		// 500 ms of PCM16 at 16 kHz
		assertThat(events.audioBytes(16_000)).isEqualTo(16_000);
		events.next(ProviderEvent.ResponseDone.class);
		assertThat(agent.problems()).isEmpty();
	}

	@Test
	void withoutOverridesTheAgentGreetsWithItsOwnFirstMessageInItsOwnFormats() {
		this.elevenlabs.agent(AGENT).firstMessage("Olá, aqui é a Acme!").formats("ulaw_8000", "ulaw_8000");
		open(null, Map.of("override_prompt", "false", "override_first_message", "false"));
		FakeAgentConversation agent = this.elevenlabs.awaitConversation().awaitInitiated();
		ConversationEvents events = new ConversationEvents(this.conversation);

		assertThat(agent.awaitReceived("conversation_initiation_client_data").has("conversation_config_override"))
			.isFalse();
		assertThat(this.conversation.inputFormat()).isEqualTo(AudioFormat.ULAW_8K);
		assertThat(this.conversation.outputFormat()).isEqualTo(AudioFormat.ULAW_8K);
		assertThat(events.next(ProviderEvent.Transcript.class).text()).isEqualTo("Olá, aqui é a Acme!");
		// 300 ms of μ-law at 8 kHz
		assertThat(events.audioBytes(2400)).isEqualTo(2400);
		events.next(ProviderEvent.ResponseDone.class);

		// The bridge's greeting request is answered by the agent's own first message, not by a second greeting.
		this.conversation.respond("Greet the caller with exactly these words: Olá!").block();
		this.conversation.respond("The caller has been silent. Ask briefly whether they are still there.").block();
		assertThat(agent.awaitReceived("user_message").path("text").asString()).contains("has been silent");
		assertThat(agent.received("user_message")).hasSize(1);
	}

	@Test
	void theLanguageOverrideSendsThePrimaryLanguageWhenEnabled() {
		this.elevenlabs.agent(AGENT).allowOverrides("prompt", "first_message", "language");
		open(null, Map.of("override_language", "true"));
		FakeAgentConversation agent = this.elevenlabs.awaitConversation().awaitInitiated();
		assertThat(agent.overrides().path("agent").path("language").asString()).isEqualTo("pt");
	}

	@Test
	void callerAudioGoesAsBase64ChunksAndTheAgentAnswersTheTranscribedTurn() {
		FakeAgentConversation agent = openDefault();
		ConversationEvents events = new ConversationEvents(this.conversation);
		agent.callerWillSay("Qual o horário?").queueReply("Das 8h às 18h.", Duration.ofMillis(400));

		CallerSpeech.speakAsCaller(this.conversation, 400, 600);

		events.next(ProviderEvent.SpeechStopped.class);
		assertThat(events.next(ProviderEvent.Transcript.class))
			.isEqualTo(new ProviderEvent.Transcript(true, "Qual o horário?", true));
		assertThat(events.next(ProviderEvent.Transcript.class).text()).isEqualTo("Das 8h às 18h.");
		assertThat(events.audioBytes(12_800)).isEqualTo(12_800);
		events.next(ProviderEvent.ResponseDone.class);
		assertThat(agent.receivedAudioMillis()).isEqualTo(1000);
		assertThat(agent.received("user_audio_chunk")).hasSize(50);
	}

	@Test
	void anInterruptionIsABargeInAndTheInterruptedRepliesLateAudioIsDropped() {
		FakeAgentConversation agent = openDefault();
		ConversationEvents events = new ConversationEvents(this.conversation);
		long longReply = agent.speak("A long answer about all of our services.", Duration.ofSeconds(4));
		events.audioBytes(4 * 32_000);
		agent.queueReply("Yes?", Duration.ofMillis(200));

		CallerSpeech.speakAsCaller(this.conversation, 300, 0);
		events.next(ProviderEvent.SpeechStarted.class);
		this.conversation.interrupt(1200).block();
		events.next(ProviderEvent.ResponseDone.class);
		assertThat(agent.interruptionsSent()).containsExactly(longReply);

		CallerSpeech.speakAsCaller(this.conversation, 0, 600);
		assertThat(events.next(ProviderEvent.Transcript.class).fromCaller()).isTrue();
		int afterInterruption = events.seen().size();
		assertThat(events.next(ProviderEvent.Transcript.class).text()).isEqualTo("Yes?");
		// Between the interruption and the next reply the stale chunk of the interrupted reply was dropped.
		List<ProviderEvent> sinceBargeIn = events.seen()
			.subList(events.seen().indexOf(new ProviderEvent.SpeechStarted()), afterInterruption);
		assertThat(sinceBargeIn).noneMatch(ProviderEvent.AudioDelta.class::isInstance);
		assertThat(events.audioBytes(6400)).isEqualTo(6400);
	}

	@Test
	void aClientToolCallIsAToolCallAndItsResultGoesBackAsClientToolResult() {
		FakeAgentConversation agent = openDefault();
		ConversationEvents events = new ConversationEvents(this.conversation);
		agent.queueReply("Transferring you to billing.", Duration.ofMillis(300));

		String callId = agent.callTool("transfer_call", "{\"destination\":\"contas\"}");
		ProviderEvent.ToolCall call = events.next(ProviderEvent.ToolCall.class);
		assertThat(call.callId()).isEqualTo(callId);
		assertThat(call.name()).isEqualTo("transfer_call");
		assertThat(ElevenLabsAgentTestKit.JSON.readTree(call.argumentsJson()).path("destination").asString())
			.isEqualTo("contas");
		events.next(ProviderEvent.ResponseDone.class);

		this.conversation.sendToolResult(callId, "{\"transferred_to\":\"Financeiro\"}").block();
		JsonNode result = agent.awaitReceived("client_tool_result");
		assertThat(result.path("tool_call_id").asString()).isEqualTo(callId);
		assertThat(result.path("result").asString()).isEqualTo("{\"transferred_to\":\"Financeiro\"}");
		assertThat(result.path("is_error").asBoolean(true)).isFalse();
		assertThat(events.next(ProviderEvent.Transcript.class).text()).isEqualTo("Transferring you to billing.");
		events.next(ProviderEvent.AudioDelta.class);
		events.next(ProviderEvent.ResponseDone.class);
		assertThat(agent.problems()).isEmpty();
	}

	@Test
	void everyPingIsAnsweredWithAPongCarryingItsEventId() {
		this.elevenlabs.agent(AGENT).pingEvery(Duration.ofMillis(100));
		FakeAgentConversation agent = openDefault();
		long scripted = agent.ping();
		List<JsonNode> pongs = agent.awaitReceived("pong", 4);
		assertThat(pongs).extracting((pong) -> pong.path("event_id").asLong()).contains(scripted);
		assertThat(agent.problems()).isEmpty();
	}

	@Test
	void aForbiddenOverrideIsRefusedWith1008AndTheErrorNamesTheRowSettings() {
		this.elevenlabs.agent(AGENT).allowOverrides("first_message");
		assertThatThrownBy(() -> open(null, Map.of())).isInstanceOf(ProviderBadRequestException.class)
			.satisfies((error) -> assertThat(((ProviderException) error).retriable()).isFalse())
			.hasMessageContaining("does not allow the overrides")
			.hasMessageContaining("override_prompt, override_first_message")
			.hasMessageContaining("agent.prompt.prompt");
		assertThat(this.elevenlabs.awaitConversation().isInitiated()).isFalse();
	}

	@Test
	void anOverrideErrorAfterSetupIsANonRetriableProviderError() {
		FakeAgentConversation agent = openDefault();
		ConversationEvents events = new ConversationEvents(this.conversation);
		agent.fail(1008, "override_error", "Override for field 'agent.language' is not allowed by config.");
		ProviderEvent.ProviderError error = events.next(ProviderEvent.ProviderError.class);
		assertThat(error.code()).isEqualTo("override_error");
		assertThat(error.retriable()).isFalse();
		assertThat(error.message()).contains("override_prompt", "Security settings");
		events.awaitCompletion();
	}

	@Test
	void aDroppedConnectionIsOneRetriableProviderErrorThenTheEnd() {
		FakeAgentConversation agent = openDefault();
		ConversationEvents events = new ConversationEvents(this.conversation);
		agent.drop();
		ProviderEvent.ProviderError error = events.next(ProviderEvent.ProviderError.class);
		assertThat(error.code()).isEqualTo("connection_lost");
		assertThat(error.retriable()).isTrue();
		assertThat(events.awaitCompletion()).filteredOn(ProviderEvent.ProviderError.class::isInstance).hasSize(1);
		assertThatThrownBy(() -> this.conversation.respond("Say something.").block())
			.isInstanceOf(ProviderException.class);
	}

	@Test
	void aServerFailureCloseIsRetriable() {
		FakeAgentConversation agent = openDefault();
		ConversationEvents events = new ConversationEvents(this.conversation);
		agent.fail(1011, "internal_error", "Internal server error");
		ProviderEvent.ProviderError error = events.next(ProviderEvent.ProviderError.class);
		assertThat(error.code()).isEqualTo("internal_error");
		assertThat(error.retriable()).isTrue();
		events.awaitCompletion();
	}

	@Test
	void aPrivateAgentIsReachedThroughASignedUrl() {
		this.elevenlabs.agent(AGENT).makePrivate().allowOverrides("prompt", "first_message");
		open(KEY, Map.of());
		FakeAgentConversation agent = this.elevenlabs.awaitConversation().awaitInitiated();
		assertThat(agent.signed()).isTrue();
		assertThat(this.elevenlabs.signedUrlsIssued()).isEqualTo(1);
	}

	@Test
	void aWrongKeyOrAMissingOneForAPrivateAgentIsAnAuthenticationError() {
		this.elevenlabs.agent(AGENT).makePrivate().allowOverrides("prompt", "first_message");
		assertThatThrownBy(() -> open("xi-wrong", Map.of())).isInstanceOf(ProviderAuthException.class)
			.hasMessageContaining("HTTP 401")
			.hasMessageContaining("api_key");
		assertThatThrownBy(() -> open(null, Map.of())).isInstanceOf(ProviderAuthException.class)
			.hasMessageContaining("HTTP 403");
		assertThat(this.elevenlabs.conversations()).isEmpty();
	}

	@Test
	void anUnknownAgentIsABadRequestNamingAgentId() {
		assertThatThrownBy(() -> open(KEY, Map.of())).isInstanceOf(ProviderBadRequestException.class)
			.hasMessageContaining("HTTP 404")
			.hasMessageContaining("agent_id");
	}

	@Test
	void anAgentFormatTheBridgeCannotConvertIsRefusedWithAClearMessage() {
		this.elevenlabs.agent(AGENT).allowOverrides("prompt", "first_message").formats("pcm_16000", "pcm_44100");
		assertThatThrownBy(() -> open(null, Map.of())).isInstanceOf(ProviderBadRequestException.class)
			.hasMessageContaining("pcm_44100")
			.hasMessageContaining("ulaw_8000");
	}

}
