package org.voiceai.realtime.fakes.elevenlabs;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.netty.Connection;
import reactor.netty.http.websocket.WebsocketOutbound;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.voiceai.audio.AudioEncoding;
import org.voiceai.audio.AudioFormat;
import org.voiceai.audio.G711;
import org.voiceai.audio.Levels;
import org.voiceai.audio.Pcm16;

/**
 * One connection to the {@link ElevenLabsAgentFake}: it validates and records every client message and lets a test
 * script the agent.
 * <p>
 * Behaviour without scripting, as the platform behaves: the first client message must be
 * {@code conversation_initiation_client_data} (or audio, which starts without overrides); an override the agent does
 * not allow gets an {@code error} event ({@code override_error}) and close 1008, as does any malformed or unknown
 * message ({@code invalid_message}). Then {@code conversation_initiation_metadata} announces the agent's formats and
 * the first message (the override's, else the agent's; empty: none) is spoken. Caller audio louder than
 * {@value #SPEECH_RMS} RMS is speech to an energy VAD: speech while the agent's last reply is still playing (by wall
 * clock) sends {@code interruption} for that reply, followed by one stale {@code audio} chunk of it that the client
 * must drop; {@value #SILENCE_MS} ms of quiet ends the turn with {@code user_transcript} (from {@link #callerWillSay})
 * and a reply. A reply ({@code user_message}, an ended turn, a {@code client_tool_result}) plays the next
 * {@link #queueReply queued reply} or a short default one: {@code agent_response} and 100 ms {@code audio} chunks of
 * a 440 Hz tone in the output format, all sharing the reply's {@code event_id}.
 */
public final class FakeAgentConversation {

	/** Caller audio louder than this RMS (about -30 dBFS) is speech for the energy VAD. */
	public static final int SPEECH_RMS = 1000;

	/** Quiet that ends a caller turn. */
	public static final int SILENCE_MS = 500;

	static final String DEFAULT_REPLY = "Certainly.";

	static final Duration DEFAULT_REPLY_AUDIO = Duration.ofMillis(300);

	private static final Set<String> CLIENT_TYPES = Set.of("conversation_initiation_client_data", "pong",
			"client_tool_result", "user_message", "contextual_update", "user_activity", "feedback",
			"mcp_tool_approval_result", "multimodal_message");

	private final JsonMapper json;

	private final ElevenLabsAgentFake.Agent.Config agent;

	private final boolean signed;

	private final WebsocketOutbound out;

	private final boolean keepAudio;

	private final Duration defaultReply;

	private final Sinks.Many<String> outgoing = Sinks.many().unicast().onBackpressureBuffer();

	private final List<JsonNode> received = new CopyOnWriteArrayList<>();

	private final List<String> problems = new CopyOnWriteArrayList<>();

	private final List<Long> interruptionsSent = new CopyOnWriteArrayList<>();

	private final AtomicInteger ids = new AtomicInteger();

	private final Set<Long> pingsOutstanding = new HashSet<>();

	private final Set<String> toolCallsOutstanding = new HashSet<>();

	private final Queue<Reply> queuedReplies = new ArrayDeque<>();

	private final Queue<String> callerTranscripts = new ArrayDeque<>();

	private final String id = "conv_" + Long.toHexString(System.nanoTime());

	private volatile Connection connection;

	private volatile boolean disconnected;

	private volatile boolean closing;

	private Disposable pings;

	private boolean initiated;

	private JsonNode overrides;

	private long eventIds;

	private long pingIds;

	private long currentReplyId = -1;

	private long currentReplyEndsNanos;

	private double tonePhase;

	private long inputMillis;

	private boolean callerSpeaking;

	private long silenceMs;

	FakeAgentConversation(JsonMapper json, ElevenLabsAgentFake.Agent.Config agent, boolean signed,
			WebsocketOutbound out, boolean keepAudio, Duration defaultReply) {
		this.keepAudio = keepAudio;
		this.defaultReply = defaultReply;
		this.json = json;
		this.agent = agent;
		this.signed = signed;
		this.out = out;
	}

	// ---------------------------------------------------------------- scripting

	/** An agent reply now: {@code agent_response} and its audio; returns its {@code event_id}. */
	public synchronized long speak(String text, Duration audio) {
		return play(new Reply(text, audio));
	}

	/** The next reply (to a caller turn, a {@code user_message} or a tool result) says this. */
	public synchronized FakeAgentConversation queueReply(String text, Duration audio) {
		this.queuedReplies.add(new Reply(text, audio));
		return this;
	}

	/** The transcript of the next caller turn the energy VAD detects. */
	public synchronized FakeAgentConversation callerWillSay(String transcript) {
		this.callerTranscripts.add(transcript);
		return this;
	}

	/** A {@code client_tool_call}; returns its {@code tool_call_id}. */
	public synchronized String callTool(String name, String parametersJson) {
		String callId = "toolu_" + this.id.substring(5) + "_" + this.ids.incrementAndGet();
		this.toolCallsOutstanding.add(callId);
		ObjectNode event = event("client_tool_call");
		event.putObject("client_tool_call")
			.put("tool_name", name)
			.put("tool_call_id", callId)
			.put("event_id", ++this.eventIds)
			.set("parameters", this.json.readTree(parametersJson));
		send(event);
		return callId;
	}

	/** Sends an {@code interruption} for the current reply now, as the platform does when it hears the caller. */
	public synchronized long interrupt() {
		long replyId = this.currentReplyId;
		sendInterruption(replyId);
		return replyId;
	}

	/** A {@code ping} now; returns its {@code event_id}. */
	public synchronized long ping() {
		long eventId = ++this.pingIds;
		this.pingsOutstanding.add(eventId);
		ObjectNode event = event("ping");
		event.putObject("ping_event").put("event_id", eventId).put("ping_ms", 42);
		send(event);
		return eventId;
	}

	/** An {@code error} event, then the close it announces (1000, 1002, 1008 or 1011). */
	public synchronized void fail(int code, String errorType, String message) {
		ObjectNode event = event("error");
		event.putObject("error_event").put("code", code).put("error_type", errorType).put("message", message)
			.put("reason", errorType);
		send(event);
		close(code, errorType);
	}

	/** Drops the TCP connection without a close frame, as a network failure would. */
	public void drop() {
		stopPings();
		Connection connection = this.connection;
		if (connection != null) {
			connection.channel().close();
		}
	}

	/** Closes with a close frame. */
	public void close(int code, String reason) {
		stopPings();
		this.closing = true;
		this.out.sendClose(code, reason).subscribe(null, (error) -> {
		});
	}

	// ---------------------------------------------------------------- inspection

	/** Every client message received, in order (audio chunks included). */
	public List<JsonNode> received() {
		return List.copyOf(this.received);
	}

	/** The client messages of one {@code type} ({@code user_audio_chunk} for audio). */
	public List<JsonNode> received(String type) {
		return this.received.stream().filter((message) -> type.equals(typeOf(message))).toList();
	}

	/** Waits for the first client message of {@code type}. */
	public JsonNode awaitReceived(String type) {
		return awaitReceived(type, 1).get(0);
	}

	/** Waits until {@code count} client messages of {@code type} have arrived, and returns them all. */
	public List<JsonNode> awaitReceived(String type, int count) {
		long deadline = System.nanoTime() + ElevenLabsAgentFake.AWAIT.toNanos();
		while (received(type).size() < count) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("expected " + count + " '" + type + "' messages within "
						+ ElevenLabsAgentFake.AWAIT + ", got " + received(type).size() + "; received types: "
						+ this.received.stream().map(FakeAgentConversation::typeOf).distinct().toList());
			}
			pause();
		}
		return received(type);
	}

	/** Waits until the conversation is set up (metadata sent); returns this conversation. */
	public FakeAgentConversation awaitInitiated() {
		long deadline = System.nanoTime() + ElevenLabsAgentFake.AWAIT.toNanos();
		while (!isInitiated()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("conversation not initiated within " + ElevenLabsAgentFake.AWAIT);
			}
			pause();
		}
		return this;
	}

	public synchronized boolean isInitiated() {
		return this.initiated;
	}

	/** The {@code conversation_config_override} the client sent (missing node if none). */
	public synchronized JsonNode overrides() {
		return (this.overrides != null) ? this.overrides.deepCopy() : this.json.missingNode();
	}

	/** Protocol violations of the client that do not close the socket (wrong pong ids, unknown tool call ids). */
	public List<String> problems() {
		return List.copyOf(this.problems);
	}

	/** The {@code event_id}s of the interruptions sent. */
	public List<Long> interruptionsSent() {
		return List.copyOf(this.interruptionsSent);
	}

	public synchronized AudioFormat inputFormat() {
		return format(this.agent.inputFormat());
	}

	public synchronized AudioFormat outputFormat() {
		return format(this.agent.outputFormat());
	}

	/** How much caller audio arrived, in milliseconds of the input format. */
	public synchronized long receivedAudioMillis() {
		return this.inputMillis;
	}

	/** Whether the connection came through a signed URL. */
	public boolean signed() {
		return this.signed;
	}

	public String id() {
		return this.id;
	}

	public boolean isDisconnected() {
		return this.disconnected;
	}

	// ---------------------------------------------------------------- connection (package-private)

	void attach(Connection connection) {
		this.connection = connection;
	}

	Flux<String> outgoing() {
		return this.outgoing.asFlux();
	}

	void disconnected() {
		this.disconnected = true;
		stopPings();
	}

	synchronized void receive(String text) {
		if (this.closing) {
			return;
		}
		JsonNode message;
		try {
			message = this.json.readTree(text);
		}
		catch (JacksonException ex) {
			refuse("invalid_message", "Invalid message received: not JSON");
			return;
		}
		if (this.keepAudio || !message.has("user_audio_chunk")) {
			this.received.add(message);
		}
		if (message.has("user_audio_chunk")) {
			if (!this.initiated) {
				initiate(null);
			}
			audio(message.path("user_audio_chunk"));
			return;
		}
		String type = message.path("type").asString("");
		if (!CLIENT_TYPES.contains(type)) {
			refuse("invalid_message", "Invalid message received: unknown type '" + type + "'");
			return;
		}
		if ("conversation_initiation_client_data".equals(type)) {
			if (this.initiated) {
				refuse("invalid_message", "conversation_initiation_client_data must be the first message");
				return;
			}
			initiate(message);
			return;
		}
		if (!this.initiated) {
			refuse("invalid_message", "Invalid message received: '" + type + "' before the conversation started");
			return;
		}
		switch (type) {
			case "pong" -> {
				if (!this.pingsOutstanding.remove(message.path("event_id").asLong(-1))) {
					this.problems.add("pong for unknown ping " + message.path("event_id"));
				}
			}
			case "client_tool_result" -> toolResult(message);
			case "user_message" -> {
				if (!message.path("text").isString()) {
					refuse("missing_fields", "user_message needs text");
					return;
				}
				play(nextReply());
			}
			case "contextual_update" -> {
				if (!message.path("text").isString()) {
					refuse("missing_fields", "contextual_update needs text");
				}
			}
			default -> {
			}
		}
	}

	private void initiate(JsonNode message) {
		JsonNode override = (message != null) ? message.path("conversation_config_override") : null;
		if (override != null && !override.isMissingNode()) {
			this.overrides = override;
			String forbidden = forbiddenOverride(override);
			if (forbidden != null) {
				refuse("override_error", "Override for field '" + forbidden
						+ "' is not allowed by config. Enable it in the agent's security settings.");
				return;
			}
		}
		this.initiated = true;
		ObjectNode metadata = event("conversation_initiation_metadata");
		metadata.putObject("conversation_initiation_metadata_event")
			.put("conversation_id", this.id)
			.put("agent_output_audio_format", this.agent.outputFormat())
			.put("user_input_audio_format", this.agent.inputFormat());
		send(metadata);
		JsonNode firstOverride = (override != null) ? override.path("agent").path("first_message") : null;
		String first = (firstOverride != null && firstOverride.isString()) ? firstOverride.asString()
				: this.agent.firstMessage();
		if (!first.isEmpty()) {
			play(new Reply(first, Duration.ofMillis(300)));
		}
		Duration cadence = this.agent.pingEvery();
		if (cadence != null) {
			this.pings = Flux.interval(cadence, cadence).subscribe((tick) -> ping());
		}
	}

	private String forbiddenOverride(JsonNode override) {
		JsonNode agentOverride = override.path("agent");
		if (agentOverride.has("prompt") && !this.agent.allowedOverrides().contains("prompt")) {
			return "agent.prompt.prompt";
		}
		if (agentOverride.has("first_message") && !this.agent.allowedOverrides().contains("first_message")) {
			return "agent.first_message";
		}
		if (agentOverride.has("language") && !this.agent.allowedOverrides().contains("language")) {
			return "agent.language";
		}
		if (override.path("tts").has("voice_id") && !this.agent.allowedOverrides().contains("voice_id")) {
			return "tts.voice_id";
		}
		return null;
	}

	private void toolResult(JsonNode message) {
		String callId = message.path("tool_call_id").asString("");
		if (!message.path("result").isString() && !message.path("result").isMissingNode()) {
			this.problems.add("client_tool_result " + callId + " result is not a string: " + message.path("result"));
		}
		if (!this.toolCallsOutstanding.remove(callId)) {
			this.problems.add("client_tool_result for unknown tool_call_id " + callId);
			return;
		}
		play(nextReply());
	}

	private void audio(JsonNode chunk) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(chunk.asString(""));
		}
		catch (IllegalArgumentException ex) {
			bytes = null;
		}
		if (!chunk.isString() || bytes == null) {
			refuse("invalid_message", "user_audio_chunk must be base64 audio");
			return;
		}
		AudioFormat format = inputFormat();
		short[] samples = decode(bytes, format);
		long chunkMs = samples.length * 1000L / format.sampleRate();
		boolean loud = samples.length > 0 && Levels.of(samples).rms() > SPEECH_RMS;
		this.inputMillis += chunkMs;
		if (loud && !this.callerSpeaking) {
			this.callerSpeaking = true;
			this.silenceMs = 0;
			if (this.currentReplyId >= 0 && System.nanoTime() < this.currentReplyEndsNanos) {
				sendInterruption(this.currentReplyId);
				// One late chunk of the interrupted reply, as the network delivers them: the client must drop it.
				sendAudio(this.currentReplyId, tone(Duration.ofMillis(100)));
				this.currentReplyEndsNanos = 0;
			}
		}
		else if (this.callerSpeaking) {
			this.silenceMs = loud ? 0 : this.silenceMs + chunkMs;
			if (this.silenceMs >= SILENCE_MS) {
				this.callerSpeaking = false;
				String transcript = this.callerTranscripts.isEmpty() ? "(caller speech)" : this.callerTranscripts.poll();
				ObjectNode event = event("user_transcript");
				event.putObject("user_transcription_event").put("user_transcript", transcript)
					.put("event_id", ++this.eventIds);
				send(event);
				play(nextReply());
			}
		}
	}

	private void sendInterruption(long replyId) {
		this.interruptionsSent.add(replyId);
		ObjectNode event = event("interruption");
		event.putObject("interruption_event").put("event_id", replyId);
		send(event);
	}

	private Reply nextReply() {
		return this.queuedReplies.isEmpty() ? new Reply(DEFAULT_REPLY, this.defaultReply) : this.queuedReplies.poll();
	}

	private long play(Reply reply) {
		long eventId = ++this.eventIds;
		this.currentReplyId = eventId;
		this.currentReplyEndsNanos = System.nanoTime() + reply.audio.toNanos();
		ObjectNode response = event("agent_response");
		response.putObject("agent_response_event").put("agent_response", reply.text).put("event_id", eventId);
		send(response);
		for (long sent = 0; sent < reply.audio.toMillis(); sent += 100) {
			sendAudio(eventId, tone(Duration.ofMillis(Math.min(100, reply.audio.toMillis() - sent))));
		}
		return eventId;
	}

	private void sendAudio(long eventId, byte[] audio) {
		ObjectNode event = event("audio");
		event.putObject("audio_event").put("audio_base_64", Base64.getEncoder().encodeToString(audio))
			.put("event_id", eventId);
		send(event);
	}

	private byte[] tone(Duration length) {
		AudioFormat format = outputFormat();
		short[] samples = new short[(int) (format.sampleRate() * length.toMillis() / 1000)];
		for (int n = 0; n < samples.length; n++) {
			samples[n] = (short) (8000 * Math.sin(this.tonePhase));
			this.tonePhase += 2 * Math.PI * 440 / format.sampleRate();
		}
		return (format.encoding() == AudioEncoding.ULAW) ? G711.encodeUlaw(samples) : Pcm16.toBytes(samples);
	}

	private static short[] decode(byte[] bytes, AudioFormat format) {
		return (format.encoding() == AudioEncoding.ULAW) ? G711.decodeUlaw(bytes)
				: Pcm16.toShorts((bytes.length % 2 == 0) ? bytes : Arrays.copyOf(bytes, bytes.length - 1));
	}

	private void refuse(String errorType, String message) {
		ObjectNode event = event("error");
		event.putObject("error_event").put("code", 1008).put("error_type", errorType).put("message", message)
			.put("reason", errorType);
		send(event);
		close(1008, errorType);
	}

	private void stopPings() {
		Disposable pings = this.pings;
		if (pings != null) {
			pings.dispose();
		}
	}

	private ObjectNode event(String type) {
		return this.json.createObjectNode().put("type", type);
	}

	private void send(ObjectNode event) {
		synchronized (this.outgoing) {
			this.outgoing.tryEmitNext(this.json.writeValueAsString(event));
		}
	}

	private static String typeOf(JsonNode message) {
		return message.has("user_audio_chunk") ? "user_audio_chunk" : message.path("type").asString("");
	}

	/** ElevenLabs format names as {@link AudioFormat}s (the fake supports the ones the platform offers at 8-24 kHz). */
	static AudioFormat format(String name) {
		return switch (name) {
			case "pcm_8000" -> AudioFormat.PCM16_8K;
			case "pcm_16000" -> AudioFormat.PCM16_16K;
			case "pcm_24000" -> AudioFormat.PCM16_24K;
			case "ulaw_8000" -> AudioFormat.ULAW_8K;
			default -> new AudioFormat(AudioEncoding.PCM16, Integer.parseInt(name.substring(4)), 1);
		};
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

	private record Reply(String text, Duration audio) {
	}

}
