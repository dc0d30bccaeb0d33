package org.voiceai.realtime.fakes.deepgram;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local Deepgram live transcription server speaking the WebSocket protocol of provider-protocols.md §B4
 * ("Deepgram live streaming"), over real sockets.
 * <p>
 * {@code GET /v1/listen?model=…&encoding=…&sample_rate=…} with {@code Authorization: Token <key>} upgrades to a
 * WebSocket and starts a {@link FakeListenStream}. A wrong or missing key is refused at the handshake with HTTP 401
 * and Deepgram's error body ({@code INVALID_AUTH}); raw audio without a supported {@code encoding}
 * ({@code linear16}, {@code mulaw}) and {@code sample_rate}, or {@code utterance_end_ms} without
 * {@code interim_results=true}, gets HTTP 400. The stream's behaviour is described on {@link FakeListenStream}.
 *
 * <pre>{@code
 * try (DeepgramLiveFake deepgram = DeepgramLiveFake.start("dg-test")) {
 *     // point the row's base_url at deepgram.baseUrl(), connect ...
 *     FakeListenStream stream = deepgram.awaitStream();
 *     stream.callerWillSay("What are your opening hours?");
 * }
 * }</pre>
 */
public final class DeepgramLiveFake implements AutoCloseable {

	/** How long the await methods wait before failing the test. */
	static final Duration AWAIT = Duration.ofSeconds(10);

	static final String LISTEN_PATH = "/v1/listen";

	private static final Set<String> ENCODINGS = Set.of("linear16", "mulaw");

	private final String apiKey;

	private final JsonMapper json = JsonMapper.builder().build();

	private final List<FakeListenStream> streams = new CopyOnWriteArrayList<>();

	/**
	 * Event loops of its own rather than Reactor Netty's shared ones, which the bridge's provider sockets use, so that
	 * a load test can tell the fake's CPU from the bridge's by thread name.
	 */
	private final LoopResources loops = LoopResources.create("deepgram-fake");

	private final DisposableServer server;

	private volatile Duration idleTimeout = Duration.ofSeconds(10);

	private DeepgramLiveFake(String apiKey) {
		this.apiKey = apiKey;
		this.server = HttpServer.create()
			.runOn(this.loops)
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.get(LISTEN_PATH, this::upgrade))
			.bindNow();
	}

	/** Starts a fake on a free local port that accepts {@code apiKey}. */
	public static DeepgramLiveFake start(String apiKey) {
		return new DeepgramLiveFake(apiKey);
	}

	/** The row's {@code base_url} for this fake: {@code ws://127.0.0.1:<port>}. */
	public String baseUrl() {
		return "ws://127.0.0.1:" + this.server.port();
	}

	/** How long a stream may hear neither audio nor a message before Deepgram closes it with 1011 (10 s). */
	public DeepgramLiveFake idleTimeout(Duration timeout) {
		this.idleTimeout = timeout;
		return this;
	}

	/** Every stream opened so far, oldest first. */
	public List<FakeListenStream> streams() {
		return List.copyOf(this.streams);
	}

	public FakeListenStream awaitStream() {
		return awaitStream(0);
	}

	/** The stream with this index (0 = first connection), waiting until it has connected. */
	public FakeListenStream awaitStream(int index) {
		long deadline = System.nanoTime() + AWAIT.toNanos();
		while (this.streams.size() <= index) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("no Deepgram stream #" + index + " within " + AWAIT + " (have "
						+ this.streams.size() + ")");
			}
			FakeListenStream.pause();
		}
		return this.streams.get(index);
	}

	private Publisher<Void> upgrade(HttpServerRequest request, HttpServerResponse response) {
		String requestId = UUID.randomUUID().toString();
		if (!("Token " + this.apiKey).equals(request.requestHeaders().get("Authorization"))) {
			return error(response, HttpResponseStatus.UNAUTHORIZED, requestId, "INVALID_AUTH", "Invalid credentials.");
		}
		Map<String, List<String>> query = new QueryStringDecoder(request.uri()).parameters();
		String encoding = first(query, "encoding");
		String sampleRate = first(query, "sample_rate");
		if (encoding == null || !ENCODINGS.contains(encoding) || sampleRate == null
				|| !sampleRate.matches("8000|16000|24000|48000")) {
			return error(response, HttpResponseStatus.BAD_REQUEST, requestId, "Bad Request",
					"Raw audio needs a supported encoding and sample_rate (got encoding=" + encoding
							+ ", sample_rate=" + sampleRate + ").");
		}
		if (first(query, "utterance_end_ms") != null && !"true".equals(first(query, "interim_results"))) {
			return error(response, HttpResponseStatus.BAD_REQUEST, requestId, "Bad Request",
					"utterance_end_ms requires interim_results=true.");
		}
		return response.sendWebsocket((in, out) -> stream(in, out, query, requestId),
				WebsocketServerSpec.builder().maxFramePayloadLength(1024 * 1024).build());
	}

	private Publisher<Void> stream(WebsocketInbound in, WebsocketOutbound out, Map<String, List<String>> query,
			String requestId) {
		FakeListenStream stream = new FakeListenStream(this.json, query, requestId, this.idleTimeout, out);
		in.withConnection(stream::attach);
		this.streams.add(stream);
		out.sendString(stream.outgoing(), StandardCharsets.UTF_8).then().subscribe(null, (error) -> {
		});
		return in.aggregateFrames(1024 * 1024)
			.receiveFrames()
			.doOnNext((frame) -> {
				if (frame instanceof BinaryWebSocketFrame) {
					byte[] audio = new byte[frame.content().readableBytes()];
					frame.content().readBytes(audio);
					stream.receiveAudio(audio);
				}
				else {
					stream.receiveText(frame.content().toString(StandardCharsets.UTF_8));
				}
			})
			.then()
			.doFinally((signal) -> stream.disconnected());
	}

	private static String first(Map<String, List<String>> query, String name) {
		List<String> values = query.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	private static Publisher<Void> error(HttpServerResponse response, HttpResponseStatus status, String requestId,
			String code, String message) {
		return response.status(status)
			.header("Content-Type", "application/json")
			.header("dg-request-id", requestId)
			.header("dg-error", message)
			.sendString(Mono.just("{\"err_code\":\"" + code + "\",\"err_msg\":\"" + message + "\",\"request_id\":\""
					+ requestId + "\"}"), StandardCharsets.UTF_8)
			.then();
	}

	@Override
	public void close() {
		this.server.disposeNow(Duration.ofSeconds(5));
		this.loops.disposeLater().block(Duration.ofSeconds(5));
	}

}
