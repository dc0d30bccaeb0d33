package org.voiceai.realtime.fakes.gemini;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.netty.handler.codec.http.QueryStringDecoder;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.reactivestreams.Publisher;

/**
 * A local Gemini Live server speaking the BidiGenerateContent WebSocket protocol of provider-protocols.md §A3, over
 * real sockets.
 * <p>
 * {@code GET /ws/google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent} with the key in the
 * {@code x-goog-api-key} header or the {@code key} query parameter upgrades to a WebSocket and starts a
 * {@link FakeLiveSession}. A wrong key is refused the way the API does it: the upgrade succeeds and the socket is
 * closed with 1007 "API key not valid. Please pass a valid API key.". Every server message is JSON in a
 * <em>binary</em> frame, as the real service sends it, unless {@link #textFrames()} asks for text frames.
 * Resumption handles issued by any session of this fake can resume that session's conversation in a new connection.
 */
public final class GeminiLiveFake implements AutoCloseable {

	public static final String PATH = "/ws/google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent";

	static final Duration AWAIT = Duration.ofSeconds(10);

	private final String apiKey;

	private final JsonMapper json = JsonMapper.builder().build();

	private final List<FakeLiveSession> sessions = new CopyOnWriteArrayList<>();

	/** Resumption handle → the conversation it resumes (turns as the session recorded them). */
	private final Map<String, List<JsonNode>> handles = new ConcurrentHashMap<>();

	/**
	 * The fake's own event loops, not Reactor Netty's shared ones that the bridge's provider client also uses, so that
	 * a load test can tell the fake's CPU from the bridge's by thread name.
	 */
	private final LoopResources loops = LoopResources.create("gemini-fake");

	private final DisposableServer server;

	private volatile boolean binaryFrames = true;

	private volatile boolean stalled;

	private volatile boolean keepAudio = true;

	private volatile Duration defaultReply = Duration.ofMillis(300);

	private GeminiLiveFake(String apiKey) {
		this.apiKey = apiKey;
		this.server = HttpServer.create()
			.runOn(this.loops)
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.get(PATH, this::upgrade))
			.bindNow();
	}

	public static GeminiLiveFake start(String apiKey) {
		return new GeminiLiveFake(apiKey);
	}

	/** The provider row's {@code base_url} for this fake. */
	public String baseUrl() {
		return "ws://127.0.0.1:" + this.server.port() + PATH;
	}

	/** Send server messages as text frames instead of the binary frames the real service uses. */
	public GeminiLiveFake textFrames() {
		this.binaryFrames = false;
		return this;
	}

	/**
	 * Sessions keep no {@code realtimeInput} audio messages in {@link FakeLiveSession#received}, only count their
	 * milliseconds, so that hundreds of long calls do not fill the heap with caller audio.
	 */
	public GeminiLiveFake countAudioOnly() {
		this.keepAudio = false;
		return this;
	}

	/** Sessions answer with {@code audio} of speech when no reply was queued (default 300 ms). */
	public GeminiLiveFake defaultReply(Duration audio) {
		this.defaultReply = audio;
		return this;
	}

	boolean keepsAudio() {
		return this.keepAudio;
	}

	Duration defaultReplyAudio() {
		return this.defaultReply;
	}

	/** Accept connections and setups but never answer {@code setupComplete} (connect timeouts). */
	public GeminiLiveFake stallSetups() {
		this.stalled = true;
		return this;
	}

	public List<FakeLiveSession> sessions() {
		return List.copyOf(this.sessions);
	}

	public FakeLiveSession awaitSession() {
		return awaitSession(0);
	}

	/** The session with this index (0 = first connection), waiting until it has connected. */
	public FakeLiveSession awaitSession(int index) {
		long deadline = System.nanoTime() + AWAIT.toNanos();
		while (this.sessions.size() <= index) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("no Gemini Live session #" + index + " within " + AWAIT + " (have "
						+ this.sessions.size() + ")");
			}
			FakeLiveSession.pause();
		}
		return this.sessions.get(index);
	}

	void issueHandle(String handle, List<JsonNode> conversation) {
		this.handles.put(handle, List.copyOf(conversation));
	}

	List<JsonNode> resume(String handle) {
		return this.handles.get(handle);
	}

	boolean stalled() {
		return this.stalled;
	}

	private Publisher<Void> upgrade(HttpServerRequest request, HttpServerResponse response) {
		String header = request.requestHeaders().get("x-goog-api-key");
		String query = new QueryStringDecoder(request.uri()).parameters()
			.getOrDefault("key", List.of())
			.stream()
			.findFirst()
			.orElse(null);
		boolean keyAccepted = this.apiKey.equals(header) || this.apiKey.equals(query);
		return response.sendWebsocket((in, out) -> session(in, out, keyAccepted),
				WebsocketServerSpec.builder().maxFramePayloadLength(16 * 1024 * 1024).build());
	}

	private Publisher<Void> session(WebsocketInbound in, WebsocketOutbound out, boolean keyAccepted) {
		FakeLiveSession session = new FakeLiveSession(this, this.json, out, this.binaryFrames);
		in.withConnection(session::attach);
		this.sessions.add(session);
		session.startSending();
		if (!keyAccepted) {
			session.close(1007, "API key not valid. Please pass a valid API key.");
		}
		return in.aggregateFrames(16 * 1024 * 1024)
			.receiveFrames()
			.doOnNext((frame) -> session.receive(frame.content().toString(java.nio.charset.StandardCharsets.UTF_8)))
			.then()
			.doFinally((signal) -> session.disconnected());
	}

	@Override
	public void close() {
		this.server.disposeNow(Duration.ofSeconds(5));
		this.loops.disposeLater().block(Duration.ofSeconds(5));
	}

}
