package org.voiceai.realtime.provider;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * One WebSocket connection to a realtime provider over Reactor Netty, as every adapter uses it. Sending never blocks:
 * messages go into a bounded queue that the connection drains, and a full queue is reported to the caller instead of
 * waiting. Messages go out as text frames, or as binary frames for providers that take raw audio (Deepgram). Incoming
 * text and binary frames are aggregated and handed to the {@link Listener} as text on the connection's event loop
 * (Gemini sends its JSON in binary frames, the others in text frames).
 */
public final class ProviderSocket {

	/** Audio chunks and echoes of long instructions are far below this. */
	public static final int MAX_FRAME_BYTES = 16 * 1024 * 1024;

	/** About five seconds of 20 ms audio frames; more means the connection has stalled. */
	static final int SEND_QUEUE_CAPACITY = 256;

	private static final Log logger = LogFactory.getLog(ProviderSocket.class);

	private final String provider;

	// Frames hold unpooled heap buffers, so frames still queued when the socket closes need no release.
	private final Sinks.Many<WebSocketFrame> outgoing = Sinks.many().unicast()
		.onBackpressureBuffer(new ArrayBlockingQueue<>(SEND_QUEUE_CAPACITY));

	private final AtomicReference<WebsocketOutbound> outbound = new AtomicReference<>();

	private volatile CloseStatus closeStatus;

	private volatile Disposable connection;

	/** @param provider the provider's name, for logs */
	public ProviderSocket(String provider) {
		this.provider = provider;
	}

	/**
	 * Starts connecting with these handshake headers (the provider's credentials); the listener hears every message
	 * and, once, how the connection ended.
	 */
	public void connect(URI uri, Map<String, String> headers, Duration connectTimeout, Listener listener) {
		ProviderSocket socket = this;
		this.connection = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
			.headers((handshake) -> headers.forEach(handshake::set))
			.websocket(WebsocketClientSpec.builder().maxFramePayloadLength(MAX_FRAME_BYTES).build())
			.uri(uri)
			.handle((in, out) -> {
				socket.outbound.set(out);
				listener.onOpen();
				in.receiveCloseStatus()
					.subscribe((status) -> socket.closeStatus = new CloseStatus(status.code(), status.reasonText()));
				out.sendObject(socket.outgoing.asFlux())
					.then()
					.subscribe(null, (error) -> logger.debug(socket.provider + " send stream ended: " + error));
				return in.aggregateFrames(MAX_FRAME_BYTES).receiveFrames().map(ProviderSocket::text);
			})
			.subscribe(listener::onMessage, (error) -> listener.onClosed(socket.closeStatus, error),
					() -> listener.onClosed(socket.closeStatus, null));
	}

	private static String text(WebSocketFrame frame) {
		return frame.content().toString(StandardCharsets.UTF_8);
	}

	/**
	 * Queues a text message without waiting. Callers on several threads (audio path, tool results) are serialized
	 * here for the instant of the enqueue only.
	 * @return {@code false} when the queue is full or the socket is closed, so the message was not queued
	 */
	public boolean send(String message) {
		return enqueue(new TextWebSocketFrame(Unpooled.copiedBuffer(message, StandardCharsets.UTF_8)));
	}

	/**
	 * Queues a binary message (raw audio) without waiting, like {@link #send(String)}. The array is sent as it is, so
	 * the caller must not change it afterwards.
	 * @return {@code false} when the queue is full or the socket is closed, so the message was not queued
	 */
	public boolean sendBinary(byte[] message) {
		return enqueue(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(message)));
	}

	private boolean enqueue(WebSocketFrame frame) {
		synchronized (this.outgoing) {
			return this.outgoing.tryEmitNext(frame).isSuccess();
		}
	}

	/** Closes with 1000; the connection is dropped outright if the server does not complete the close handshake. */
	public void close() {
		synchronized (this.outgoing) {
			this.outgoing.tryEmitComplete();
		}
		WebsocketOutbound out = this.outbound.get();
		Disposable connection = this.connection;
		if (connection == null) {
			return;
		}
		if (out == null) {
			connection.dispose();
			return;
		}
		out.sendClose(1000, "client closing")
			.onErrorComplete()
			.then(Mono.delay(Duration.ofSeconds(2)))
			.subscribe((ignored) -> connection.dispose());
	}

	/** How the server closed the socket; absent when the connection was lost without a close frame. */
	public record CloseStatus(int code, String reason) {
	}

	/** Receives a socket's messages and its end, on the connection's event loop. */
	public interface Listener {

		/**
		 * The handshake succeeded. For providers that confirm a session with a message of their own this says
		 * nothing more; Deepgram sends nothing until it has heard speech, so this is its "ready".
		 */
		default void onOpen() {
		}

		void onMessage(String message);

		/**
		 * The connection ended: {@code status} is the server's close frame (or {@code null} if there was none) and
		 * {@code error} the failure, such as a refused handshake, or {@code null}.
		 */
		void onClosed(CloseStatus status, Throwable error);

	}

}
