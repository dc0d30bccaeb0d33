package org.voiceai.realtime.provider.gemini;

import java.time.Duration;
import java.util.ArrayList;
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
import org.voiceai.realtime.provider.gemini.internal.LiveMessages;
import org.voiceai.realtime.provider.ProviderSocket;
import org.voiceai.realtime.provider.gemini.internal.Turn;

/**
 * One call's conversation with Gemini Live. It owns the current connection and replaces it, transparently to the
 * bridge, before the service ends it: when the service announces {@code goAway}, when the connection nears its
 * ~10-minute limit, and (without context compression) when the audio session nears its ~15-minute limit. A
 * replacement resumes the session with the latest resumption handle; without a usable handle (or for a new session)
 * it replays the conversation so far as {@code clientContent}. Switches wait for a quiet moment (no reply, no caller
 * turn, no pending function call) unless the deadline is near. A lost connection or an unexpected close ends the
 * stream with one {@link ProviderEvent.ProviderError}. Events are delivered on the socket's event loop.
 */
final class GeminiLiveConversation implements RealtimeConversation {

	/** How often a due switch looks for a quiet moment. */
	private static final Duration ROTATION_CHECK = Duration.ofMillis(500);

	/** After this long without a quiet moment a due switch happens anyway (the caps leave a minute or more). */
	private static final Duration ROTATION_GRACE = Duration.ofSeconds(30);

	/** A switch announced by goAway is forced this long before the announced end. */
	private static final Duration GO_AWAY_MARGIN = Duration.ofSeconds(2);

	private static final Log logger = LogFactory.getLog(GeminiLiveConversation.class);

	private final GeminiLiveSettings settings;

	private final LiveMessages wire;

	private final JsonMapper json;

	private final LiveMessages.Setup setup;

	private final GeminiLiveEvents mapper;

	private final Sinks.Many<ProviderEvent> events = Sinks.many().unicast().onBackpressureBuffer();

	private final AtomicBoolean ended = new AtomicBoolean();

	private final AtomicBoolean rotating = new AtomicBoolean();

	private final AtomicLong droppedAudio = new AtomicLong();

	private final AtomicLong connections = new AtomicLong();

	private volatile Connection current;

	/** The latest resumable handle of the session, or {@code null}. */
	private volatile String resumptionHandle;

	/** When the current connection must be replaced ({@link System#nanoTime}); goAway moves it earlier. */
	private volatile long connectionDueNanos;

	/** When the service's goAway ends the current connection, or {@link Long#MAX_VALUE}. */
	private volatile long goAwayDeadlineNanos = Long.MAX_VALUE;

	/** When the session (not just the connection) must be replaced, or {@link Long#MAX_VALUE} with compression. */
	private volatile long sessionDueNanos = Long.MAX_VALUE;

	private volatile Disposable rotationTicks;

	GeminiLiveConversation(GeminiLiveSettings settings, LiveMessages.Setup setup, LiveMessages wire, JsonMapper json) {
		this.settings = settings;
		this.wire = wire;
		this.json = json;
		this.setup = setup;
		this.mapper = new GeminiLiveEvents(settings.activityDetection().interrupts());
	}

	/**
	 * Opens the first connection. A call that moved here from another provider gives it the conversation so far as
	 * context ({@code clientContent} without {@code turnComplete}), kept for later connections too.
	 */
	Mono<RealtimeConversation> start(List<Turn> earlier) {
		this.mapper.carried(earlier);
		return connect(null, earlier).map((connection) -> {
			this.current = connection;
			long now = System.nanoTime();
			this.connectionDueNanos = now + this.settings.maxConnectionAge().toNanos();
			Duration sessionLimit = this.settings.sessionLimit();
			this.sessionDueNanos = (sessionLimit != null) ? now + sessionLimit.toNanos() : Long.MAX_VALUE;
			this.rotationTicks = Flux.interval(ROTATION_CHECK).subscribe((tick) -> rotateWhenDue());
			logger.info("Gemini Live connection " + connection.id + " open (" + this.setup.model() + ", voice "
					+ this.setup.voice() + ", PCM " + this.settings.inputSampleRate() + " Hz in, 24000 Hz out"
					+ (earlier.isEmpty() ? "" : ", carrying " + earlier.size() + " earlier turns") + ")");
			return this;
		});
	}

	@Override
	public AudioFormat inputFormat() {
		return this.settings.inputFormat();
	}

	@Override
	public AudioFormat outputFormat() {
		return GeminiLiveSettings.OUTPUT_FORMAT;
	}

	@Override
	public void sendAudio(byte[] audio) {
		Connection connection = this.current;
		if (connection == null || this.ended.get() || audio.length == 0) {
			return;
		}
		if (!connection.socket.send(this.wire.audio(audio, this.settings.inputSampleRate()))) {
			long dropped = this.droppedAudio.incrementAndGet();
			if (dropped == 1 || dropped % 250 == 0) {
				logger.warn("Gemini Live connection " + connection.id + " is not keeping up: " + dropped
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
			String name = this.mapper.toolResult(callId, resultJson);
			if (name == null) {
				logger.info("Not sending the result of Gemini Live function call " + callId
						+ ": the model cancelled it or never made it");
				return Mono.empty();
			}
			return send(this.wire.toolResponse(callId, name, resultJson));
		});
	}

	@Override
	public Mono<Void> respond(String instructions) {
		return Mono.defer(() -> send(this.wire.instruction(instructions)));
	}

	@Override
	public Mono<Void> interrupt(long playedMillis) {
		return Mono.fromRunnable(() -> this.mapper.interrupt(playedMillis));
	}

	@Override
	public Mono<Void> close() {
		return Mono.fromRunnable(() -> end(null));
	}

	private Mono<Void> send(String message) {
		Connection connection = this.current;
		if (this.ended.get() || connection == null) {
			return Mono.error(new ProviderUnavailableException(GeminiLiveVoice.NAME, "the conversation has ended", null));
		}
		if (!connection.socket.send(message)) {
			return Mono.error(new ProviderUnavailableException(GeminiLiveVoice.NAME,
					"connection " + connection.id + " is not accepting messages (closed or stalled)", null));
		}
		return Mono.empty();
	}

	private void emit(List<ProviderEvent> mapped) {
		synchronized (this.events) {
			for (ProviderEvent event : mapped) {
				this.events.tryEmitNext(event);
			}
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
		Connection connection = this.current;
		if (connection != null) {
			connection.retire();
		}
		if (error != null) {
			logger.warn("Gemini Live connection " + ((connection != null) ? connection.id : null) + " ended: "
					+ error.code() + " " + error.message());
			emit(List.of(error));
		}
		logger.info("Gemini Live conversation closed; usage " + this.mapper.usage());
		synchronized (this.events) {
			this.events.tryEmitComplete();
		}
	}

	/** Opens a connection: resuming with {@code handle}, or new and then given {@code replay} as context. */
	private Mono<Connection> connect(String handle, List<Turn> replay) {
		Connection connection = new Connection(handle, replay);
		Duration timeout = this.settings.connectTimeout();
		return connection.ready.asMono()
			.timeout(timeout, Mono.error(() -> new ProviderTimeoutException(GeminiLiveVoice.NAME,
					"no setupComplete from " + this.settings.baseUrl() + " within " + timeout.toMillis() + " ms", null)))
			.doOnError((error) -> connection.retire())
			.doOnCancel(connection::retire)
			.thenReturn(connection);
	}

	private void rotateWhenDue() {
		if (this.ended.get() || this.rotating.get()) {
			return;
		}
		long now = System.nanoTime();
		boolean sessionDue = now >= this.sessionDueNanos;
		boolean due = sessionDue || now >= this.connectionDueNanos || this.goAwayDeadlineNanos != Long.MAX_VALUE;
		if (!due || (this.mapper.busy() && !overdue(now)) || !this.rotating.compareAndSet(false, true)) {
			return;
		}
		String handle = (this.settings.sessionResumption() && !sessionDue) ? this.resumptionHandle : null;
		List<Turn> replay = (handle == null) ? this.mapper.history() : List.of();
		String reason = sessionDue ? "session limit" : (this.goAwayDeadlineNanos != Long.MAX_VALUE) ? "goAway"
				: "connection limit";
		connect(handle, replay).subscribe((fresh) -> swapTo(fresh, reason, sessionDue), (error) -> {
			this.rotating.set(false);
			Connection old = this.current;
			if (old != null && old.closed) {
				end(new ProviderEvent.ProviderError("reconnect_failed",
						"Gemini Live connection ended and could not be replaced: " + error.getMessage(), true));
			}
			else {
				logger.warn("Gemini Live connection switch (" + reason + ") failed, retrying: " + error.getMessage());
			}
		});
	}

	/** Whether a due switch may no longer wait for a quiet moment. */
	private boolean overdue(long now) {
		Connection connection = this.current;
		return (connection != null && connection.closed)
				|| now >= this.goAwayDeadlineNanos - GO_AWAY_MARGIN.toNanos()
				|| now - Math.min(this.connectionDueNanos, this.sessionDueNanos) > ROTATION_GRACE.toNanos();
	}

	private void swapTo(Connection fresh, String reason, boolean newSession) {
		long now = System.nanoTime();
		if (this.ended.get() || (this.mapper.busy() && !overdue(now))) {
			// something started while the fresh connection was set up: it lacks that turn, so try again later
			fresh.retire();
			this.rotating.set(false);
			return;
		}
		Connection old = this.current;
		this.current = fresh;
		List<ProviderEvent> mapped = new ArrayList<>(2);
		this.mapper.connectionReplaced(mapped);
		emit(mapped);
		this.connectionDueNanos = now + this.settings.maxConnectionAge().toNanos();
		this.goAwayDeadlineNanos = Long.MAX_VALUE;
		if (newSession) {
			this.sessionDueNanos = now + this.settings.maxSessionAge().toNanos();
		}
		this.rotating.set(false);
		old.retire();
		logger.info("Gemini Live connection " + old.id + " replaced by " + fresh.id + " (" + reason + "), "
				+ (fresh.handle != null ? "session resumed" : "carrying " + fresh.replay.size() + " turns"));
	}

	private static ProviderException setupFailure(Throwable error, ProviderSocket.CloseStatus status) {
		String provider = GeminiLiveVoice.NAME;
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
			String text = "setup refused: closed with " + status.code() + " " + status.reason();
			String reason = status.reason().toLowerCase(Locale.ROOT);
			if (reason.contains("api key")) {
				return new ProviderAuthException(provider, text, null);
			}
			if (status.code() == 1011 && (reason.contains("quota") || reason.contains("exhausted")
					|| reason.contains("exceeded"))) {
				return new ProviderRateLimitException(provider, text, null, null);
			}
			return retriable(status.code()) ? new ProviderUnavailableException(provider, text, null)
					: new ProviderBadRequestException(provider, text, null);
		}
		return new ProviderUnavailableException(provider,
				"cannot connect: " + ((error != null) ? error.getMessage() : "connection closed during setup"), error);
	}

	/** 1007 (invalid argument) and 1008 (policy, not found) are our request's fault; the rest may pass elsewhere. */
	private static boolean retriable(int closeCode) {
		return closeCode != 1007 && closeCode != 1008;
	}

	private static ProviderEvent.ProviderError closeError(ProviderSocket.CloseStatus status, Throwable error) {
		if (status == null) {
			return new ProviderEvent.ProviderError("connection_lost",
					"Gemini Live connection lost" + ((error != null) ? ": " + error.getMessage() : ""), true);
		}
		return new ProviderEvent.ProviderError("closed_" + status.code(),
				"Gemini Live closed the session: " + status.code() + " " + status.reason(), retriable(status.code()));
	}

	/** One WebSocket connection; the conversation has one current connection and, while switching, a fresh one. */
	private final class Connection implements ProviderSocket.Listener {

		final ProviderSocket socket = new ProviderSocket("Gemini Live");

		final Sinks.One<Void> ready = Sinks.one();

		final long id = GeminiLiveConversation.this.connections.incrementAndGet();

		final String handle;

		final List<Turn> replay;

		private volatile boolean confirmed;

		private volatile boolean retired;

		/** The service closed this connection after announcing it with goAway: a switch is due, not an error. */
		volatile boolean closed;

		private volatile boolean goneAway;

		Connection(String handle, List<Turn> replay) {
			this.handle = handle;
			this.replay = replay;
			GeminiLiveConversation outer = GeminiLiveConversation.this;
			this.socket.connect(outer.settings.baseUrl(), Map.of("x-goog-api-key", outer.settings.apiKey()),
					outer.settings.connectTimeout(), this);
			this.socket.send(outer.wire.setup(outer.setup.withHandle(handle)));
		}

		@Override
		public void onMessage(String text) {
			JsonNode message;
			try {
				message = GeminiLiveConversation.this.json.readTree(text);
			}
			catch (JacksonException ex) {
				logger.warn("Ignoring an unreadable Gemini Live message: " + ex.getOriginalMessage());
				return;
			}
			if (GeminiLiveEvents.field(message, "setupComplete").isObject()) {
				onSetupComplete();
				return;
			}
			JsonNode update = GeminiLiveEvents.field(message, "sessionResumptionUpdate");
			if (update.isObject()) {
				if (this == GeminiLiveConversation.this.current || !this.confirmed || isFresh()) {
					boolean resumable = update.path("resumable").asBoolean(false);
					String handle = GeminiLiveEvents.field(update, "newHandle").asString(null);
					GeminiLiveConversation.this.resumptionHandle = (resumable && handle != null && !handle.isEmpty())
							? handle : null;
				}
				return;
			}
			JsonNode goAway = GeminiLiveEvents.field(message, "goAway");
			if (goAway.isObject()) {
				onGoAway(GeminiLiveEvents.field(goAway, "timeLeft").asString(""));
				return;
			}
			if (this == GeminiLiveConversation.this.current) {
				List<ProviderEvent> mapped = new ArrayList<>(4);
				GeminiLiveConversation.this.mapper.map(message, mapped);
				emit(mapped);
			}
		}

		private boolean isFresh() {
			return this != GeminiLiveConversation.this.current && !this.retired;
		}

		private void onSetupComplete() {
			if (this.confirmed) {
				return;
			}
			this.confirmed = true;
			if (!this.replay.isEmpty()) {
				this.socket.send(GeminiLiveConversation.this.wire.history(this.replay));
			}
			this.ready.tryEmitEmpty();
		}

		private void onGoAway(String timeLeft) {
			if (this != GeminiLiveConversation.this.current) {
				return;
			}
			this.goneAway = true;
			Duration left = parseDuration(timeLeft);
			logger.info("Gemini Live connection " + this.id + " will be closed by the service in " + left
					+ " (goAway); switching to a new connection");
			GeminiLiveConversation.this.goAwayDeadlineNanos = System.nanoTime() + left.toNanos();
		}

		@Override
		public void onClosed(ProviderSocket.CloseStatus status, Throwable error) {
			if (!this.confirmed) {
				this.ready.tryEmitError(setupFailure(error, status));
				return;
			}
			if (this.retired || this != GeminiLiveConversation.this.current) {
				return;
			}
			if (this.goneAway && !GeminiLiveConversation.this.ended.get()) {
				// announced: the switch under way (or the next check) replaces this connection at once
				this.closed = true;
				logger.info("Gemini Live connection " + this.id + " closed after goAway; replacing it now");
				return;
			}
			end(closeError(status, error));
		}

		/** This connection is no longer wanted: its end is expected and not reported. */
		void retire() {
			this.retired = true;
			this.socket.close();
		}

	}

	/** A protobuf Duration in JSON ({@code "10s"}, {@code "1.5s"}); unreadable values count as no time left. */
	static Duration parseDuration(String text) {
		if (text != null && text.endsWith("s")) {
			try {
				return Duration.ofMillis(Math.round(Double.parseDouble(text.substring(0, text.length() - 1)) * 1000));
			}
			catch (NumberFormatException ex) {
				// fall through
			}
		}
		return Duration.ZERO;
	}

}
