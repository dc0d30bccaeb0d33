package org.voiceai.realtime.fakes.elevenlabs;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
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
 * A local ElevenLabs Agents Platform server speaking the WebSocket protocol of provider-protocols.md §A2, over real
 * sockets.
 * <p>
 * {@code GET /v1/convai/conversation/get-signed-url?agent_id=…} with {@code xi-api-key} answers
 * {@code {"signed_url": "ws://…/v1/convai/conversation?agent_id=…&conversation_signature=…"}} (401 for a wrong key,
 * 404 for an unknown agent). {@code GET /v1/convai/conversation?agent_id=…} upgrades to a WebSocket and starts a
 * {@link FakeAgentConversation}; a private agent needs a fresh, single-use signature (else HTTP 403), an unknown
 * agent gets 404. Agents are configured with {@link #agent(String)}.
 *
 * <pre>{@code
 * try (ElevenLabsAgentFake elevenlabs = ElevenLabsAgentFake.start("xi-test")) {
 *     elevenlabs.agent("agent_1").allowOverrides("prompt", "first_message");
 *     // point the row's base_url at elevenlabs.baseUrl(), connect ...
 *     FakeAgentConversation conversation = elevenlabs.awaitConversation();
 *     conversation.speak("Hello, how can I help?", Duration.ofMillis(600));
 * }
 * }</pre>
 */
public final class ElevenLabsAgentFake implements AutoCloseable {

	/** How long the await methods wait before failing the test. */
	static final Duration AWAIT = Duration.ofSeconds(10);

	static final String CONVERSATION_PATH = "/v1/convai/conversation";

	private final String apiKey;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Map<String, Agent> agents = new ConcurrentHashMap<>();

	private final Set<String> signatures = ConcurrentHashMap.newKeySet();

	private final List<FakeAgentConversation> conversations = new CopyOnWriteArrayList<>();

	/**
	 * The fake's own event loops, not Reactor Netty's shared ones that the bridge's provider client also uses, so that
	 * a load test can tell the fake's CPU from the bridge's by thread name.
	 */
	private final LoopResources loops = LoopResources.create("elevenlabs-fake");

	private final DisposableServer server;

	private volatile int issued;

	private volatile boolean keepAudio = true;

	private volatile Duration defaultReply = FakeAgentConversation.DEFAULT_REPLY_AUDIO;

	private ElevenLabsAgentFake(String apiKey) {
		this.apiKey = apiKey;
		this.server = HttpServer.create()
			.runOn(this.loops)
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.get(CONVERSATION_PATH + "/get-signed-url", this::signedUrl)
				.get(CONVERSATION_PATH, this::upgrade))
			.bindNow();
	}

	/** Starts a fake on a free local port whose REST API accepts {@code apiKey}. */
	public static ElevenLabsAgentFake start(String apiKey) {
		return new ElevenLabsAgentFake(apiKey);
	}

	/**
	 * Conversations opened from now on keep no {@code user_audio_chunk} messages in
	 * {@link FakeAgentConversation#received}, only count their milliseconds, so that hundreds of long calls do not
	 * fill the heap with caller audio.
	 */
	public ElevenLabsAgentFake countAudioOnly() {
		this.keepAudio = false;
		return this;
	}

	/** Conversations opened from now on answer with {@code audio} of speech when no reply was queued (300 ms). */
	public ElevenLabsAgentFake defaultReply(Duration audio) {
		this.defaultReply = audio;
		return this;
	}

	/** The row's {@code base_url} for this fake: {@code ws://127.0.0.1:<port>}. */
	public String baseUrl() {
		return "ws://127.0.0.1:" + this.server.port();
	}

	/** The agent with this id, created public, with no overrides allowed and {@code pcm_16000} both ways. */
	public Agent agent(String id) {
		return this.agents.computeIfAbsent(id, Agent::new);
	}

	/** Every conversation opened so far, oldest first. */
	public List<FakeAgentConversation> conversations() {
		return List.copyOf(this.conversations);
	}

	public FakeAgentConversation awaitConversation() {
		return awaitConversation(0);
	}

	/** The conversation with this index (0 = first connection), waiting until it has connected. */
	public FakeAgentConversation awaitConversation(int index) {
		long deadline = System.nanoTime() + AWAIT.toNanos();
		while (this.conversations.size() <= index) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("no ElevenLabs conversation #" + index + " within " + AWAIT + " (have "
						+ this.conversations.size() + ")");
			}
			FakeAgentConversation.pause();
		}
		return this.conversations.get(index);
	}

	/** How many signed URLs were handed out. */
	public int signedUrlsIssued() {
		return this.issued;
	}

	private Publisher<Void> signedUrl(HttpServerRequest request, HttpServerResponse response) {
		if (!this.apiKey.equals(request.requestHeaders().get("xi-api-key"))) {
			return json(response, HttpResponseStatus.UNAUTHORIZED,
					"{\"detail\":{\"status\":\"invalid_api_key\",\"message\":\"Invalid API key\"}}");
		}
		String agentId = parameter(request, "agent_id");
		if (agentId == null || !this.agents.containsKey(agentId)) {
			return json(response, HttpResponseStatus.NOT_FOUND, "{\"detail\":{\"status\":\"agent_not_found\","
					+ "\"message\":\"Agent with id " + agentId + " was not found.\"}}");
		}
		String signature = "sig_" + UUID.randomUUID().toString().replace("-", "");
		this.signatures.add(signature);
		this.issued++;
		return json(response, HttpResponseStatus.OK, "{\"signed_url\":\"" + baseUrl() + CONVERSATION_PATH
				+ "?agent_id=" + agentId + "&conversation_signature=" + signature + "\"}");
	}

	private Publisher<Void> upgrade(HttpServerRequest request, HttpServerResponse response) {
		String agentId = parameter(request, "agent_id");
		Agent agent = (agentId != null) ? this.agents.get(agentId) : null;
		if (agent == null) {
			return json(response, HttpResponseStatus.NOT_FOUND, "{\"detail\":{\"status\":\"agent_not_found\"}}");
		}
		String signature = parameter(request, "conversation_signature");
		boolean signed = signature != null && this.signatures.remove(signature);
		if (agent.isPrivate() && !signed) {
			return json(response, HttpResponseStatus.FORBIDDEN, "{\"detail\":{\"status\":\"authorization_error\","
					+ "\"message\":\"This agent requires a valid conversation signature.\"}}");
		}
		return response.sendWebsocket((in, out) -> conversation(in, out, agent.snapshot(), signed),
				WebsocketServerSpec.builder().maxFramePayloadLength(16 * 1024 * 1024).build());
	}

	private Publisher<Void> conversation(WebsocketInbound in, WebsocketOutbound out, Agent.Config agent,
			boolean signed) {
		FakeAgentConversation conversation = new FakeAgentConversation(this.json, agent, signed, out, this.keepAudio,
				this.defaultReply);
		in.withConnection(conversation::attach);
		this.conversations.add(conversation);
		out.sendString(conversation.outgoing(), StandardCharsets.UTF_8).then().subscribe(null, (error) -> {
		});
		return in.aggregateFrames(16 * 1024 * 1024)
			.receiveFrames()
			.doOnNext((frame) -> conversation.receive(frame.content().toString(StandardCharsets.UTF_8)))
			.then()
			.doFinally((signal) -> conversation.disconnected());
	}

	private static String parameter(HttpServerRequest request, String name) {
		List<String> values = new QueryStringDecoder(request.uri()).parameters().get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	private static Publisher<Void> json(HttpServerResponse response, HttpResponseStatus status, String body) {
		return response.status(status)
			.header("Content-Type", "application/json")
			.sendString(Mono.just(body), StandardCharsets.UTF_8)
			.then();
	}

	@Override
	public void close() {
		this.server.disposeNow(Duration.ofSeconds(5));
		this.loops.disposeLater().block(Duration.ofSeconds(5));
	}

	/** An agent as configured in the ElevenLabs dashboard: access, allowed overrides, first message, formats. */
	public static final class Agent {

		private final String id;

		private volatile boolean privateAgent;

		private volatile Set<String> allowedOverrides = Set.of();

		private volatile String firstMessage = "";

		private volatile String inputFormat = "pcm_16000";

		private volatile String outputFormat = "pcm_16000";

		private volatile Duration pingEvery;

		Agent(String id) {
			this.id = id;
		}

		/** Requires a signed URL ("Enable authentication"). */
		public Agent makePrivate() {
			this.privateAgent = true;
			return this;
		}

		/** The overrides the agent's security settings allow: {@code prompt}, {@code first_message}, {@code language}, {@code voice_id}. */
		public Agent allowOverrides(String... fields) {
			this.allowedOverrides = Set.of(fields);
			return this;
		}

		/** What the agent says on connect unless the client overrides it; empty: it waits for the caller. */
		public Agent firstMessage(String text) {
			this.firstMessage = text;
			return this;
		}

		/** ASR input and TTS output formats, by ElevenLabs name ({@code ulaw_8000}, {@code pcm_16000}, ...). */
		public Agent formats(String input, String output) {
			this.inputFormat = input;
			this.outputFormat = output;
			return this;
		}

		/** Sends {@code ping} at this cadence once the conversation is set up (null: only scripted pings). */
		public Agent pingEvery(Duration cadence) {
			this.pingEvery = cadence;
			return this;
		}

		boolean isPrivate() {
			return this.privateAgent;
		}

		Config snapshot() {
			return new Config(this.id, this.allowedOverrides, this.firstMessage, this.inputFormat, this.outputFormat,
					this.pingEvery);
		}

		record Config(String id, Set<String> allowedOverrides, String firstMessage, String inputFormat,
				String outputFormat, Duration pingEvery) {
		}

	}

}
