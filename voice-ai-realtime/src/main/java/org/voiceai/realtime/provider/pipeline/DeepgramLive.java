package org.voiceai.realtime.provider.pipeline;

import java.net.URI;
import java.time.Duration;
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

import org.voiceai.providers.error.ProviderAuthException;
import org.voiceai.providers.error.ProviderBadRequestException;
import org.voiceai.providers.error.ProviderException;
import org.voiceai.providers.error.ProviderRateLimitException;
import org.voiceai.providers.error.ProviderUnavailableException;
import org.voiceai.providers.realtime.ProviderEvent;
import org.voiceai.realtime.provider.ProviderSocket;

/**
 * One Deepgram live transcription stream (provider-protocols.md §B4): caller audio goes out as binary frames, and
 * {@code Results}, {@code SpeechStarted} and {@code UtteranceEnd} come back as text. While no audio flows (the caller
 * is on hold, or the bridge is not forwarding) a {@code KeepAlive} goes out every {@code keepalive_seconds}, since
 * Deepgram closes a stream that hears nothing for ten seconds. Closing sends {@code CloseStream}, which asks Deepgram
 * to flush and close the socket itself.
 */
final class DeepgramLive implements ProviderSocket.Listener {

	static final String KEEP_ALIVE = "{\"type\":\"KeepAlive\"}";

	static final String CLOSE_STREAM = "{\"type\":\"CloseStream\"}";

	private static final Log logger = LogFactory.getLog(DeepgramLive.class);

	private final JsonMapper json;

	private final Listener listener;

	private final ProviderSocket socket = new ProviderSocket("Deepgram");

	private final Sinks.One<Void> open = Sinks.one();

	private final AtomicBoolean closing = new AtomicBoolean();

	private final AtomicLong lastSentAt = new AtomicLong(System.nanoTime());

	private final AtomicLong droppedAudio = new AtomicLong();

	private volatile boolean connected;

	private volatile Disposable keepAlive;

	private volatile String requestId;

	DeepgramLive(JsonMapper json, Listener listener) {
		this.json = json;
		this.listener = listener;
	}

	/** Connects; completes once Deepgram accepted the handshake, or fails with a {@link ProviderException}. */
	Mono<Void> connect(URI uri, String apiKey, Duration timeout, Duration keepAliveEvery) {
		return Mono.defer(() -> {
			this.socket.connect(uri, Map.of("Authorization", "Token " + apiKey), timeout, this);
			return this.open.asMono();
		}).doOnSuccess((ignored) -> this.keepAlive = Flux.interval(keepAliveEvery).subscribe((tick) -> {
			if (System.nanoTime() - this.lastSentAt.get() >= keepAliveEvery.toNanos()) {
				send(KEEP_ALIVE);
			}
		}));
	}

	/** Sends caller audio without waiting; a stalled connection drops audio (and says so) instead of blocking. */
	void sendAudio(byte[] audio) {
		if (!this.connected || this.closing.get()) {
			return;
		}
		if (this.socket.sendBinary(audio)) {
			this.lastSentAt.set(System.nanoTime());
		}
		else {
			long dropped = this.droppedAudio.incrementAndGet();
			if (dropped == 1 || dropped % 250 == 0) {
				logger.warn("Deepgram stream " + this.requestId + " is not keeping up: " + dropped
						+ " caller audio chunks dropped");
			}
		}
	}

	/** Asks Deepgram to finish ({@code CloseStream}); the socket is closed outright if it does not within 2 s. */
	void close() {
		if (!this.closing.compareAndSet(false, true)) {
			return;
		}
		stopKeepAlive();
		if (this.connected) {
			send(CLOSE_STREAM);
			Mono.delay(Duration.ofSeconds(2)).subscribe((tick) -> this.socket.close());
		}
		else {
			this.socket.close();
		}
	}

	private void send(String message) {
		if (this.socket.send(message)) {
			this.lastSentAt.set(System.nanoTime());
		}
	}

	@Override
	public void onOpen() {
		this.connected = true;
		this.open.tryEmitEmpty();
	}

	@Override
	public void onMessage(String message) {
		JsonNode event;
		try {
			event = this.json.readTree(message);
		}
		catch (JacksonException ex) {
			logger.warn("Ignoring an unreadable Deepgram message: " + ex.getOriginalMessage());
			return;
		}
		switch (event.path("type").asString("")) {
			case "Results" -> {
				if (this.requestId == null) {
					this.requestId = event.path("metadata").path("request_id").asString(null);
				}
				String transcript = event.path("channel").path("alternatives").path(0).path("transcript").asString("");
				if (event.path("is_final").asBoolean(false)) {
					this.listener.onFinal(transcript.strip(), event.path("speech_final").asBoolean(false));
				}
				else if (!transcript.isBlank()) {
					this.listener.onInterim(transcript.strip());
				}
			}
			case "SpeechStarted" -> this.listener.onSpeechStarted();
			case "UtteranceEnd" -> this.listener.onUtteranceEnd();
			case "Metadata" -> logger.debug("Deepgram stream " + event.path("request_id").asString("") + " transcribed "
					+ event.path("duration").asDouble() + " s");
			default -> {
				// Newer message types carry nothing the pipeline uses
			}
		}
	}

	@Override
	public void onClosed(ProviderSocket.CloseStatus status, Throwable error) {
		stopKeepAlive();
		if (!this.connected) {
			this.open.tryEmitError(setupFailure(error));
			return;
		}
		if (this.closing.get()) {
			this.listener.onClosed(null);
			return;
		}
		this.listener.onClosed(closeError(status, error));
	}

	private void stopKeepAlive() {
		Disposable timer = this.keepAlive;
		if (timer != null) {
			timer.dispose();
		}
	}

	private static ProviderException setupFailure(Throwable error) {
		String provider = CustomPipelineVoice.NAME;
		if (error instanceof WebSocketClientHandshakeException handshake) {
			int code = handshake.response().status().code();
			String reason = handshake.response().headers().get("dg-error", "");
			String text = "Deepgram refused the live stream with HTTP " + code
					+ (reason.isEmpty() ? "" : ": " + reason);
			if (code == 401 || code == 403) {
				return new ProviderAuthException(provider, text + " (check api_key)", error);
			}
			if (code == 429) {
				return new ProviderRateLimitException(provider, text, null, error);
			}
			if (code == 402) {
				return new ProviderAuthException(provider, text + " (the Deepgram project has no credit)", error);
			}
			return (code >= 500) ? new ProviderUnavailableException(provider, text, error)
					: new ProviderBadRequestException(provider, text + " (check model and language)", error);
		}
		return new ProviderUnavailableException(provider, "cannot connect to Deepgram: "
				+ ((error != null) ? error.getMessage() : "connection closed during the handshake"), error);
	}

	/** Deepgram closed on its own: an idle timeout (1011) or an internal error; another attempt may work. */
	private ProviderEvent.ProviderError closeError(ProviderSocket.CloseStatus status, Throwable error) {
		if (status == null) {
			return new ProviderEvent.ProviderError("connection_lost", "Deepgram connection lost"
					+ ((error != null) ? ": " + error.getMessage() : ""), true);
		}
		String text = "Deepgram closed the live stream" + ((this.requestId != null) ? " " + this.requestId : "") + ": "
				+ status.code() + " " + status.reason();
		return new ProviderEvent.ProviderError("deepgram_closed_" + status.code(), text, status.code() != 1008);
	}

	/** What the stream hears, on the socket's event loop. */
	interface Listener {

		/** Deepgram's voice activity detection heard speech start ({@code vad_events}). */
		void onSpeechStarted();

		/** Words of an utterance still being transcribed. */
		void onInterim(String transcript);

		/**
		 * A final transcript of a stretch of speech (possibly empty); {@code speechFinal} when endpointing decided the
		 * caller stopped speaking.
		 */
		void onFinal(String transcript, boolean speechFinal);

		/** A gap of {@code utterance_end_ms} after the last word. */
		void onUtteranceEnd();

		/** The stream ended: {@code error} says why, {@code null} after our own close. */
		void onClosed(ProviderEvent.ProviderError error);

	}

}
