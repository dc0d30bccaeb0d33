package org.voiceai.realtime.stream;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;

import org.voiceai.realtime.call.CallRegistry;
import org.voiceai.realtime.call.CallSessionFactory;
import org.voiceai.realtime.config.RealtimeProperties;
import org.voiceai.realtime.playback.PlaybackSinks;
import org.voiceai.realtime.playback.StreamOutput;
import org.voiceai.tenant.ServiceToken;

/**
 * The endpoint mod_audio_stream connects to: {@code /stream/{secretary_uuid}/{call_uuid}[/{caller_id}]}. Checks the
 * token, parses the URL, then hands the socket to a {@link StreamConnection}. Every refusal closes the socket with its
 * own code (see {@link StreamCloseCodes}); one call's bad input never affects another's.
 */
public class StreamWebSocketHandler implements WebSocketHandler {

	private static final Logger logger = LoggerFactory.getLogger(StreamWebSocketHandler.class);

	/** Without any frame from FreeSWITCH (stream paused at start), the call still opens after this. */
	static final Duration FIRST_FRAME_WAIT = Duration.ofMillis(200);

	private final ServiceToken token;

	private final CallSessionFactory sessions;

	private final CallRegistry registry;

	private final PlaybackSinks sinks;

	private final RealtimeProperties properties;

	private final JsonMapper json;

	public StreamWebSocketHandler(ServiceToken token, CallSessionFactory sessions, CallRegistry registry,
			PlaybackSinks sinks, RealtimeProperties properties, JsonMapper json) {
		this.token = token;
		this.sessions = sessions;
		this.registry = registry;
		this.sinks = sinks;
		this.properties = properties;
		this.json = json;
	}

	@Override
	public Mono<Void> handle(WebSocketSession socket) {
		if (!this.token.matches(socket.getHandshakeInfo().getHeaders().getFirst(HttpHeaders.AUTHORIZATION))) {
			logger.warn("Refused a stream from {}: missing or wrong token", socket.getHandshakeInfo().getRemoteAddress());
			return socket.close(StreamCloseCodes.status(StreamCloseCodes.UNAUTHORIZED, "missing or wrong token"));
		}
		StreamRequest request;
		try {
			request = StreamRequest.parse(socket.getHandshakeInfo().getUri(), this.properties.returnMode(),
					this.properties.defaultSampleRate());
		}
		catch (StreamRefusedException ex) {
			logger.warn("Refused stream {}: {}", socket.getHandshakeInfo().getUri().getRawPath(), ex.getMessage());
			return socket.close(ex.closeStatus());
		}
		Sinks.Many<WebSocketMessage> outbound = Sinks.many().unicast().onBackpressureBuffer();
		StreamOutput output = new StreamOutput() {

			@Override
			public void sendBinary(byte[] data) {
				outbound.tryEmitNext(socket.binaryMessage((factory) -> factory.wrap(data)));
			}

			@Override
			public void sendText(String text) {
				outbound.tryEmitNext(socket.textMessage(text));
			}

		};
		StreamConnection connection = new StreamConnection(request, output, this.sessions, this.registry, this.sinks,
				this.json, (status) -> close(socket, outbound, status));
		Mono<Void> inbound = socket.receive()
			.doOnNext(connection::onMessage)
			.doOnError((error) -> logger.warn("Stream of call {} failed: {}", request.call(), error.toString()))
			.onErrorResume((error) -> Mono.empty())
			.then();
		Mono.delay(FIRST_FRAME_WAIT).subscribe((tick) -> connection.openIfNotYet());
		// However the socket ends (FreeSWITCH's close, a protocol error, our own close), the call learns of it once.
		return Mono.zip(inbound, socket.send(outbound.asFlux())).then()
			.doFinally((signal) -> connection.closedByFreeSwitch());
	}

	/** Closes with our code first: completing the outbound side first would let the server close with 1000. */
	private static void close(WebSocketSession socket, Sinks.Many<WebSocketMessage> outbound, CloseStatus status) {
		socket.close(status).doFinally((signal) -> outbound.tryEmitComplete()).subscribe();
	}

}
