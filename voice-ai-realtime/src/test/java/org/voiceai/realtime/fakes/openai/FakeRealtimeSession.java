package org.voiceai.realtime.fakes.openai;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.netty.Connection;
import reactor.netty.http.websocket.WebsocketOutbound;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.voiceai.audio.AudioFormat;
import org.voiceai.audio.G711;
import org.voiceai.audio.Levels;
import org.voiceai.audio.Pcm16;

/**
 * One connection to the {@link OpenAiRealtimeFake}: it validates and records every client event, keeps the session
 * configuration as {@code session.update} merges it, and lets a test script the server side.
 * <p>
 * Behaviour without scripting, as the API behaves: caller audio ({@code input_audio_buffer.append}) louder than
 * {@value #SPEECH_RMS} RMS starts a turn ({@code speech_started}, which also cancels a reply in progress with
 * {@code turn_detected}); {@code silence_duration_ms} of quiet ends it ({@code speech_stopped}, {@code committed},
 * the user item, its transcription from {@link #callerWillSay}) and starts a reply. A reply
 * ({@code response.create} or an ended turn) plays the next {@link #queueReply queued reply}, or a short default one,
 * as audio deltas of a 440 Hz tone in the session's output format with transcript deltas. {@code response.cancel}
 * cancels the reply in progress, {@code conversation.item.truncate} is checked against the audio the item really
 * has.
 * <p>
 * Scripting: {@link #speak}, {@link #startSpeaking} (a reply that stays in progress until
 * {@link Reply#finish()}), {@link #callTool}, {@link #sendError}, {@link #sendRateLimits}, {@link #drop},
 * {@link #close}. Inspection: {@link #received}, {@link #awaitReceived}, {@link #config}, {@link #inputFormat},
 * {@link #outputFormat}, {@link #appendedAudioMillis}, {@link #appendsReceived}, {@link #errorsSent},
 * {@link #awaitConfigured}. How replies are streamed is set on the fake ({@link OpenAiRealtimeFake#streamReplies}).
 */
public final class FakeRealtimeSession {

	/** Caller audio louder than this RMS (about -30 dBFS) is speech for the energy VAD. */
	public static final int SPEECH_RMS = 1000;

	private static final Set<String> CLIENT_EVENTS = Set.of("session.update", "input_audio_buffer.append",
			"input_audio_buffer.commit", "input_audio_buffer.clear", "output_audio_buffer.clear",
			"conversation.item.create", "conversation.item.retrieve", "conversation.item.truncate",
			"conversation.item.delete", "response.create", "response.cancel");

	private static final Set<String> BETA_SESSION_FIELDS = Set.of("modalities", "voice", "input_audio_format",
			"output_audio_format", "input_audio_transcription", "turn_detection", "input_audio_noise_reduction",
			"max_response_output_tokens", "temperature");

	private static final Set<String> VOICES = Set.of("alloy", "ash", "ballad", "coral", "echo", "sage", "shimmer",
			"verse", "marin", "cedar");

	private static final Duration DELTA = Duration.ofMillis(100);

	private final JsonMapper json;

	private final String model;

	private final WebsocketOutbound out;

	private final SessionOptions options;

	private final AtomicLong appends = new AtomicLong();

	private final Sinks.Many<String> outgoing = Sinks.many().unicast().onBackpressureBuffer();

	private final List<JsonNode> received = new CopyOnWriteArrayList<>();

	private final Map<String, Long> sentAt = new ConcurrentHashMap<>();

	private final List<JsonNode> errorsSent = new CopyOnWriteArrayList<>();

	private final AtomicInteger ids = new AtomicInteger();

	private final String id;

	private final ObjectNode config;

	/** Assistant audio items: id → milliseconds of audio sent. Other items: id → -1. */
	private final Map<String, Long> items = new HashMap<>();

	private final Set<String> callIds = new HashSet<>();

	private final Queue<Reply> queuedReplies = new ArrayDeque<>();

	private final Queue<String> callerTranscripts = new ArrayDeque<>();

	private volatile Connection connection;

	private volatile boolean disconnected;

	private Reply activeReply;

	private double tonePhase;

	private long inputMillis;

	private boolean callerSpeaking;

	private long speechStartMs;

	private long silenceMs;

	private String userItemId;

	private boolean transcriptionAfterReply;

	FakeRealtimeSession(JsonMapper json, String model, WebsocketOutbound out, SessionOptions options) {
		this.json = json;
		this.model = model;
		this.out = out;
		this.options = options;
		this.id = "sess_" + Long.toHexString(System.nanoTime());
		this.config = defaultConfig();
	}

	// ---------------------------------------------------------------- scripting

	/** Plays a whole reply now: created, audio and transcript deltas, done events, {@code response.done}. */
	public synchronized Reply speak(String transcript, Duration audio) {
		Reply reply = startSpeaking(transcript, audio);
		reply.finish();
		return reply;
	}

	/** Starts a reply and sends all its audio, but keeps it in progress (for barge-in) until {@link Reply#finish}. */
	public synchronized Reply startSpeaking(String transcript, Duration audio) {
		Reply reply = new Reply(transcript, audio);
		play(reply, false);
		return reply;
	}

	/** The next reply (to {@code response.create} or to a detected caller turn) says this. */
	public synchronized FakeRealtimeSession queueReply(String transcript, Duration audio) {
		this.queuedReplies.add(new Reply(transcript, audio));
		return this;
	}

	/** The transcription of the next caller turn the energy VAD detects. */
	public synchronized FakeRealtimeSession callerWillSay(String transcript) {
		this.callerTranscripts.add(transcript);
		return this;
	}

	/**
	 * Sends caller transcriptions after the reply to the turn has started, as the API often does (transcription runs
	 * beside the response), instead of before it.
	 */
	public synchronized FakeRealtimeSession transcribeAfterReply() {
		this.transcriptionAfterReply = true;
		return this;
	}

	/** A response whose output is a function call; returns its {@code call_id}. */
	public synchronized String callTool(String name, String argumentsJson) {
		String responseId = nextId("resp");
		String itemId = nextId("item");
		String callId = nextId("call");
		this.callIds.add(callId);
		this.items.put(itemId, -1L);
		send(event("response.created").set("response", response(responseId, "in_progress", json.createArrayNode())));
		ObjectNode item = functionCallItem(itemId, callId, name, "", "in_progress");
		send(event("response.output_item.added").put("response_id", responseId).put("output_index", 0).set("item",
				item));
		send(event("conversation.item.added").putNull("previous_item_id").set("item", item.deepCopy()));
		send(event("response.function_call_arguments.delta").put("response_id", responseId)
			.put("item_id", itemId)
			.put("output_index", 0)
			.put("call_id", callId)
			.put("delta", argumentsJson));
		send(event("response.function_call_arguments.done").put("response_id", responseId)
			.put("item_id", itemId)
			.put("output_index", 0)
			.put("call_id", callId)
			.put("name", name)
			.put("arguments", argumentsJson));
		ObjectNode done = functionCallItem(itemId, callId, name, argumentsJson, "completed");
		send(event("response.output_item.done").put("response_id", responseId).put("output_index", 0).set("item",
				done));
		send(event("conversation.item.done").putNull("previous_item_id").set("item", done.deepCopy()));
		ArrayNode output = json.createArrayNode().add(done);
		send(event("response.done").set("response", response(responseId, "completed", output)));
		return callId;
	}

	/** An {@code error} event as the API sends it (the session stays open). */
	public synchronized void sendError(String type, String code, String message) {
		ObjectNode event = event("error");
		event.putObject("error").put("type", type).put("code", code).put("message", message).putNull("param")
			.putNull("event_id");
		this.errorsSent.add(event);
		send(event);
	}

	/** {@code rate_limits.updated} with the given remaining requests and tokens. */
	public synchronized void sendRateLimits(int remainingRequests, int remainingTokens) {
		ObjectNode event = event("rate_limits.updated");
		ArrayNode limits = event.putArray("rate_limits");
		limits.addObject().put("name", "requests").put("limit", 1000).put("remaining", remainingRequests)
			.put("reset_seconds", 1.5);
		limits.addObject().put("name", "tokens").put("limit", 50000).put("remaining", remainingTokens)
			.put("reset_seconds", 30.0);
		send(event);
	}

	/** Drops the TCP connection without a close frame, as a network failure would. */
	public void drop() {
		Connection connection = this.connection;
		if (connection != null) {
			connection.channel().close();
		}
	}

	/** Closes with a close frame, e.g. 1011 for a server failure. */
	public void close(int code, String reason) {
		this.out.sendClose(code, reason).subscribe();
	}

	// ---------------------------------------------------------------- inspection

	/** Every client event received, in order. */
	public List<JsonNode> received() {
		return List.copyOf(this.received);
	}

	/** The client events of one {@code type} received so far. */
	public List<JsonNode> received(String type) {
		return this.received.stream().filter((event) -> type.equals(event.path("type").asString(""))).toList();
	}

	/** Waits until the client's first {@code session.update} has been answered; returns this session. */
	public FakeRealtimeSession awaitConfigured() {
		awaitReceived("session.update");
		return this;
	}

	/** Waits for the first client event of {@code type}. */
	public JsonNode awaitReceived(String type) {
		return awaitReceived(type, 1).get(0);
	}

	/** Waits until {@code count} client events of {@code type} have arrived, and returns them all. */
	public List<JsonNode> awaitReceived(String type, int count) {
		long deadline = System.nanoTime() + OpenAiRealtimeFake.AWAIT.toNanos();
		while (received(type).size() < count) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("expected " + count + " '" + type + "' events within "
						+ OpenAiRealtimeFake.AWAIT + ", got " + received(type).size() + "; received types: "
						+ this.received.stream().map((e) -> e.path("type").asString("")).distinct().toList());
			}
			pause();
		}
		return received(type);
	}

	/** How many {@code input_audio_buffer.append} events arrived (kept in {@link #received()} or not). */
	public long appendsReceived() {
		return this.appends.get();
	}

	/** The {@code error} events this session sent (scripted or for malformed client events). */
	public List<JsonNode> errorsSent() {
		return List.copyOf(this.errorsSent);
	}

	/** The effective session configuration, as {@code session.updated} reports it. */
	public synchronized JsonNode config() {
		return this.config.deepCopy();
	}

	public String id() {
		return this.id;
	}

	/** The {@code model} query parameter of the upgrade request. */
	public String model() {
		return this.model;
	}

	public synchronized AudioFormat inputFormat() {
		return format(this.config.path("audio").path("input").path("format"));
	}

	public synchronized AudioFormat outputFormat() {
		return format(this.config.path("audio").path("output").path("format"));
	}

	/** How much caller audio arrived, in milliseconds of the input format. */
	public synchronized long appendedAudioMillis() {
		return this.inputMillis;
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

	synchronized void created() {
		send(event("session.created").set("session", sessionObject()));
		send(event("conversation.created").set("conversation",
				json.createObjectNode().put("id", nextId("conv")).put("object", "realtime.conversation")));
	}

	synchronized void refuse(String code, String message, int closeCode, String reason) {
		ObjectNode event = event("error");
		event.putObject("error").put("type", "invalid_request_error").put("code", code).put("message", message)
			.putNull("param").putNull("event_id");
		this.errorsSent.add(event);
		send(event);
		this.out.sendClose(closeCode, reason).subscribe();
	}

	void disconnected() {
		this.disconnected = true;
	}

	synchronized void receive(String text) {
		JsonNode event;
		try {
			event = this.json.readTree(text);
		}
		catch (JacksonException ex) {
			error("invalid_request_error", "invalid_json", "We could not parse the JSON body of your request.", null,
					null);
			return;
		}
		String type = event.path("type").asString(null);
		if ("input_audio_buffer.append".equals(type)) {
			this.appends.incrementAndGet();
		}
		if (this.options.keepAppends() || !"input_audio_buffer.append".equals(type)) {
			this.received.add(event);
		}
		String eventId = event.path("event_id").asString(null);
		if (type == null) {
			error("invalid_request_error", "missing_required_parameter", "Missing required parameter: 'type'.",
					"type", eventId);
			return;
		}
		if (!CLIENT_EVENTS.contains(type)) {
			error("invalid_request_error", "invalid_value", "Invalid value: '" + type + "'. Supported values are: "
					+ String.join(", ", CLIENT_EVENTS.stream().sorted().toList()) + ".", "type", eventId);
			return;
		}
		switch (type) {
			case "session.update" -> sessionUpdate(event.path("session"), eventId);
			case "input_audio_buffer.append" -> append(event.path("audio"), eventId);
			case "input_audio_buffer.commit" -> send(event("input_audio_buffer.committed").put("item_id",
					nextId("item")).putNull("previous_item_id"));
			case "input_audio_buffer.clear" -> send(event("input_audio_buffer.cleared"));
			case "conversation.item.create" -> itemCreate(event.path("item"), eventId);
			case "conversation.item.truncate" -> truncate(event, eventId);
			case "response.create" -> responseCreate(eventId);
			case "response.cancel" -> responseCancel(eventId);
			default -> {
				// retrieve/delete/output_audio_buffer.clear: accepted and recorded
			}
		}
	}

	// ---------------------------------------------------------------- client events

	private void sessionUpdate(JsonNode session, String eventId) {
		if (!session.isObject()) {
			error("invalid_request_error", "missing_required_parameter", "Missing required parameter: 'session'.",
					"session", eventId);
			return;
		}
		for (String field : BETA_SESSION_FIELDS) {
			if (session.has(field)) {
				refuse("beta_api_shape_disabled",
						"The Realtime Beta API is no longer supported. Please use /v1/realtime for the GA API.", 4000,
						"invalid_request_error.beta_api_shape_disabled");
				return;
			}
		}
		if (!"realtime".equals(session.path("type").asString(""))) {
			error("invalid_request_error", "missing_required_parameter",
					"Missing required parameter: 'session.type'.", "session.type", eventId);
			return;
		}
		for (String direction : List.of("input", "output")) {
			JsonNode format = session.path("audio").path(direction).path("format");
			if (!format.isMissingNode() && invalidFormat(format)) {
				error("invalid_request_error", "invalid_value", "Invalid audio format " + format + ".",
						"session.audio." + direction + ".format", eventId);
				return;
			}
		}
		JsonNode voice = session.path("audio").path("output").path("voice");
		if (!voice.isMissingNode() && !(voice.isString() && VOICES.contains(voice.asString()))
				&& !voice.path("id").isString()) {
			error("invalid_request_error", "invalid_value", "Invalid value: " + voice + ".",
					"session.audio.output.voice", eventId);
			return;
		}
		JsonNode turns = session.path("audio").path("input").path("turn_detection");
		if (!turns.isMissingNode() && !turns.isNull()
				&& !Set.of("server_vad", "semantic_vad").contains(turns.path("type").asString(""))) {
			error("invalid_request_error", "invalid_value", "Invalid turn_detection type.",
					"session.audio.input.turn_detection.type", eventId);
			return;
		}
		for (JsonNode tool : session.path("tools")) {
			if (!"function".equals(tool.path("type").asString("")) || tool.path("name").asString("").isBlank()
					|| tool.has("function") || !tool.path("parameters").isObject()) {
				error("invalid_request_error", "invalid_value",
						"Invalid tool " + tool.path("name") + ": expected {type:function, name, parameters}.",
						"session.tools", eventId);
				return;
			}
		}
		merge(this.config, session);
		send(event("session.updated").set("session", sessionObject()));
	}

	private static boolean invalidFormat(JsonNode format) {
		return switch (format.path("type").asString("")) {
			case "audio/pcmu", "audio/pcma" -> false;
			case "audio/pcm" -> format.path("rate").asInt(24000) != 24000;
			default -> true;
		};
	}

	private void append(JsonNode audio, String eventId) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(audio.asString(""));
		}
		catch (IllegalArgumentException ex) {
			bytes = null;
		}
		if (!audio.isString() || bytes == null) {
			error("invalid_request_error", "invalid_value", "Invalid 'audio'. Expected base64-encoded audio bytes.",
					"audio", eventId);
			return;
		}
		AudioFormat format = inputFormat();
		short[] samples = decode(bytes, format);
		long chunkMs = samples.length * 1000L / format.sampleRate();
		boolean loud = samples.length > 0 && Levels.of(samples).rms() > SPEECH_RMS;
		this.inputMillis += chunkMs;
		JsonNode turns = this.config.path("audio").path("input").path("turn_detection");
		if (turns.isNull() || turns.isMissingNode()) {
			return;
		}
		if (loud && !this.callerSpeaking) {
			this.callerSpeaking = true;
			this.silenceMs = 0;
			this.speechStartMs = this.inputMillis - chunkMs;
			this.userItemId = nextId("item");
			send(event("input_audio_buffer.speech_started").put("audio_start_ms", this.speechStartMs)
				.put("item_id", this.userItemId));
			if (this.activeReply != null && turns.path("interrupt_response").asBoolean(true)) {
				this.activeReply.end("cancelled", "turn_detected");
			}
		}
		else if (this.callerSpeaking) {
			this.silenceMs = loud ? 0 : this.silenceMs + chunkMs;
			if (this.silenceMs >= turns.path("silence_duration_ms").asLong(500)) {
				endCallerTurn(turns.path("create_response").asBoolean(true));
			}
		}
	}

	private void endCallerTurn(boolean createResponse) {
		this.callerSpeaking = false;
		String itemId = this.userItemId;
		send(event("input_audio_buffer.speech_stopped").put("audio_end_ms", this.inputMillis).put("item_id", itemId));
		send(event("input_audio_buffer.committed").put("item_id", itemId).putNull("previous_item_id"));
		ObjectNode item = json.createObjectNode().put("id", itemId).put("object", "realtime.item")
			.put("type", "message").put("role", "user").put("status", "completed");
		item.putArray("content").addObject().put("type", "input_audio").putNull("transcript");
		this.items.put(itemId, -1L);
		send(event("conversation.item.added").putNull("previous_item_id").set("item", item));
		send(event("conversation.item.done").putNull("previous_item_id").set("item", item));
		String transcript = this.callerTranscripts.isEmpty() ? "(caller speech)" : this.callerTranscripts.poll();
		if (!this.transcriptionAfterReply) {
			transcription(itemId, transcript);
		}
		if (createResponse && this.activeReply == null) {
			play(nextReply(), true);
		}
		if (this.transcriptionAfterReply) {
			transcription(itemId, transcript);
		}
	}

	private void transcription(String itemId, String transcript) {
		send(event("conversation.item.input_audio_transcription.delta").put("item_id", itemId)
			.put("content_index", 0).put("delta", transcript));
		ObjectNode completed = event("conversation.item.input_audio_transcription.completed").put("item_id", itemId)
			.put("content_index", 0).put("transcript", transcript);
		completed.putObject("usage").put("type", "duration").put("seconds", 1);
		send(completed);
	}

	private void itemCreate(JsonNode item, String eventId) {
		String type = item.path("type").asString("");
		String problem = switch (type) {
			case "message" -> messageProblem(item);
			case "function_call_output" -> !item.path("call_id").isString() || !item.path("output").isString()
					? "function_call_output needs a string 'call_id' and a string 'output'"
					: !this.callIds.contains(item.path("call_id").asString())
							? "Tool call ID '" + item.path("call_id").asString() + "' not found in conversation."
							: null;
			case "function_call" -> !item.path("call_id").isString() || !item.path("name").isString()
					|| !item.path("arguments").isString() ? "function_call needs call_id, name and arguments" : null;
			default -> "Invalid item type '" + type + "'.";
		};
		if (problem != null) {
			error("invalid_request_error", "invalid_value", problem, "item", eventId);
			return;
		}
		if ("function_call".equals(type)) {
			this.callIds.add(item.path("call_id").asString());
		}
		String itemId = item.path("id").asString(nextId("item"));
		this.items.put(itemId, -1L);
		ObjectNode added = (ObjectNode) item.deepCopy();
		added.put("id", itemId).put("object", "realtime.item").put("status", "completed");
		send(event("conversation.item.added").putNull("previous_item_id").set("item", added));
		send(event("conversation.item.done").putNull("previous_item_id").set("item", added.deepCopy()));
	}

	private static String messageProblem(JsonNode item) {
		String role = item.path("role").asString("");
		Set<String> allowed = switch (role) {
			case "user" -> Set.of("input_text", "input_audio", "input_image");
			case "system" -> Set.of("input_text");
			case "assistant" -> Set.of("output_text", "output_audio");
			default -> null;
		};
		if (allowed == null) {
			return "Invalid message role '" + role + "'.";
		}
		if (!item.path("content").isArray() || item.path("content").isEmpty()) {
			return "A message needs a non-empty 'content' array.";
		}
		for (JsonNode part : item.path("content")) {
			if (!allowed.contains(part.path("type").asString(""))) {
				return "Invalid content type '" + part.path("type").asString("") + "' for role '" + role + "'.";
			}
		}
		return null;
	}

	private void truncate(JsonNode event, String eventId) {
		String itemId = event.path("item_id").asString(null);
		Long audioMs = (itemId != null) ? this.items.get(itemId) : null;
		if (audioMs == null || audioMs < 0) {
			error("invalid_request_error", "invalid_value", "Item '" + itemId + "' is not an assistant audio item.",
					"item_id", eventId);
			return;
		}
		if (event.path("content_index").asInt(-1) != 0 || !event.path("audio_end_ms").isIntegralNumber()
				|| event.path("audio_end_ms").asLong() < 0) {
			error("invalid_request_error", "invalid_value", "content_index must be 0 and audio_end_ms a whole "
					+ "number of milliseconds.", "audio_end_ms", eventId);
			return;
		}
		long end = event.path("audio_end_ms").asLong();
		if (end > audioMs) {
			error("invalid_request_error", "invalid_value", "Audio content of " + audioMs
					+ "ms is shorter than " + end + "ms", "audio_end_ms", eventId);
			return;
		}
		this.items.put(itemId, end);
		send(event("conversation.item.truncated").put("item_id", itemId).put("content_index", 0)
			.put("audio_end_ms", end));
	}

	private void responseCreate(String eventId) {
		if (this.activeReply != null) {
			error("invalid_request_error", "conversation_already_has_active_response",
					"Conversation already has an active response in progress: " + this.activeReply.responseId
							+ ". Wait until the response is finished before creating a new one.",
					null, eventId);
			return;
		}
		play(nextReply(), true);
	}

	private void responseCancel(String eventId) {
		if (this.activeReply == null) {
			error("invalid_request_error", "response_cancel_not_active",
					"Cancellation failed: no active response found", null, eventId);
			return;
		}
		this.activeReply.end("cancelled", "client_cancelled");
	}

	// ---------------------------------------------------------------- replies

	private Reply nextReply() {
		return this.queuedReplies.isEmpty() ? new Reply("Okay.", this.options.defaultReply()) : this.queuedReplies.poll();
	}

	private void play(Reply reply, boolean finish) {
		if (this.activeReply != null) {
			this.activeReply.end("cancelled", "client_cancelled");
		}
		this.activeReply = reply;
		String r = reply.responseId;
		String i = reply.itemId;
		this.items.put(i, 0L);
		send(event("response.created").set("response", response(r, "in_progress", json.createArrayNode())));
		ObjectNode item = assistantItem(i, "in_progress", null);
		send(event("response.output_item.added").put("response_id", r).put("output_index", 0).set("item", item));
		send(event("conversation.item.added").putNull("previous_item_id").set("item", item.deepCopy()));
		send(partEvent("response.content_part.added", reply).set("part",
				json.createObjectNode().put("type", "audio").put("transcript", "")));
		AudioFormat format = outputFormat();
		if (!this.options.streamsReplies()) {
			long chunks = Math.max(1, (reply.audio.toMillis() + DELTA.toMillis() - 1) / DELTA.toMillis());
			for (int n = 0; n < chunks; n++) {
				sendAudioDelta(reply, format, n, chunks, DELTA.toMillis());
			}
			if (finish) {
				reply.finish();
			}
			return;
		}
		long chunkMs = this.options.replyChunk().toMillis();
		reply.streaming = true;
		reply.finishWhenSent = finish;
		stream(reply, format, System.nanoTime(), 0, Math.max(1, (reply.audio.toMillis() + chunkMs - 1) / chunkMs));
	}

	/**
	 * Sends the reply's deltas that are due, then schedules itself for the next one: delta {@code n} is due
	 * {@code n × chunk − ahead} after the reply started. Stops when the reply was cancelled or ended.
	 */
	private void stream(Reply reply, AudioFormat format, long startNanos, int first, long chunks) {
		long chunkNanos = this.options.replyChunk().toNanos();
		long aheadNanos = this.options.replyAhead().toNanos();
		int next = first;
		synchronized (this) {
			if (reply.status != null || this.disconnected) {
				return;
			}
			do {
				sendAudioDelta(reply, format, next, chunks, this.options.replyChunk().toMillis());
				// The first delta starts playback; each later one must leave before the audio ahead of it has played.
				if (next > 0 && !reply.late && System.nanoTime() > startNanos + next * chunkNanos) {
					reply.late = true;
					this.options.lateReplies().incrementAndGet();
				}
				next++;
			}
			while (next < chunks && startNanos + next * chunkNanos - aheadNanos <= System.nanoTime());
			if (next == chunks) {
				reply.streaming = false;
				if (reply.finishWhenSent) {
					reply.end("completed", null);
				}
				return;
			}
		}
		int following = next;
		long delay = startNanos + following * chunkNanos - aheadNanos - System.nanoTime();
		this.options.timer().schedule(() -> stream(reply, format, startNanos, following, chunks), Math.max(0, delay),
				TimeUnit.NANOSECONDS);
	}

	/** Delta {@code n} of {@code chunks}, {@code chunkMs} long (the last one may be shorter), with its words. */
	private void sendAudioDelta(Reply reply, AudioFormat format, int n, long chunks, long chunkMs) {
		long ms = Math.min(chunkMs, reply.audio.toMillis() - n * chunkMs);
		send(partEvent("response.output_audio.delta", reply).put("delta",
				Base64.getEncoder().encodeToString(tone(format, ms))));
		this.items.put(reply.itemId, this.items.get(reply.itemId) + ms);
		String[] words = reply.words;
		if (n < words.length) {
			send(partEvent("response.output_audio_transcript.delta", reply).put("delta",
					(n == chunks - 1) ? String.join("", List.of(words).subList(n, words.length)) : words[n]));
		}
	}

	private byte[] tone(AudioFormat format, long millis) {
		int count = (int) (format.sampleRate() * millis / 1000);
		short[] samples = new short[count];
		double step = 2 * Math.PI * 440 / format.sampleRate();
		for (int n = 0; n < count; n++) {
			samples[n] = (short) (8000 * Math.sin(this.tonePhase));
			this.tonePhase += step;
		}
		return switch (format.encoding()) {
			case ULAW -> G711.encodeUlaw(samples);
			case ALAW -> G711.encodeAlaw(samples);
			case PCM16 -> Pcm16.toBytes(samples);
		};
	}

	private static short[] decode(byte[] bytes, AudioFormat format) {
		return switch (format.encoding()) {
			case ULAW -> G711.decodeUlaw(bytes);
			case ALAW -> G711.decodeAlaw(bytes);
			case PCM16 -> Pcm16.toShorts((bytes.length % 2 == 0) ? bytes : java.util.Arrays.copyOf(bytes,
					bytes.length - 1));
		};
	}

	/** A scripted assistant reply; {@link #finish()} ends one started with {@link #startSpeaking}. */
	public final class Reply {

		private final String transcript;

		private final Duration audio;

		final String responseId = nextId("resp");

		final String itemId = nextId("item");

		private final String[] words;

		private String status;

		/** A delta of this streamed reply left after its own playback time. */
		private boolean late;

		/** Streamed audio is still being sent; {@link #finish()} then waits for its end. */
		private boolean streaming;

		private boolean finishWhenSent;

		Reply(String transcript, Duration audio) {
			this.transcript = transcript;
			this.audio = audio;
			this.words = transcript.split("(?<= )");
		}

		/** The {@code item_id} of the reply's audio (what a truncate must name). */
		public String itemId() {
			return this.itemId;
		}

		public String responseId() {
			return this.responseId;
		}

		/** completed, cancelled, or {@code null} while in progress. */
		public String status() {
			synchronized (FakeRealtimeSession.this) {
				return this.status;
			}
		}

		/**
		 * Sends the done events and {@code response.done} (completed), if the reply is still in progress; a streamed
		 * reply finishes after its last delta.
		 */
		public void finish() {
			synchronized (FakeRealtimeSession.this) {
				if (this.streaming) {
					this.finishWhenSent = true;
				}
				else {
					end("completed", null);
				}
			}
		}

		void end(String status, String reason) {
			if (this.status != null) {
				return;
			}
			this.status = status;
			if (FakeRealtimeSession.this.activeReply == this) {
				FakeRealtimeSession.this.activeReply = null;
			}
			boolean completed = "completed".equals(status);
			send(partEvent("response.output_audio.done", this));
			send(partEvent("response.output_audio_transcript.done", this).put("transcript", this.transcript));
			send(partEvent("response.content_part.done", this).set("part",
					json.createObjectNode().put("type", "audio").put("transcript", this.transcript)));
			ObjectNode item = assistantItem(this.itemId, completed ? "completed" : "incomplete", this.transcript);
			send(event("response.output_item.done").put("response_id", this.responseId).put("output_index", 0)
				.set("item", item));
			send(event("conversation.item.done").putNull("previous_item_id").set("item", item.deepCopy()));
			ObjectNode response = response(this.responseId, status, json.createArrayNode().add(item.deepCopy()));
			if (reason != null) {
				response.putObject("status_details").put("type", status).put("reason", reason);
			}
			send(event("response.done").set("response", response));
			sendRateLimits(999, 49000);
		}

	}

	// ---------------------------------------------------------------- JSON helpers

	private ObjectNode partEvent(String type, Reply reply) {
		return event(type).put("response_id", reply.responseId).put("item_id", reply.itemId).put("output_index", 0)
			.put("content_index", 0);
	}

	private ObjectNode assistantItem(String itemId, String status, String transcript) {
		ObjectNode item = json.createObjectNode().put("id", itemId).put("object", "realtime.item")
			.put("type", "message").put("role", "assistant").put("status", status);
		ObjectNode part = item.putArray("content").addObject().put("type", "output_audio");
		if (transcript != null) {
			part.put("transcript", transcript);
		}
		return item;
	}

	private ObjectNode functionCallItem(String itemId, String callId, String name, String arguments, String status) {
		return json.createObjectNode().put("id", itemId).put("object", "realtime.item").put("type", "function_call")
			.put("status", status).put("call_id", callId).put("name", name).put("arguments", arguments);
	}

	private ObjectNode response(String responseId, String status, ArrayNode output) {
		ObjectNode response = json.createObjectNode().put("id", responseId).put("object", "realtime.response")
			.put("status", status).putNull("status_details");
		response.set("output", output);
		response.putArray("output_modalities").add("audio");
		if (!"in_progress".equals(status)) {
			ObjectNode usage = response.putObject("usage").put("total_tokens", 253).put("input_tokens", 132)
				.put("output_tokens", 121);
			usage.putObject("input_token_details").put("text_tokens", 119).put("audio_tokens", 13)
				.put("image_tokens", 0).put("cached_tokens", 64);
			usage.putObject("output_token_details").put("text_tokens", 30).put("audio_tokens", 91);
		}
		return response;
	}

	private ObjectNode sessionObject() {
		ObjectNode session = this.config.deepCopy();
		session.put("id", this.id).put("object", "realtime.session");
		return session;
	}

	private ObjectNode defaultConfig() {
		ObjectNode session = json.createObjectNode().put("type", "realtime").put("model", this.model)
			.put("instructions", "");
		session.putArray("output_modalities").add("audio");
		ObjectNode input = session.putObject("audio").putObject("input");
		input.putObject("format").put("type", "audio/pcm").put("rate", 24000);
		input.putNull("transcription");
		input.putNull("noise_reduction");
		input.putObject("turn_detection").put("type", "server_vad").put("threshold", 0.5)
			.put("prefix_padding_ms", 300).put("silence_duration_ms", 200).put("create_response", true)
			.put("interrupt_response", true).putNull("idle_timeout_ms");
		ObjectNode output = ((ObjectNode) session.path("audio")).putObject("output");
		output.putObject("format").put("type", "audio/pcm").put("rate", 24000);
		output.put("voice", "marin").put("speed", 1.0);
		session.putArray("tools");
		session.put("tool_choice", "auto").put("max_output_tokens", "inf");
		return session;
	}

	/** session.update semantics: objects merge field by field, everything else (arrays, null) replaces. */
	private static void merge(ObjectNode target, JsonNode update) {
		for (Map.Entry<String, JsonNode> field : update.properties()) {
			JsonNode existing = target.get(field.getKey());
			if (existing instanceof ObjectNode object && field.getValue().isObject()
					&& !"format".equals(field.getKey()) && !"turn_detection".equals(field.getKey())) {
				merge(object, field.getValue());
			}
			else {
				target.set(field.getKey(), field.getValue().deepCopy());
			}
		}
	}

	private static AudioFormat format(JsonNode format) {
		return switch (format.path("type").asString("audio/pcm")) {
			case "audio/pcmu" -> AudioFormat.ULAW_8K;
			case "audio/pcma" -> AudioFormat.ALAW_8K;
			default -> AudioFormat.PCM16_24K;
		};
	}

	private void error(String type, String code, String message, String param, String clientEventId) {
		ObjectNode event = event("error");
		ObjectNode error = event.putObject("error").put("type", type).put("code", code).put("message", message);
		error.put("param", param);
		error.put("event_id", clientEventId);
		this.errorsSent.add(event);
		send(event);
	}

	private ObjectNode event(String type) {
		return json.createObjectNode().put("event_id", nextId("event")).put("type", type);
	}

	private String nextId(String prefix) {
		return prefix + "_" + this.id.substring(5) + this.ids.incrementAndGet();
	}

	private void send(ObjectNode event) {
		this.sentAt.putIfAbsent(event.path("type").asString(""), System.nanoTime());
		this.outgoing.tryEmitNext(this.json.writeValueAsString(event));
	}

	/** When an event of {@code type} was first sent ({@link System#nanoTime}), or -1 if never. */
	public long firstSentNanos(String type) {
		return this.sentAt.getOrDefault(type, -1L);
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
