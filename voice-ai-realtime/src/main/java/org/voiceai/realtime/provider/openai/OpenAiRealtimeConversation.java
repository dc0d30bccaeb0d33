package org.voiceai.realtime.provider.openai;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
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
import org.voiceai.realtime.provider.openai.internal.ClientEvents;
import org.voiceai.realtime.provider.openai.internal.ConversationItem;
import org.voiceai.realtime.provider.ProviderSocket;

/**
 * One call's conversation with OpenAI Realtime. It owns the current session's socket and, before OpenAI's 60-minute
 * cap, replaces it with a fresh session that receives the conversation so far as items; the bridge sees one
 * uninterrupted event stream. A lost connection or a fatal {@code error} event ends the stream with a
 * {@link ProviderEvent.ProviderError}. Events are delivered on the socket's event loop: subscribers must not block.
 */
final class OpenAiRealtimeConversation implements RealtimeConversation {

	/** Errors OpenAI sends for harmless races (cancelling a finished response, asking for one while one runs). */
	private static final Set<String> TOLERATED_ERRORS = Set.of("response_cancel_not_active",
			"conversation_already_has_active_response", "input_audio_buffer_commit_empty");

	/** Prefix of our cancel/truncate event ids: an error about those means the reply had already ended. */
	private static final String INTERRUPT_EVENT_PREFIX = "interrupt_";

	/** How often a due rotation looks for a quiet moment (no reply, caller not speaking). */
	private static final Duration ROTATION_CHECK = Duration.ofSeconds(1);

	/** After this long without a quiet moment a due rotation happens anyway, well before the 60-minute cap. */
	private static final Duration ROTATION_GRACE = Duration.ofMinutes(2);

	private static final Log logger = LogFactory.getLog(OpenAiRealtimeConversation.class);

	private final OpenAiRealtimeSettings settings;

	private final ClientEvents wire;

	private final JsonMapper json;

	private final AudioFormat format;

	private final String sessionUpdate;

	private final OpenAiRealtimeEvents mapper;

	/** The conversation so far when the call moved here from another provider; empty for a new call. */
	private final List<ConversationItem> seeded;

	private final Sinks.Many<ProviderEvent> events = Sinks.many().unicast().onBackpressureBuffer();

	private final AtomicBoolean ended = new AtomicBoolean();

	private final AtomicBoolean rotating = new AtomicBoolean();

	private final AtomicLong droppedAudio = new AtomicLong();

	private final AtomicLong interruptions = new AtomicLong();

	private volatile Session current;

	private volatile long rotationDueNanos;

	private volatile Disposable rotationTicks;

	OpenAiRealtimeConversation(OpenAiRealtimeSettings settings, RealtimeSessionSpec spec, ClientEvents wire,
			JsonMapper json) {
		this.settings = settings;
		this.wire = wire;
		this.json = json;
		this.format = settings.sessionFormat(spec.callerFormat());
		OpenAiRealtimeSettings.TurnDetection turns = settings.turnDetection();
		this.sessionUpdate = wire.sessionUpdate(spec.instructions(),
				(spec.voice() != null && !spec.voice().isBlank()) ? spec.voice() : settings.voice(), this.format,
				wire.turnDetection(turns.type(), turns.threshold(), turns.prefixPaddingMs(), turns.silenceDurationMs(),
						turns.eagerness()),
				settings.transcriptionModel(), ClientEvents.transcriptionLanguage(spec.language()),
				settings.noiseReduction(), spec.tools());
		this.mapper = new OpenAiRealtimeEvents(this.format);
		this.seeded = spec.history()
			.stream()
			.map((turn) -> turn.fromCaller() ? new ConversationItem.CallerText(turn.text())
					: (ConversationItem) new ConversationItem.AssistantText(turn.text()))
			.toList();
	}

	/** Opens the first session; a call that moved here from another provider gets its history as items first. */
	Mono<RealtimeConversation> start() {
		this.mapper.carried(this.seeded);
		return connect(this.seeded).map((session) -> {
			this.current = session;
			scheduleRotation();
			logger.info("OpenAI Realtime session " + session.id + " open (" + this.settings.model() + ", "
					+ this.format.encoding() + " " + this.format.sampleRate() + " Hz"
					+ (this.seeded.isEmpty() ? "" : ", carrying " + this.seeded.size() + " earlier turns") + ")");
			return this;
		});
	}

	@Override
	public AudioFormat inputFormat() {
		return this.format;
	}

	@Override
	public AudioFormat outputFormat() {
		return this.format;
	}

	@Override
	public void sendAudio(byte[] audio) {
		Session session = this.current;
		if (session == null || this.ended.get() || audio.length == 0) {
			return;
		}
		if (!session.socket.send(this.wire.append(audio))) {
			long dropped = this.droppedAudio.incrementAndGet();
			if (dropped == 1 || dropped % 250 == 0) {
				logger.warn("OpenAI Realtime session " + session.id + " is not keeping up: " + dropped
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
		return Mono.defer(() -> {
			this.mapper.toolResult(callId, resultJson);
			return send(this.wire.itemCreate(new ConversationItem.FunctionCallOutput(callId, resultJson)),
					this.wire.responseCreate(null));
		});
	}

	@Override
	public Mono<Void> respond(String instructions) {
		return Mono.defer(() -> send(this.wire.responseCreate(instructions)));
	}

	@Override
	public Mono<Void> interrupt(long playedMillis) {
		return Mono.defer(() -> {
			OpenAiRealtimeEvents.Interruption interruption = this.mapper.interrupt(playedMillis);
			long n = this.interruptions.incrementAndGet();
			String cancel = (interruption.responseId() != null)
					? this.wire.responseCancel(interruption.responseId(), INTERRUPT_EVENT_PREFIX + "cancel_" + n) : null;
			String truncate = (interruption.itemId() != null) ? this.wire.truncate(interruption.itemId(),
					interruption.audioEndMs(), INTERRUPT_EVENT_PREFIX + "truncate_" + n) : null;
			return send(cancel, truncate);
		});
	}

	/**
	 * Runs off the caller's thread: events are delivered under the events lock, and a subscriber that handles them
	 * under its own lock (the call session) calls this under that lock too. Ending on the caller's thread would take
	 * the two locks in the opposite order and deadlock against a delivery in progress (found by the load benchmark).
	 */
	@Override
	public Mono<Void> close() {
		return Mono.fromRunnable(() -> end(null)).subscribeOn(Schedulers.boundedElastic()).then();
	}

	/** Tokens used so far, over every session of this call. */
	OpenAiRealtimeUsage usage() {
		return this.mapper.usage();
	}

	private Mono<Void> send(String... messages) {
		Session session = this.current;
		if (this.ended.get() || session == null) {
			return Mono.error(new ProviderUnavailableException(OpenAiRealtimeVoice.NAME, "the conversation has ended",
					null));
		}
		for (String message : messages) {
			if (message != null && !session.socket.send(message)) {
				return Mono.error(new ProviderUnavailableException(OpenAiRealtimeVoice.NAME,
						"session " + session.id + " is not accepting messages (closed or stalled)", null));
			}
		}
		return Mono.empty();
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
		Disposable ticks = this.rotationTicks;
		if (ticks != null) {
			ticks.dispose();
		}
		Session session = this.current;
		if (session != null) {
			session.retire();
		}
		if (error != null) {
			logger.warn("OpenAI Realtime session " + ((session != null) ? session.id : null) + " ended: "
					+ error.code() + " " + error.message());
			emit(error);
		}
		logger.info("OpenAI Realtime conversation closed; usage " + this.mapper.usage());
		synchronized (this.events) {
			this.events.tryEmitComplete();
		}
	}

	private Mono<Session> connect(List<ConversationItem> carried) {
		Session session = new Session(carried);
		Duration timeout = this.settings.connectTimeout();
		return session.ready.asMono()
			.timeout(timeout, Mono.error(() -> new ProviderTimeoutException(OpenAiRealtimeVoice.NAME,
					"no session.updated from " + this.settings.baseUrl() + " within " + timeout.toMillis() + " ms",
					null)))
			.doOnError((error) -> session.retire())
			.doOnCancel(session::retire)
			.thenReturn(session);
	}

	private void scheduleRotation() {
		this.rotationDueNanos = System.nanoTime() + this.settings.maxSessionAge().toNanos();
		this.rotationTicks = Flux.interval(this.settings.maxSessionAge(), ROTATION_CHECK)
			.subscribe((tick) -> rotateWhenQuiet());
	}

	private boolean rotationOverdue() {
		return System.nanoTime() - this.rotationDueNanos > ROTATION_GRACE.toNanos();
	}

	/** Starts the switch to a fresh session, at a moment when no reply is playing and the caller is not talking. */
	private void rotateWhenQuiet() {
		if (this.ended.get() || (this.mapper.busy() && !rotationOverdue()) || !this.rotating.compareAndSet(false, true)) {
			return;
		}
		List<ConversationItem> history = this.mapper.history();
		connect(history).subscribe((fresh) -> swapTo(fresh, history.size()), (error) -> {
			logger.warn("OpenAI Realtime session rotation failed, retrying: " + error.getMessage());
			this.rotating.set(false);
		});
	}

	private void swapTo(Session fresh, int carriedItems) {
		if (this.ended.get() || (this.mapper.busy() && !rotationOverdue())) {
			// something started while the fresh session was set up: it lacks that turn, so try again later
			fresh.retire();
			this.rotating.set(false);
			return;
		}
		Session old = this.current;
		this.current = fresh;
		this.mapper.sessionReplaced();
		this.rotationTicks.dispose();
		scheduleRotation();
		this.rotating.set(false);
		old.retire();
		logger.info("OpenAI Realtime session " + old.id + " replaced by " + fresh.id + " carrying " + carriedItems
				+ " conversation items");
	}

	private static ProviderException setupFailure(Throwable error, ProviderSocket.CloseStatus status) {
		String provider = OpenAiRealtimeVoice.NAME;
		if (error instanceof WebSocketClientHandshakeException handshake) {
			int code = handshake.response().status().code();
			String text = "WebSocket upgrade refused with HTTP " + code;
			if (code == 401 || code == 403) {
				return new ProviderAuthException(provider, text + ": the API key was rejected", error);
			}
			if (code == 429) {
				return new ProviderRateLimitException(provider, text + ": rate limited", null, error);
			}
			return (code >= 500) ? new ProviderUnavailableException(provider, text, error)
					: new ProviderBadRequestException(provider, text, error);
		}
		if (status != null) {
			return setupFailure(status.code() == 3000 ? "invalid_api_key" : "closed", "socket closed with "
					+ status.code() + " " + status.reason(), status.code() >= 1011 && status.code() < 3000);
		}
		return new ProviderUnavailableException(provider,
				"cannot connect: " + ((error != null) ? error.getMessage() : "connection closed during setup"), error);
	}

	private static ProviderException setupFailure(String code, String message, boolean retriable) {
		String provider = OpenAiRealtimeVoice.NAME;
		String text = "session refused: " + code + " " + message;
		if ("invalid_api_key".equals(code)) {
			return new ProviderAuthException(provider, text, null);
		}
		return retriable ? new ProviderUnavailableException(provider, text, null)
				: new ProviderBadRequestException(provider, text, null);
	}

	private static boolean retriable(String type, String code) {
		return "server_error".equals(type) || "rate_limit_exceeded".equals(code) || "session_expired".equals(code);
	}

	private static ProviderEvent.ProviderError closeError(ProviderSocket.CloseStatus status, Throwable error) {
		if (status == null) {
			return new ProviderEvent.ProviderError("connection_lost", "OpenAI Realtime connection lost"
					+ ((error != null) ? ": " + error.getMessage() : ""), true);
		}
		boolean refused = status.code() == 1008 || status.code() == 3000 || status.code() == 4000;
		return new ProviderEvent.ProviderError("closed_" + status.code(),
				"OpenAI Realtime closed the session: " + status.code() + " " + status.reason(), !refused);
	}

	/** One WebSocket session; the conversation has one current session and, while rotating, a fresh one. */
	private final class Session implements ProviderSocket.Listener {

		final ProviderSocket socket = new ProviderSocket("OpenAI Realtime");

		final Sinks.One<Void> ready = Sinks.one();

		private final List<ConversationItem> carried;

		volatile String id;

		private volatile boolean confirmed;

		private volatile boolean retired;

		Session(List<ConversationItem> carried) {
			this.carried = carried;
			this.socket.connect(OpenAiRealtimeConversation.this.settings.sessionUri(),
					Map.of("Authorization", "Bearer " + OpenAiRealtimeConversation.this.settings.apiKey()),
					OpenAiRealtimeConversation.this.settings.connectTimeout(), this);
		}

		@Override
		public void onMessage(String message) {
			JsonNode event;
			try {
				event = OpenAiRealtimeConversation.this.json.readTree(message);
			}
			catch (JacksonException ex) {
				logger.warn("Ignoring an unreadable OpenAI Realtime message: " + ex.getOriginalMessage());
				return;
			}
			switch (event.path("type").asString("")) {
				case "session.created" -> {
					this.id = event.path("session").path("id").asString(null);
					this.socket.send(OpenAiRealtimeConversation.this.sessionUpdate);
				}
				case "session.updated" -> {
					if (!this.confirmed) {
						this.confirmed = true;
						for (ConversationItem item : this.carried) {
							this.socket.send(OpenAiRealtimeConversation.this.wire.itemCreate(item));
						}
						this.ready.tryEmitEmpty();
					}
				}
				case "error" -> onError(event.path("error"));
				default -> {
					if (this == OpenAiRealtimeConversation.this.current) {
						List<ProviderEvent> mapped = new ArrayList<>(2);
						OpenAiRealtimeConversation.this.mapper.map(event, mapped);
						for (ProviderEvent mappedEvent : mapped) {
							emit(mappedEvent);
						}
					}
				}
			}
		}

		private void onError(JsonNode error) {
			String code = error.path("code").asString("");
			String type = error.path("type").asString("");
			String message = error.path("message").asString("");
			if (!this.confirmed) {
				this.ready.tryEmitError(setupFailure(code.isEmpty() ? type : code, message, retriable(type, code)));
				retire();
				return;
			}
			if (TOLERATED_ERRORS.contains(code)
					|| error.path("event_id").asString("").startsWith(INTERRUPT_EVENT_PREFIX)) {
				logger.debug("OpenAI Realtime session " + this.id + " tolerated error " + code + ": " + message);
				return;
			}
			if (this != OpenAiRealtimeConversation.this.current) {
				logger.warn("OpenAI Realtime session " + this.id + " (not current) error " + code + ": " + message);
				return;
			}
			end(new ProviderEvent.ProviderError(code.isEmpty() ? type : code, message, retriable(type, code)));
		}

		@Override
		public void onClosed(ProviderSocket.CloseStatus status, Throwable error) {
			if (!this.confirmed) {
				this.ready.tryEmitError(setupFailure(error, status));
				return;
			}
			if (this.retired || this != OpenAiRealtimeConversation.this.current) {
				return;
			}
			end(closeError(status, error));
		}

		/** This session is no longer wanted: its end is expected and not reported. */
		void retire() {
			this.retired = true;
			this.socket.close();
		}

	}

}
