package org.voiceai.realtime.fakes.gemini;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import reactor.core.publisher.Sinks;
import reactor.netty.Connection;
import reactor.netty.http.websocket.WebsocketOutbound;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.voiceai.audio.Levels;
import org.voiceai.audio.Pcm16;

/**
 * One connection to the {@link GeminiLiveFake}. It validates every client message the way the service does (one
 * top-level key per message, {@code setup} first and once, proto field names in camelCase or snake_case, schema types
 * and field names of function declarations, audio MIME types, tool response ids) and fails the connection like the
 * service: close 1007 with the reason for an invalid argument, 1008 for an unknown model or resumption handle.
 * <p>
 * Behaviour without scripting: caller audio ({@code realtimeInput.audio}, PCM16 at the MIME type's rate) louder than
 * {@value #SPEECH_RMS} RMS is speech for an energy VAD; speech during a reply interrupts it
 * ({@code serverContent.interrupted}, no more audio of that turn); {@code silenceDurationMs} of quiet (default 500)
 * ends the caller's turn: {@code inputTranscription} (from {@link #callerWillSay}) in two fragments and
 * {@code finished}, then the next {@link #queueReply queued reply} (or a short default) as {@code modelTurn} audio
 * parts of a 440 Hz tone at 24 kHz with {@code outputTranscription}, {@code generationComplete},
 * {@code turnComplete} and {@code usageMetadata}. A {@code clientContent} with {@code turnComplete} and a
 * {@code toolResponse} are answered with a reply the same way.
 * <p>
 * Scripting: {@link #speak}, {@link #startSpeaking} (a turn kept open until {@link Reply#finish()}),
 * {@link #callTool}, {@link #cancelToolCalls}, {@link #goAway}, {@link #close}, {@link #drop}. Inspection:
 * {@link #setup()}, {@link #received}, {@link #awaitReceived}, {@link #audioMillis}, {@link #resumedConversation()}.
 */
public final class FakeLiveSession {

	public static final int SPEECH_RMS = 1000;

	static final Set<String> MODELS = Set.of("models/gemini-2.5-flash-native-audio-preview-12-2025",
			"models/gemini-live-2.5-flash-preview", "models/gemini-2.0-flash-live-preview-04-09");

	static final Set<String> VOICES = Set.of("Puck", "Charon", "Kore", "Fenrir", "Aoede", "Leda", "Orus", "Zephyr");

	private static final Set<String> SETUP_FIELDS = Set.of("model", "generationConfig", "systemInstruction", "tools",
			"realtimeInputConfig", "inputAudioTranscription", "outputAudioTranscription", "sessionResumption",
			"contextWindowCompression", "proactivity");

	private static final Set<String> SCHEMA_FIELDS = Set.of("type", "format", "description", "nullable", "enum",
			"properties", "required", "items", "minItems", "maxItems", "minimum", "maximum", "anyOf",
			"propertyOrdering", "title", "minLength", "maxLength", "pattern", "default", "example");

	private static final Set<String> SCHEMA_TYPES = Set.of("STRING", "NUMBER", "INTEGER", "BOOLEAN", "ARRAY",
			"OBJECT", "NULL");

	private static final Duration CHUNK = Duration.ofMillis(100);

	private final GeminiLiveFake server;

	private final JsonMapper json;

	private final WebsocketOutbound out;

	private final boolean binary;

	private final Sinks.Many<String> outgoing = Sinks.many().unicast().onBackpressureBuffer();

	/** Every client message, normalized to camelCase top-level keys, in order. */
	private final List<JsonNode> received = new CopyOnWriteArrayList<>();

	private final List<String> sentKinds = new CopyOnWriteArrayList<>();

	private final Map<String, Long> firstSent = new java.util.concurrent.ConcurrentHashMap<>();

	/** The conversation as this session knows it, as {@code {role, text}} turns (what a resumption handle keeps). */
	private final List<JsonNode> conversation = new ArrayList<>();

	private final Map<String, String> pendingCalls = new HashMap<>();

	private final Queue<Reply> queuedReplies = new ArrayDeque<>();

	private final Queue<String> callerTranscripts = new ArrayDeque<>();

	private final AtomicInteger ids = new AtomicInteger();

	private volatile Connection connection;

	private volatile boolean disconnected;

	private volatile JsonNode setup;

	private volatile List<JsonNode> resumedConversation;

	private volatile int closeCode;

	private Reply activeReply;

	private double tonePhase;

	private long audioMillis;

	private boolean callerSpeaking;

	private long silenceMs;

	private long handles;

	FakeLiveSession(GeminiLiveFake server, JsonMapper json, WebsocketOutbound out, boolean binary) {
		this.server = server;
		this.json = json;
		this.out = out;
		this.binary = binary;
	}

	// ---------------------------------------------------------------- scripting

	/** A whole model turn now: audio parts, output transcription, generationComplete, turnComplete. */
	public synchronized Reply speak(String transcript, Duration audio) {
		Reply reply = startSpeaking(transcript, audio);
		reply.finish();
		return reply;
	}

	/** Starts a model turn and sends this much audio, keeping the turn open (for barge-in) until finished. */
	public synchronized Reply startSpeaking(String transcript, Duration audio) {
		Reply reply = new Reply(transcript);
		play(reply, audio);
		return reply;
	}

	public synchronized FakeLiveSession queueReply(String transcript, Duration audio) {
		this.queuedReplies.add(new Reply(transcript, audio));
		return this;
	}

	public synchronized FakeLiveSession callerWillSay(String transcript) {
		this.callerTranscripts.add(transcript);
		return this;
	}

	/** A {@code toolCall} with one function call; returns its id. The queued reply answers the tool response. */
	public synchronized String callTool(String name, String argsJson) {
		String id = "function-call-" + nextId();
		this.pendingCalls.put(id, name);
		ObjectNode message = this.json.createObjectNode();
		message.putObject("toolCall")
			.putArray("functionCalls")
			.addObject()
			.put("id", id)
			.put("name", name)
			.set("args", this.json.readTree(argsJson));
		send(message);
		return id;
	}

	/** {@code toolCallCancellation} for calls still pending (as after a barge-in). */
	public synchronized void cancelToolCalls(String... ids) {
		ObjectNode message = this.json.createObjectNode();
		var array = message.putObject("toolCallCancellation").putArray("ids");
		for (String id : ids) {
			this.pendingCalls.remove(id);
			array.add(id);
		}
		send(message);
	}

	/** {@code goAway}: the connection ends soon; the client should resume on a new one. */
	public synchronized void goAway(String timeLeft) {
		ObjectNode message = this.json.createObjectNode();
		message.putObject("goAway").put("timeLeft", timeLeft);
		send(message);
	}

	/** {@code sessionResumptionUpdate} saying the session cannot be resumed right now (no handle). */
	public synchronized void notResumable() {
		ObjectNode message = this.json.createObjectNode();
		message.putObject("sessionResumptionUpdate").put("resumable", false);
		send(message);
	}

	/** Drops the TCP connection without a close frame. */
	public void drop() {
		Connection connection = this.connection;
		if (connection != null) {
			connection.channel().close();
		}
	}

	/** Closes with a close frame, e.g. 1011 "Internal error encountered." */
	public void close(int code, String reason) {
		this.closeCode = code;
		this.out.sendClose(code, reason).subscribe(null, (error) -> {
		});
	}

	// ---------------------------------------------------------------- inspection

	/** The {@code setup} message, waiting for it. */
	public JsonNode setup() {
		awaitReceived("setup");
		return this.setup;
	}

	/** Waits until {@code setupComplete} was sent; returns this session. */
	public FakeLiveSession awaitSetupComplete() {
		long deadline = System.nanoTime() + GeminiLiveFake.AWAIT.toNanos();
		while (!this.sentKinds.contains("setupComplete")) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("no setupComplete within " + GeminiLiveFake.AWAIT + "; received "
						+ this.received + ", closed " + this.closeCode);
			}
			pause();
		}
		return this;
	}

	/** Client messages whose top-level key (camelCase) is {@code kind}. */
	public List<JsonNode> received(String kind) {
		return this.received.stream().filter((message) -> message.has(kind)).map((message) -> message.get(kind))
			.toList();
	}

	public JsonNode awaitReceived(String kind) {
		return awaitReceived(kind, 1).get(0);
	}

	public List<JsonNode> awaitReceived(String kind, int count) {
		long deadline = System.nanoTime() + GeminiLiveFake.AWAIT.toNanos();
		while (received(kind).size() < count) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("expected " + count + " '" + kind + "' messages within " + GeminiLiveFake.AWAIT
						+ ", got " + received(kind).size() + "; closed with " + this.closeCode);
			}
			pause();
		}
		return received(kind);
	}

	/** Milliseconds of caller audio received. */
	public synchronized long audioMillis() {
		return this.audioMillis;
	}

	/** The conversation restored from a resumption handle, or {@code null} for a fresh session. */
	public List<JsonNode> resumedConversation() {
		return this.resumedConversation;
	}

	/** The close code this session sent, 0 if none. */
	public int closeCode() {
		return this.closeCode;
	}

	public boolean isDisconnected() {
		return this.disconnected;
	}

	/** When a message of {@code kind} was first sent ({@link System#nanoTime}), or -1 if never. */
	public long firstSentNanos(String kind) {
		return this.firstSent.getOrDefault(kind, -1L);
	}

	/** Kinds of server messages sent so far (top-level key, or serverContent's field), in order. */
	public List<String> sentKinds() {
		return List.copyOf(this.sentKinds);
	}

	// ---------------------------------------------------------------- connection

	void attach(Connection connection) {
		this.connection = connection;
	}

	void startSending() {
		this.out.sendObject(this.outgoing.asFlux().map(this::frame)).then().subscribe(null, (error) -> {
		});
	}

	private WebSocketFrame frame(String text) {
		return this.binary ? new BinaryWebSocketFrame(Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8)))
				: new TextWebSocketFrame(text);
	}

	void disconnected() {
		this.disconnected = true;
	}

	synchronized void receive(String text) {
		if (this.closeCode != 0) {
			return;
		}
		JsonNode message;
		try {
			message = this.json.readTree(text);
		}
		catch (JacksonException ex) {
			invalid("Invalid JSON payload received. " + ex.getOriginalMessage());
			return;
		}
		if (!message.isObject() || message.size() != 1) {
			invalid("Invalid JSON payload received. A client message must have exactly one of setup, clientContent, "
					+ "realtimeInput, toolResponse.");
			return;
		}
		String key = camel(message.propertyNames().iterator().next());
		JsonNode body = message.iterator().next();
		ObjectNode normalized = this.json.createObjectNode();
		normalized.set(key, body);
		if (this.server.keepsAudio() || !"realtimeInput".equals(key) || !field(body, "audio").isObject()) {
			this.received.add(normalized);
		}
		if (!"setup".equals(key) && this.setup == null) {
			invalid("Invalid JSON payload received. The first message must be setup.");
			return;
		}
		switch (key) {
			case "setup" -> setup(body);
			case "realtimeInput" -> realtimeInput(body);
			case "clientContent" -> clientContent(body);
			case "toolResponse" -> toolResponse(body);
			default -> invalid("Invalid JSON payload received. Unknown name \"" + key + "\": Cannot find field.");
		}
	}

	// ---------------------------------------------------------------- client messages

	private void setup(JsonNode setup) {
		if (this.setup != null) {
			invalid("setup must be the first and only setup message.");
			return;
		}
		this.setup = setup;
		for (String field : setup.propertyNames()) {
			if (!SETUP_FIELDS.contains(camel(field))) {
				invalid("Invalid JSON payload received. Unknown name \"" + field + "\" at 'setup': Cannot find field.");
				return;
			}
		}
		String model = field(setup, "model").asString("");
		if (!MODELS.contains(model)) {
			close(1008, model + " is not found for API version v1beta, or is not supported for bidiGenerateContent.");
			return;
		}
		JsonNode generation = field(setup, "generationConfig");
		JsonNode modalities = field(generation, "responseModalities");
		if (!modalities.isArray() || modalities.size() != 1 || !"AUDIO".equals(modalities.get(0).asString(""))) {
			invalid("Request contains an invalid argument. responseModalities must be [\"AUDIO\"] for this test.");
			return;
		}
		String voice = field(field(field(field(generation, "speechConfig"), "voiceConfig"), "prebuiltVoiceConfig"),
				"voiceName").asString(null);
		if (voice != null && !VOICES.contains(voice)) {
			invalid("Request contains an invalid argument. Unknown voice name " + voice + ".");
			return;
		}
		for (JsonNode tool : field(setup, "tools")) {
			for (JsonNode declaration : field(tool, "functionDeclarations")) {
				String problem = field(declaration, "name").asString("").isBlank() ? "a function declaration needs a name"
						: schemaProblem(field(declaration, "parameters"), "parameters");
				if (problem != null) {
					invalid("Invalid JSON payload received. " + problem);
					return;
				}
			}
		}
		JsonNode resumption = field(setup, "sessionResumption");
		String handle = field(resumption, "handle").asString(null);
		if (handle != null) {
			List<JsonNode> resumed = this.server.resume(handle);
			if (resumed == null) {
				close(1008, "Session resumption handle is invalid or expired.");
				return;
			}
			this.resumedConversation = resumed;
			this.conversation.addAll(resumed);
		}
		if (this.server.stalled()) {
			return;
		}
		ObjectNode complete = this.json.createObjectNode();
		complete.putObject("setupComplete");
		send(complete);
		if (resumption.isObject()) {
			issueHandle();
		}
	}

	private String schemaProblem(JsonNode schema, String path) {
		if (schema.isMissingNode() || schema.isNull()) {
			return null;
		}
		for (String field : schema.propertyNames()) {
			if (!SCHEMA_FIELDS.contains(camel(field))) {
				return "Unknown name \"" + field + "\" at '" + path + "': Cannot find field.";
			}
		}
		String type = schema.path("type").asString("");
		if (!type.isEmpty() && !SCHEMA_TYPES.contains(type)) {
			return "Invalid value at '" + path + ".type' (type.googleapis.com/google.ai.generativelanguage.v1beta.Type), \""
					+ type + "\"";
		}
		for (var property : schema.path("properties").properties()) {
			String problem = schemaProblem(property.getValue(), path + ".properties[" + property.getKey() + "]");
			if (problem != null) {
				return problem;
			}
		}
		for (JsonNode option : schema.path("anyOf")) {
			String problem = schemaProblem(option, path + ".anyOf");
			if (problem != null) {
				return problem;
			}
		}
		return schemaProblem(schema.path("items"), path + ".items");
	}

	private void realtimeInput(JsonNode input) {
		JsonNode audio = field(input, "audio");
		if (audio.isMissingNode()) {
			return;
		}
		String mime = field(audio, "mimeType").asString("");
		if (!mime.startsWith("audio/pcm")) {
			invalid("Request contains an invalid argument. Unsupported audio MIME type '" + mime + "'.");
			return;
		}
		int rate = mime.contains("rate=") ? Integer.parseInt(mime.substring(mime.indexOf("rate=") + 5)) : 16000;
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(field(audio, "data").asString(""));
		}
		catch (IllegalArgumentException ex) {
			invalid("Invalid value at 'realtime_input.audio.data' (TYPE_BYTES), Base64 decoding failed.");
			return;
		}
		if (bytes.length % 2 != 0) {
			invalid("Request contains an invalid argument. PCM16 audio must have an even number of bytes.");
			return;
		}
		short[] samples = Pcm16.toShorts(bytes);
		long chunkMs = samples.length * 1000L / rate;
		this.audioMillis += chunkMs;
		boolean loud = samples.length > 0 && Levels.of(samples).rms() > SPEECH_RMS;
		if (loud && !this.callerSpeaking) {
			this.callerSpeaking = true;
			this.silenceMs = 0;
			if (this.activeReply != null) {
				this.activeReply.interrupt();
			}
		}
		else if (this.callerSpeaking) {
			this.silenceMs = loud ? 0 : this.silenceMs + chunkMs;
			JsonNode detection = field(field(this.setup, "realtimeInputConfig"), "automaticActivityDetection");
			if (this.silenceMs >= field(detection, "silenceDurationMs").asLong(500)) {
				this.callerSpeaking = false;
				endCallerTurn();
			}
		}
	}

	private void endCallerTurn() {
		String transcript = this.callerTranscripts.isEmpty() ? "(caller speech)" : this.callerTranscripts.poll();
		int split = transcript.indexOf(' ');
		if (split > 0) {
			sendContent((content) -> content.putObject("inputTranscription").put("text",
					transcript.substring(0, split + 1)));
			sendContent((content) -> content.putObject("inputTranscription").put("text",
					transcript.substring(split + 1)));
		}
		else {
			sendContent((content) -> content.putObject("inputTranscription").put("text", transcript));
		}
		sendContent((content) -> content.putObject("inputTranscription").put("finished", true));
		remember("user", transcript);
		answer();
	}

	private void clientContent(JsonNode content) {
		for (JsonNode turn : field(content, "turns")) {
			String role = turn.path("role").asString("");
			if (!Set.of("user", "model").contains(role) || !turn.path("parts").isArray()) {
				invalid("Invalid JSON payload received. A turn needs role user or model and parts.");
				return;
			}
			for (JsonNode part : turn.path("parts")) {
				if (!part.has("text") && !part.has("functionCall") && !part.has("function_call")
						&& !part.has("functionResponse") && !part.has("function_response")) {
					invalid("Invalid JSON payload received. Unsupported part " + part + ".");
					return;
				}
				if (part.has("text")) {
					remember(role, part.path("text").asString(""));
				}
			}
		}
		if (field(content, "turnComplete").asBoolean(false)) {
			answer();
		}
	}

	private void toolResponse(JsonNode response) {
		for (JsonNode function : field(response, "functionResponses")) {
			String id = function.path("id").asString("");
			String name = this.pendingCalls.remove(id);
			if (name == null) {
				invalid("Request contains an invalid argument. No pending function call with id '" + id + "'.");
				return;
			}
			if (!name.equals(function.path("name").asString("")) || !function.path("response").isObject()) {
				invalid("Request contains an invalid argument. A function response needs the call's name and a "
						+ "response object.");
				return;
			}
		}
		if (this.pendingCalls.isEmpty()) {
			answer();
		}
	}

	// ---------------------------------------------------------------- replies

	private void answer() {
		if (this.activeReply != null) {
			this.activeReply.finish();
		}
		Reply reply = this.queuedReplies.isEmpty() ? new Reply("Okay.", this.server.defaultReplyAudio())
				: this.queuedReplies.poll();
		play(reply, reply.audio);
		reply.finish();
	}

	private void play(Reply reply, Duration audio) {
		if (this.activeReply != null && this.activeReply != reply) {
			this.activeReply.finish();
		}
		this.activeReply = reply;
		reply.more(audio);
	}

	private byte[] tone(long millis) {
		int count = (int) (24000 * millis / 1000);
		short[] samples = new short[count];
		double step = 2 * Math.PI * 440 / 24000;
		for (int n = 0; n < count; n++) {
			samples[n] = (short) (8000 * Math.sin(this.tonePhase));
			this.tonePhase += step;
		}
		return Pcm16.toBytes(samples);
	}

	/** A scripted model turn. */
	public final class Reply {

		private final String transcript;

		private final Duration audio;

		private int wordsSent;

		private boolean ended;

		private boolean interrupted;

		Reply(String transcript) {
			this(transcript, Duration.ZERO);
		}

		Reply(String transcript, Duration audio) {
			this.transcript = transcript;
			this.audio = audio;
		}

		/**
		 * More audio of this turn, as the service keeps streaming. Sent even after an interruption, so tests can check
		 * that a client drops stale audio of a turn it interrupted itself.
		 */
		public void more(Duration audio) {
			synchronized (FakeLiveSession.this) {
				String[] words = this.transcript.split("(?<= )");
				long remaining = audio.toMillis();
				while (remaining > 0) {
					long ms = Math.min(CHUNK.toMillis(), remaining);
					remaining -= ms;
					String data = Base64.getEncoder().encodeToString(tone(ms));
					sendContent((content) -> content.putObject("modelTurn")
						.putArray("parts")
						.addObject()
						.putObject("inlineData")
						.put("mimeType", "audio/pcm;rate=24000")
						.put("data", data));
					if (this.wordsSent < words.length) {
						String word = words[this.wordsSent++];
						sendContent((content) -> content.putObject("outputTranscription").put("text", word));
					}
				}
			}
		}

		/** Ends the turn: the rest of the transcript, generationComplete, turnComplete, usage. */
		public void finish() {
			synchronized (FakeLiveSession.this) {
				if (this.ended) {
					return;
				}
				this.ended = true;
				if (FakeLiveSession.this.activeReply == this) {
					FakeLiveSession.this.activeReply = null;
				}
				String[] words = this.transcript.split("(?<= )");
				if (this.wordsSent < words.length) {
					String rest = String.join("", List.of(words).subList(this.wordsSent, words.length));
					this.wordsSent = words.length;
					sendContent((content) -> content.putObject("outputTranscription").put("text", rest));
				}
				sendContent((content) -> content.put("generationComplete", true));
				sendContent((content) -> content.put("turnComplete", true));
				ObjectNode usage = FakeLiveSession.this.json.createObjectNode();
				usage.putObject("usageMetadata").put("promptTokenCount", 120).put("responseTokenCount", 80)
					.put("totalTokenCount", 200);
				send(usage);
				remember("model", this.transcript);
				issueHandle();
			}
		}

		void interrupt() {
			if (this.ended) {
				return;
			}
			this.ended = true;
			this.interrupted = true;
			FakeLiveSession.this.activeReply = null;
			sendContent((content) -> content.put("interrupted", true));
		}

		public boolean interrupted() {
			synchronized (FakeLiveSession.this) {
				return this.interrupted;
			}
		}

	}

	// ---------------------------------------------------------------- helpers

	private void issueHandle() {
		if (!field(this.setup, "sessionResumption").isObject()) {
			return;
		}
		String handle = "handle-" + Integer.toHexString(System.identityHashCode(this)) + "-" + (++this.handles);
		this.server.issueHandle(handle, this.conversation);
		ObjectNode message = this.json.createObjectNode();
		message.putObject("sessionResumptionUpdate").put("newHandle", handle).put("resumable", true)
			.put("lastConsumedClientMessageIndex", String.valueOf(this.received.size() - 1));
		send(message);
	}

	private void remember(String role, String text) {
		this.conversation.add(this.json.createObjectNode().put("role", role).put("text", text));
	}

	/** The field in camelCase or snake_case, as proto-JSON accepts both. */
	static JsonNode field(JsonNode node, String camel) {
		JsonNode value = node.path(camel);
		return value.isMissingNode() ? node.path(snake(camel)) : value;
	}

	static String camel(String name) {
		StringBuilder out = new StringBuilder(name.length());
		boolean upper = false;
		for (char c : name.toCharArray()) {
			if (c == '_') {
				upper = true;
			}
			else {
				out.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return out.toString();
	}

	private static String snake(String camel) {
		return camel.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
	}

	private void invalid(String reason) {
		close(1007, reason);
	}

	private void sendContent(java.util.function.Consumer<ObjectNode> content) {
		ObjectNode message = this.json.createObjectNode();
		content.accept(message.putObject("serverContent"));
		send(message);
	}

	private void send(ObjectNode message) {
		String kind = message.propertyNames().iterator().next();
		if ("serverContent".equals(kind)) {
			kind = message.path(kind).propertyNames().iterator().next();
		}
		this.sentKinds.add(kind);
		this.firstSent.putIfAbsent(kind, System.nanoTime());
		this.outgoing.tryEmitNext(this.json.writeValueAsString(message));
	}

	private String nextId() {
		return Integer.toHexString(System.identityHashCode(this)) + "-" + this.ids.incrementAndGet();
	}

	static void pause() {
		try {
			Thread.sleep(10);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted", ex);
		}
	}

}
