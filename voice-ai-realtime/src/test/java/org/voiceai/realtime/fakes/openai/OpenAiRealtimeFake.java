package org.voiceai.realtime.fakes.openai;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
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
import org.reactivestreams.Publisher;

/**
 * A local OpenAI Realtime server speaking the GA WebSocket protocol of provider-protocols.md §A1, over real sockets.
 * <p>
 * {@code GET /v1/realtime?model=…} with {@code Authorization: Bearer <key>} upgrades to a WebSocket and starts a
 * {@link FakeRealtimeSession}: {@code session.created} at once, {@code session.updated} after each valid
 * {@code session.update}, {@code error} events (shaped like the real API's) for malformed client events, and the
 * conversation behaviour tests script through the session. A wrong or missing key is refused with HTTP 401 at the
 * handshake, or, after {@link #rejectKeysAfterUpgrade()}, the way the API does it today: upgrade, an
 * {@code invalid_api_key} error, close 3000. A request carrying {@code OpenAI-Beta: realtime=v1} gets the
 * {@code beta_api_shape_disabled} error and close 4000.
 *
 * <pre>{@code
 * try (OpenAiRealtimeFake openai = OpenAiRealtimeFake.start("sk-test")) {
 *     // point the provider row's base_url at openai.baseUrl(), connect ...
 *     FakeRealtimeSession session = openai.awaitSession();
 *     session.speak("Hello, how can I help?", Duration.ofMillis(600));
 *     session.awaitReceived("conversation.item.truncate").path("audio_end_ms");
 * }
 * }</pre>
 */
public final class OpenAiRealtimeFake implements AutoCloseable {

	/** How long the await methods wait before failing the test. */
	static final Duration AWAIT = Duration.ofSeconds(10);

	private final String apiKey;

	private final JsonMapper json = JsonMapper.builder().build();

	private final List<FakeRealtimeSession> sessions = new CopyOnWriteArrayList<>();

	/**
	 * The fake's own event loops, not Reactor Netty's shared ones that the bridge's provider client also uses, so that
	 * a load test can tell the fake's CPU from the bridge's by thread name.
	 */
	private final LoopResources loops = LoopResources.create("openai-fake");

	private final DisposableServer server;

	private volatile boolean rejectAtHandshake = true;

	private volatile boolean stalled;

	private volatile SessionOptions options = SessionOptions.DEFAULTS;

	private ScheduledExecutorService timer;

	private final AtomicLong lateReplies = new AtomicLong();

	private OpenAiRealtimeFake(String apiKey) {
		this.apiKey = apiKey;
		this.server = HttpServer.create()
			.runOn(this.loops)
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.get("/v1/realtime", this::upgrade))
			.bindNow();
	}

	/** Starts a fake on a free local port that accepts {@code apiKey}. */
	public static OpenAiRealtimeFake start(String apiKey) {
		return new OpenAiRealtimeFake(apiKey);
	}

	/** The provider row's {@code base_url} for this fake: {@code ws://127.0.0.1:<port>/v1/realtime}. */
	public String baseUrl() {
		return "ws://127.0.0.1:" + this.server.port() + "/v1/realtime";
	}

	/** Refuse bad keys as the API does now (upgrade, {@code error} invalid_api_key, close 3000) instead of 401. */
	public OpenAiRealtimeFake rejectKeysAfterUpgrade() {
		this.rejectAtHandshake = false;
		return this;
	}

	/** Accept connections but never send {@code session.created}, as an overloaded server might (connect timeouts). */
	public OpenAiRealtimeFake stallSessions() {
		this.stalled = true;
		return this;
	}

	/**
	 * Sessions opened from now on stream reply audio at real time, in deltas of {@code chunk} (20 ms or 100 ms, as
	 * the API's deltas come), running {@code ahead} of real time, instead of sending a whole reply at once.
	 */
	public synchronized OpenAiRealtimeFake streamReplies(Duration chunk, Duration ahead) {
		if (this.timer == null) {
			this.timer = Executors.newSingleThreadScheduledExecutor((runnable) -> {
				Thread thread = new Thread(runnable, "openai-fake-replies");
				thread.setDaemon(true);
				return thread;
			});
		}
		SessionOptions current = this.options;
		this.options = new SessionOptions(chunk, ahead, current.defaultReply(), current.keepAppends(), this.timer,
				this.lateReplies);
		return this;
	}

	/** Sessions opened from now on answer with {@code audio} of speech when no reply was queued (default 300 ms). */
	public synchronized OpenAiRealtimeFake defaultReply(Duration audio) {
		SessionOptions current = this.options;
		this.options = new SessionOptions(current.replyChunk(), current.replyAhead(), audio, current.keepAppends(),
				current.timer(), current.lateReplies());
		return this;
	}

	/**
	 * Sessions opened from now on count {@code input_audio_buffer.append} events instead of keeping them, so that
	 * hundreds of long calls do not fill the heap with caller audio.
	 */
	public synchronized OpenAiRealtimeFake countAppendsOnly() {
		SessionOptions current = this.options;
		this.options = new SessionOptions(current.replyChunk(), current.replyAhead(), current.defaultReply(), false,
				current.timer(), current.lateReplies());
		return this;
	}

	/**
	 * Streamed replies so far that had at least one delta sent after its own playback time, counted from when the
	 * reply's first delta was sent: audio that was late before it left the fake.
	 */
	public long lateStreamedReplies() {
		return this.lateReplies.get();
	}

	/** Every session opened so far, oldest first (a rotated conversation has several). */
	public List<FakeRealtimeSession> sessions() {
		return List.copyOf(this.sessions);
	}

	/** The first session, waiting for a client to connect. */
	public FakeRealtimeSession awaitSession() {
		return awaitSession(0);
	}

	/** The session with this index (0 = first connection), waiting until it has connected. */
	public FakeRealtimeSession awaitSession(int index) {
		long deadline = System.nanoTime() + AWAIT.toNanos();
		while (this.sessions.size() <= index) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("no realtime session #" + index + " within " + AWAIT + " (have "
						+ this.sessions.size() + ")");
			}
			FakeRealtimeSession.pause();
		}
		return this.sessions.get(index);
	}

	private Publisher<Void> upgrade(HttpServerRequest request, HttpServerResponse response) {
		String authorization = request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION, "");
		boolean keyAccepted = authorization.equals("Bearer " + this.apiKey);
		if (!keyAccepted && this.rejectAtHandshake) {
			return response.status(HttpResponseStatus.UNAUTHORIZED)
				.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
				.sendString(Mono.just("{\"error\":{\"message\":\"Incorrect API key provided.\","
						+ "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}"),
						StandardCharsets.UTF_8)
				.then();
		}
		String model = new io.netty.handler.codec.http.QueryStringDecoder(request.uri()).parameters()
			.getOrDefault("model", List.of())
			.stream()
			.findFirst()
			.orElse(null);
		boolean beta = request.requestHeaders().contains("OpenAI-Beta");
		return response.sendWebsocket((in, out) -> session(in, out, model, keyAccepted, beta),
				WebsocketServerSpec.builder().maxFramePayloadLength(16 * 1024 * 1024).build());
	}

	private Publisher<Void> session(WebsocketInbound in, WebsocketOutbound out, String model, boolean keyAccepted,
			boolean beta) {
		FakeRealtimeSession session = new FakeRealtimeSession(this.json, model, out, this.options);
		in.withConnection(session::attach);
		this.sessions.add(session);
		out.sendString(session.outgoing(), StandardCharsets.UTF_8).then().subscribe(null, (error) -> {
		});
		if (!keyAccepted) {
			session.refuse("invalid_api_key", "Incorrect API key provided.", 3000,
					"invalid_request_error.invalid_api_key");
		}
		else if (beta) {
			session.refuse("beta_api_shape_disabled",
					"The Realtime Beta API is no longer supported. Please use /v1/realtime for the GA API.", 4000,
					"invalid_request_error.beta_api_shape_disabled");
		}
		else if (!this.stalled) {
			session.created();
		}
		return in.aggregateFrames(16 * 1024 * 1024)
			.receiveFrames()
			.doOnNext((frame) -> session.receive(frame.content().toString(StandardCharsets.UTF_8)))
			.then()
			.doFinally((signal) -> session.disconnected());
	}

	@Override
	public void close() {
		synchronized (this) {
			if (this.timer != null) {
				this.timer.shutdownNow();
			}
		}
		this.server.disposeNow(Duration.ofSeconds(5));
		this.loops.disposeLater().block(Duration.ofSeconds(5));
	}

}
