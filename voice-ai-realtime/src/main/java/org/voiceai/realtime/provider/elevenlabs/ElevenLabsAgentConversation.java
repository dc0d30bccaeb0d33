package org.voiceai.realtime.provider.elevenlabs;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.voiceai.audio.AudioFormat;
import org.voiceai.providers.error.ProviderAuthException;
import org.voiceai.providers.error.ProviderBadRequestException;
import org.voiceai.providers.error.ProviderException;
import org.voiceai.providers.error.ProviderRateLimitException;
import org.voiceai.providers.error.ProviderTimeoutException;
import org.voiceai.providers.error.ProviderUnavailableException;
import org.voiceai.providers.realtime.ProviderEvent;
import org.voiceai.providers.realtime.RealtimeConversation;
import org.voiceai.providers.realtime.RealtimeSessionSpec;
import org.voiceai.realtime.provider.elevenlabs.internal.AgentAudioFormats;
import org.voiceai.realtime.provider.elevenlabs.internal.AgentMessages;
import org.voiceai.realtime.provider.ProviderSocket;

/**
 * One call's conversation with an ElevenLabs agent. ElevenLabs runs turn-taking itself: it detects the caller's
 * speech, interrupts its own reply ({@code interruption}) and answers. This adapter maps its events to
 * {@link ProviderEvent}s: {@code interruption} becomes {@link ProviderEvent.SpeechStarted} (the bridge then clears
 * what is queued for the caller) and audio of the interrupted reply that still arrives is dropped by
 * {@code event_id}. ElevenLabs marks no end of a reply, so a reply is done after {@code response_gap_ms} without
 * audio, at an interruption, or when it calls a tool. Events are delivered on the socket's event loop or the gap
 * timer's thread, one at a time: subscribers must not block.
 */
final class ElevenLabsAgentConversation implements RealtimeConversation, ProviderSocket.Listener {

	/** Marks bridge instructions sent as {@code user_message}, so the agent does not take them for the caller. */
	static final String INSTRUCTION_PREFIX = "[Instruction from the phone system, not words of the caller] ";

	private static final Log logger = LogFactory.getLog(ElevenLabsAgentConversation.class);

	private final ElevenLabsAgentSettings settings;

	private final RealtimeSessionSpec spec;

	private final AgentMessages wire;

	private final JsonMapper json;

	private final ProviderSocket socket = new ProviderSocket("ElevenLabs");

	private final Sinks.One<Void> ready = Sinks.one();

	private final Sinks.Many<ProviderEvent> events = Sinks.many().unicast().onBackpressureBuffer();

	private final AtomicBoolean ended = new AtomicBoolean();

	private final AtomicBoolean agentGreets;

	private final AtomicLong droppedCallerAudio = new AtomicLong();

	private volatile boolean confirmed;

	private volatile AudioFormat input;

	private volatile AudioFormat output;

	private volatile String conversationId;

	private volatile JsonNode lastError;

	// Reply state, guarded by this.events.

	private long dropUpTo = -1;

	private long lastAudioEventId = -1;

	private boolean replyOpen;

	private long replyGeneration;

	private Disposable gapTimer;

	private long staleAudioDropped;

	ElevenLabsAgentConversation(ElevenLabsAgentSettings settings, RealtimeSessionSpec spec, AgentMessages wire,
			JsonMapper json) {
		this.settings = settings;
		this.spec = spec;
		this.wire = wire;
		this.json = json;
		// Without the first-message override the agent greets with its own first message: the bridge's greeting
		// request is then answered by that, not by a second greeting.
		this.agentGreets = new AtomicBoolean(!settings.overrideFirstMessage());
	}

	Mono<RealtimeConversation> start() {
		Duration timeout = this.settings.connectTimeout();
		Mono<URI> uri = this.settings.signedUrl() ? signedUrl() : Mono.just(this.settings.publicConversationUri());
		return uri.flatMap((target) -> {
			this.socket.connect(target, Map.of(), timeout, this);
			this.socket.send(initiation());
			return this.ready.asMono();
		})
			.timeout(timeout, Mono.error(() -> new ProviderTimeoutException(ElevenLabsAgentVoice.NAME,
					"no conversation_initiation_metadata from agent " + this.settings.agentId() + " within "
							+ timeout.toMillis() + " ms",
					null)))
			.doOnError((error) -> this.socket.close())
			.doOnCancel(this.socket::close)
			.then(Mono.fromSupplier(() -> {
				if (!this.spec.history().isEmpty()) {
					this.socket.send(this.wire.contextualUpdate(earlierTurns(this.spec.history())));
				}
				logger.info("ElevenLabs conversation " + this.conversationId + " open with agent "
						+ this.settings.agentId() + " (in " + AgentAudioFormats.name(this.input) + ", out "
						+ AgentAudioFormats.name(this.output) + ")"
						+ (this.spec.history().isEmpty() ? ""
								: ", given " + this.spec.history().size() + " earlier turns as context"));
				return this;
			}));
	}

	/**
	 * The conversation so far, for a call that moved here from another provider, as one {@code contextual_update}:
	 * the agent takes it into account without answering it (the bridge asks for an answer if one is owed).
	 */
	static String earlierTurns(List<RealtimeSessionSpec.Turn> history) {
		StringBuilder text = new StringBuilder("This call was moved to you from another assistant after a technical "
				+ "problem; do not greet the caller again. The conversation so far:");
		for (RealtimeSessionSpec.Turn turn : history) {
			text.append('\n').append(turn.fromCaller() ? "Caller: " : "You: ").append(turn.text());
		}
		return text.toString();
	}

	private String initiation() {
		String language = (this.settings.overrideLanguage() && this.spec.language() != null
				&& !this.spec.language().isBlank()) ? primaryLanguage(this.spec.language()) : null;
		return this.wire.initiation(this.settings.overridePrompt() ? this.spec.instructions() : null,
				this.settings.overrideFirstMessage() ? "" : null, language);
	}

	/** ElevenLabs agents take ISO 639-1 codes ({@code pt}), not full BCP-47 tags ({@code pt-BR}). */
	static String primaryLanguage(String tag) {
		int dash = tag.indexOf('-');
		return ((dash > 0) ? tag.substring(0, dash) : tag).toLowerCase(Locale.ROOT);
	}

	private Mono<URI> signedUrl() {
		URI request = this.settings.signedUrlRequest();
		return HttpClient.create()
			.headers((headers) -> headers.set("xi-api-key", this.settings.apiKey()))
			.get()
			.uri(request)
			.responseSingle((response, body) -> body.asString().defaultIfEmpty("").map((text) -> {
				int status = response.status().code();
				if (status != 200) {
					throw signedUrlFailure(status, text);
				}
				String signed;
				try {
					signed = this.json.readTree(text).path("signed_url").asString("");
				}
				catch (JacksonException ex) {
					signed = "";
				}
				if (signed.isEmpty()) {
					throw new ProviderUnavailableException(ElevenLabsAgentVoice.NAME,
							"the signed URL answer has no signed_url: " + abbreviate(text), null);
				}
				return URI.create(signed);
			}))
			.onErrorMap((error) -> !(error instanceof ProviderException),
					(error) -> new ProviderUnavailableException(ElevenLabsAgentVoice.NAME,
							"cannot get a signed URL from " + this.settings.signedUrlEndpoint() + ": " + error.getMessage(),
							error));
	}

	private ProviderException signedUrlFailure(int status, String body) {
		String provider = ElevenLabsAgentVoice.NAME;
		String text = "signed URL for agent " + this.settings.agentId() + " refused with HTTP " + status + ": "
				+ abbreviate(body);
		if (status == 401 || status == 403) {
			return new ProviderAuthException(provider, text + " (check api_key)", null);
		}
		if (status == 429) {
			return new ProviderRateLimitException(provider, text, null, null);
		}
		return (status >= 500) ? new ProviderUnavailableException(provider, text, null)
				: new ProviderBadRequestException(provider, text + " (check agent_id)", null);
	}

	private static String abbreviate(String text) {
		return (text.length() > 300) ? text.substring(0, 300) + "…" : text;
	}

	@Override
	public AudioFormat inputFormat() {
		return this.input;
	}

	@Override
	public AudioFormat outputFormat() {
		return this.output;
	}

	@Override
	public void sendAudio(byte[] audio) {
		if (!this.confirmed || this.ended.get() || audio.length == 0) {
			return;
		}
		if (!this.socket.send(this.wire.audioChunk(audio))) {
			long dropped = this.droppedCallerAudio.incrementAndGet();
			if (dropped == 1 || dropped % 250 == 0) {
				logger.warn("ElevenLabs conversation " + this.conversationId + " is not keeping up: " + dropped
						+ " caller audio chunks dropped");
			}
		}
	}

	@Override
	public Flux<ProviderEvent> events() {
		return this.events.asFlux();
	}

	@Override
	public Mono<Void> sendToolResult(String callId, String resultJson) {
		// Our tools report failures inside the JSON ("error": ...) for the model to read, so is_error stays false.
		return Mono.defer(() -> send(this.wire.toolResult(callId, resultJson, false)));
	}

	/**
	 * ElevenLabs has no "speak now" command: the instruction goes as a {@code user_message}, which the agent answers.
	 * The first request (the greeting) is skipped when the agent greets with its own first message.
	 */
	@Override
	public Mono<Void> respond(String instructions) {
		return Mono.defer(() -> {
			if (this.agentGreets.getAndSet(false)) {
				logger.debug("ElevenLabs agent " + this.settings.agentId() + " greets with its own first message");
				return Mono.empty();
			}
			return send(this.wire.userMessage(INSTRUCTION_PREFIX + instructions));
		});
	}

	/**
	 * ElevenLabs interrupts its reply itself when it hears the caller (and knows how much it had sent), so there is
	 * nothing to tell it; what remains is to drop the rest of the interrupted reply's audio.
	 */
	@Override
	public Mono<Void> interrupt(long playedMillis) {
		return Mono.fromRunnable(() -> {
			synchronized (this.events) {
				this.dropUpTo = Math.max(this.dropUpTo, this.lastAudioEventId);
				endReply();
			}
		});
	}

	@Override
	public Mono<Void> close() {
		return Mono.fromRunnable(() -> end(null));
	}

	private Mono<Void> send(String message) {
		if (this.ended.get() || !this.confirmed) {
			return Mono.error(new ProviderUnavailableException(ElevenLabsAgentVoice.NAME,
					"the conversation has ended", null));
		}
		if (!this.socket.send(message)) {
			return Mono.error(new ProviderUnavailableException(ElevenLabsAgentVoice.NAME, "conversation "
					+ this.conversationId + " is not accepting messages (closed or stalled)", null));
		}
		return Mono.empty();
	}

	@Override
	public void onMessage(String message) {
		JsonNode event;
		try {
			event = this.json.readTree(message);
		}
		catch (JacksonException ex) {
			logger.warn("Ignoring an unreadable ElevenLabs message: " + ex.getOriginalMessage());
			return;
		}
		switch (event.path("type").asString("")) {
			case "conversation_initiation_metadata" -> onMetadata(event.path("conversation_initiation_metadata_event"));
			case "audio" -> onAudio(event.path("audio_event"));
			case "agent_response" -> {
				JsonNode response = event.path("agent_response_event");
				synchronized (this.events) {
					if (response.path("event_id").asLong(Long.MAX_VALUE) > this.dropUpTo) {
						emit(new ProviderEvent.Transcript(false, response.path("agent_response").asString(""), true));
					}
				}
			}
			case "user_transcript" -> {
				String text = event.path("user_transcription_event").path("user_transcript").asString("");
				synchronized (this.events) {
					emit(new ProviderEvent.SpeechStopped());
					emit(new ProviderEvent.Transcript(true, text, true));
				}
			}
			case "tentative_user_transcript" -> emit(new ProviderEvent.Transcript(true,
					event.path("tentative_user_transcription_event").path("user_transcript").asString(""), false));
			case "interruption" -> onInterruption(event.path("interruption_event").path("event_id").asLong(-1));
			case "ping" -> this.socket.send(this.wire.pong(event.path("ping_event").path("event_id").asLong()));
			case "client_tool_call" -> onToolCall(event.path("client_tool_call"));
			case "agent_response_correction" -> logger.debug("ElevenLabs corrected an interrupted reply to: "
					+ event.path("agent_response_correction_event").path("corrected_agent_response").asString(""));
			case "error" -> onError(event.path("error_event"));
			default -> {
				// vad_score, agent_tool_request, mcp_* and newer events carry nothing the bridge uses
			}
		}
	}

	private void onMetadata(JsonNode metadata) {
		String inputName = metadata.path("user_input_audio_format").asString("pcm_16000");
		String outputName = metadata.path("agent_output_audio_format").asString("pcm_16000");
		AudioFormat in = AgentAudioFormats.parse(inputName);
		AudioFormat out = AgentAudioFormats.parse(outputName);
		if (in == null || out == null) {
			this.ready.tryEmitError(new ProviderBadRequestException(ElevenLabsAgentVoice.NAME, "agent "
					+ this.settings.agentId() + " uses audio formats " + inputName + " in / " + outputName
					+ " out; the bridge supports " + AgentAudioFormats.SUPPORTED
					+ " (set them in the agent's voice and ASR settings; ulaw_8000 suits phone calls best)", null));
			return;
		}
		this.input = in;
		this.output = out;
		this.conversationId = metadata.path("conversation_id").asString(null);
		this.confirmed = true;
		this.ready.tryEmitEmpty();
	}

	private void onAudio(JsonNode audio) {
		long eventId = audio.path("event_id").asLong(Long.MAX_VALUE);
		synchronized (this.events) {
			if (eventId <= this.dropUpTo) {
				if (this.staleAudioDropped++ % 50 == 0) {
					logger.debug("Dropping audio of interrupted reply " + eventId + " (" + this.staleAudioDropped
							+ " chunks so far)");
				}
				return;
			}
			byte[] bytes;
			try {
				bytes = Base64.getDecoder().decode(audio.path("audio_base_64").asString(""));
			}
			catch (IllegalArgumentException ex) {
				logger.warn("Ignoring ElevenLabs audio that is not base64: " + ex.getMessage());
				return;
			}
			if (bytes.length == 0) {
				return;
			}
			this.lastAudioEventId = eventId;
			this.replyOpen = true;
			emit(new ProviderEvent.AudioDelta(bytes));
			restartGapTimer();
		}
	}

	private void restartGapTimer() {
		if (this.gapTimer != null) {
			this.gapTimer.dispose();
		}
		long generation = ++this.replyGeneration;
		this.gapTimer = Mono.delay(this.settings.responseGap()).subscribe((tick) -> {
			synchronized (this.events) {
				if (generation == this.replyGeneration) {
					endReply();
				}
			}
		});
	}

	/** Ends the reply in progress, if any, with {@link ProviderEvent.ResponseDone}. Holds this.events. */
	private void endReply() {
		this.replyGeneration++;
		if (this.gapTimer != null) {
			this.gapTimer.dispose();
			this.gapTimer = null;
		}
		if (this.replyOpen) {
			this.replyOpen = false;
			emit(new ProviderEvent.ResponseDone());
		}
	}

	private void onInterruption(long eventId) {
		synchronized (this.events) {
			this.dropUpTo = Math.max(this.dropUpTo, eventId);
			emit(new ProviderEvent.SpeechStarted());
			endReply();
		}
	}

	private void onToolCall(JsonNode call) {
		String callId = call.path("tool_call_id").asString("");
		String name = call.path("tool_name").asString("");
		JsonNode parameters = call.path("parameters");
		String arguments = parameters.isObject() ? this.json.writeValueAsString(parameters) : "{}";
		synchronized (this.events) {
			endReply();
			emit(new ProviderEvent.ToolCall(callId, name, arguments));
			// The reply that called the tool is over; the agent answers the result in a new one.
			emit(new ProviderEvent.ResponseDone());
		}
	}

	private void onError(JsonNode error) {
		this.lastError = error;
		logger.warn("ElevenLabs conversation " + this.conversationId + " error " + error.path("code").asInt() + " "
				+ error.path("error_type").asString("") + ": " + error.path("message").asString(""));
	}

	@Override
	public void onClosed(ProviderSocket.CloseStatus status, Throwable error) {
		if (!this.confirmed) {
			this.ready.tryEmitError(setupFailure(status, error));
			return;
		}
		if (this.ended.get()) {
			return;
		}
		end(closeError(status, error));
	}

	private ProviderException setupFailure(ProviderSocket.CloseStatus status, Throwable error) {
		String provider = ElevenLabsAgentVoice.NAME;
		if (error instanceof WebSocketClientHandshakeException handshake) {
			int code = handshake.response().status().code();
			String text = "WebSocket upgrade refused with HTTP " + code;
			if (code == 401 || code == 403) {
				return new ProviderAuthException(provider, text + ": the agent is private or the signed URL was "
						+ "rejected (set api_key)", error);
			}
			if (code == 429) {
				return new ProviderRateLimitException(provider, text + ": rate limited", null, error);
			}
			return (code >= 500) ? new ProviderUnavailableException(provider, text, error)
					: new ProviderBadRequestException(provider, text, error);
		}
		if (status != null) {
			ProviderEvent.ProviderError closed = closeError(status, null);
			if (closed.retriable()) {
				return new ProviderUnavailableException(provider, closed.message(), null);
			}
			return isAuthError() ? new ProviderAuthException(provider, closed.message(), null)
					: new ProviderBadRequestException(provider, closed.message(), null);
		}
		return new ProviderUnavailableException(provider,
				"cannot connect: " + ((error != null) ? error.getMessage() : "connection closed during setup"), error);
	}

	private boolean isAuthError() {
		JsonNode error = this.lastError;
		String type = (error != null) ? error.path("error_type").asString("") : "";
		return type.contains("auth") || type.contains("signature") || type.contains("unauthorized");
	}

	/** What a close means to the bridge; 1008 is a contract problem (overrides, bad message) no retry fixes. */
	private ProviderEvent.ProviderError closeError(ProviderSocket.CloseStatus status, Throwable error) {
		if (status == null) {
			return new ProviderEvent.ProviderError("connection_lost", "ElevenLabs connection lost"
					+ ((error != null) ? ": " + error.getMessage() : ""), true);
		}
		JsonNode event = this.lastError;
		String type = (event != null) ? event.path("error_type").asString("") : "";
		String detail = (event != null) ? event.path("message").asString(status.reason()) : status.reason();
		if (status.code() == 1008 && ("override_error".equals(type)
				|| (type.isEmpty() && String.valueOf(status.reason()).toLowerCase(Locale.ROOT).contains("override")))) {
			String settings = String.join(", ", this.settings.overrideSettings());
			return new ProviderEvent.ProviderError("override_error", "ElevenLabs agent " + this.settings.agentId()
					+ " does not allow the overrides this provider row sends (" + settings + "): allow them in the "
					+ "agent's Security settings, or set " + settings + " to false on the row. ElevenLabs said: "
					+ detail, false);
		}
		String code = type.isEmpty() ? "closed_" + status.code() : type;
		String text = "ElevenLabs closed the conversation: " + status.code() + " " + code + " " + detail;
		return switch (status.code()) {
			case 1000 -> new ProviderEvent.ProviderError(code, text, false);
			case 1008 -> new ProviderEvent.ProviderError(code, text + " (check agent_id and api_key)", false);
			default -> new ProviderEvent.ProviderError(code, text, true);
		};
	}

	private void emit(ProviderEvent event) {
		synchronized (this.events) {
			this.events.tryEmitNext(event);
		}
	}

	/** Ends the conversation once: reports {@code error} if there is one, closes the socket, completes the events. */
	private void end(ProviderEvent.ProviderError error) {
		if (!this.ended.compareAndSet(false, true)) {
			return;
		}
		this.socket.close();
		synchronized (this.events) {
			this.replyGeneration++;
			if (this.gapTimer != null) {
				this.gapTimer.dispose();
			}
			if (error != null) {
				logger.warn("ElevenLabs conversation " + this.conversationId + " ended: " + error.code() + " "
						+ error.message());
				this.events.tryEmitNext(error);
			}
			this.events.tryEmitComplete();
		}
		this.ready.tryEmitError(new ProviderUnavailableException(ElevenLabsAgentVoice.NAME, "closed", null));
	}

}
