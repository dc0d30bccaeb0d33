package org.voiceai.realtime.stream;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;

import org.voiceai.realtime.call.CallRegistry;
import org.voiceai.realtime.call.CallSession;
import org.voiceai.realtime.call.CallSessionFactory;
import org.voiceai.realtime.playback.PlaybackSinks;
import org.voiceai.realtime.playback.StreamOutput;

/**
 * One mod_audio_stream socket between its handshake and its call: takes the first text frame as metadata, opens the
 * call on the first frame (or after a short wait), drops caller audio while the provider is connecting (the caller is
 * waiting for the greeting), then passes every binary frame to the call. Text frames after the first are logged and
 * ignored: {@code send_text} from a dialplan must not break a call.
 */
final class StreamConnection {

	private static final Logger logger = LoggerFactory.getLogger(StreamConnection.class);

	private enum Phase {

		NEW, OPENING, OPEN, CLOSED

	}

	private final StreamRequest request;

	private final StreamOutput output;

	private final CallSessionFactory sessions;

	private final CallRegistry registry;

	private final PlaybackSinks sinks;

	private final JsonMapper json;

	private final Consumer<CloseStatus> close;

	/** Written under this object's lock, read without it; the call session's callbacks never take this lock. */
	private volatile Phase phase = Phase.NEW;

	private volatile CallSession session;

	private StreamMetadata metadata = StreamMetadata.NONE;

	private int ignoredTexts;

	StreamConnection(StreamRequest request, StreamOutput output, CallSessionFactory sessions, CallRegistry registry,
			PlaybackSinks sinks, JsonMapper json, Consumer<CloseStatus> close) {
		this.request = request;
		this.output = output;
		this.sessions = sessions;
		this.registry = registry;
		this.sinks = sinks;
		this.json = json;
		this.close = close;
	}

	void onMessage(WebSocketMessage message) {
		if (message.getType() == WebSocketMessage.Type.BINARY) {
			onAudio(message.getPayload());
		}
		else if (message.getType() == WebSocketMessage.Type.TEXT) {
			onText(message.getPayloadAsText(StandardCharsets.UTF_8));
		}
	}

	private void onAudio(DataBuffer payload) {
		CallSession current = this.session;
		if (current != null) {
			byte[] frame = new byte[payload.readableByteCount()];
			payload.read(frame);
			current.onCallerAudio(frame);
		}
		else {
			openIfNotYet();
		}
	}

	private synchronized void onText(String text) {
		if (this.phase == Phase.NEW) {
			this.metadata = StreamMetadata.parse(text, this.json);
			openIfNotYet();
		}
		else if (this.ignoredTexts++ < 5) {
			logger.info("Ignored a text frame on call {} ({} characters)", this.request.call(), text.length());
		}
	}

	synchronized void openIfNotYet() {
		if (this.phase != Phase.NEW) {
			return;
		}
		this.phase = Phase.OPENING;
		this.sessions.open(this.request, this.metadata, (context) -> this.sinks.create(context, this.output),
				this::finished)
			.subscribe(this::opened, this::refused);
	}

	private synchronized void opened(CallSession opened) {
		if (this.phase == Phase.CLOSED) {
			// FreeSWITCH hung up while the provider was connecting.
			opened.start();
			opened.streamClosed();
			return;
		}
		if (!this.registry.add(opened)) {
			this.phase = Phase.CLOSED;
			opened.start();
			opened.streamClosed();
			this.close.accept(StreamCloseCodes.status(StreamCloseCodes.BAD_REQUEST, "call already streaming"));
			return;
		}
		this.phase = Phase.OPEN;
		this.session = opened;
		opened.start();
	}

	private synchronized void refused(Throwable error) {
		this.phase = Phase.CLOSED;
		if (error instanceof StreamRefusedException refusal) {
			logger.warn("Refused call {} of domain {}: {} {}", this.request.call(), this.request.domain().value(),
					refusal.code(), refusal.getMessage());
			this.close.accept(refusal.closeStatus());
		}
		else {
			logger.error("Could not open call {} of domain {}", this.request.call(), this.request.domain().value(),
					error);
			this.close.accept(CloseStatus.SERVER_ERROR);
		}
	}

	/** Runs under the call session's lock, so it must not take this object's (lock order: connection, then call). */
	private void finished(CallSession finished) {
		this.registry.remove(finished);
		this.phase = Phase.CLOSED;
		this.close.accept(CloseStatus.NORMAL);
	}

	void closedByFreeSwitch() {
		CallSession current;
		synchronized (this) {
			current = (this.phase == Phase.OPEN) ? this.session : null;
			this.phase = Phase.CLOSED;
		}
		if (current != null) {
			current.streamClosed();
		}
	}

}
