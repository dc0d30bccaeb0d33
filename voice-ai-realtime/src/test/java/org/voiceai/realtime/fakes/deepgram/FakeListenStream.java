package org.voiceai.realtime.fakes.deepgram;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.netty.Connection;
import reactor.netty.http.websocket.WebsocketOutbound;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.voiceai.audio.G711;
import org.voiceai.audio.Levels;
import org.voiceai.audio.Pcm16;

/**
 * One live stream of the {@link DeepgramLiveFake}: it records what the client sends and transcribes "speech" found
 * by energy, on the stream's own audio clock (so results do not depend on how fast the test sends).
 * <p>
 * Behaviour, as Deepgram behaves: binary frames are audio in the handshake's {@code encoding} and
 * {@code sample_rate}; audio louder than {@value #SPEECH_RMS} RMS is speech. When speech starts the stream sends
 * {@code SpeechStarted} (with {@code vad_events=true}) and picks the utterance's transcript (the next of
 * {@link #callerWillSay}, else {@value #DEFAULT_TRANSCRIPT}); after {@value #INTERIM_AFTER_MS} ms of speech an
 * interim {@code Results} ({@code is_final:false}, with {@code interim_results=true}) carries its first word. Once
 * the speech has been quiet for {@code endpointing} ms (default 10; {@code endpointing=false} turns it off) a final
 * {@code Results} ({@code is_final:true, speech_final:true}) carries the whole transcript; with
 * {@code utterance_end_ms}, an {@code UtteranceEnd} follows once the words have been quiet that long (without
 * endpointing, the final {@code Results} comes then, with {@code speech_final:false}). {@code KeepAlive} keeps an
 * idle stream open; {@code Finalize} flushes ({@code from_finalize:true}); {@code CloseStream} flushes, sends
 * {@code Metadata} and closes 1000. A stream that hears nothing for the fake's idle timeout closes with 1011 and
 * Deepgram's NET-0001 reason. Any other text message is recorded as a problem.
 */
public final class FakeListenStream {

	/** Audio louder than this RMS (about -30 dBFS) is speech. */
	public static final int SPEECH_RMS = 1000;

	static final int INTERIM_AFTER_MS = 200;

	static final String DEFAULT_TRANSCRIPT = "hello";

	static final String IDLE_REASON = "Deepgram did not receive audio data or a text message within the timeout "
			+ "window. See https://dpgr.am/net0001";

	private final JsonMapper json;

	private final Map<String, List<String>> query;

	private final String requestId;

	private final WebsocketOutbound out;

	private final Sinks.Many<String> outgoing = Sinks.many().unicast().onBackpressureBuffer();

	private final List<JsonNode> received = new CopyOnWriteArrayList<>();

	private final List<String> sent = new CopyOnWriteArrayList<>();

	private final List<String> problems = new CopyOnWriteArrayList<>();

	private final Queue<String> transcripts = new ArrayDeque<>();

	private final boolean mulaw;

	private final int sampleRate;

	private final int endpointingMs;

	private final int utteranceEndMs;

	private final Disposable idleWatch;

	private volatile Connection connection;

	private volatile boolean disconnected;

	private volatile long lastHeardNanos = System.nanoTime();

	private volatile long audioBytes;

	// Transcription state, guarded by this.

	private long audioMillis;

	private boolean speaking;

	private boolean interimSent;

	private String transcript;

	private long speechStartMs;

	private long lastLoudMs;

	private String lastFinal;

	private long lastWordEndMs = -1;

	private boolean closed;

	FakeListenStream(JsonMapper json, Map<String, List<String>> query, String requestId, Duration idleTimeout,
			WebsocketOutbound out) {
		this.json = json;
		this.query = query;
		this.requestId = requestId;
		this.out = out;
		this.mulaw = "mulaw".equals(parameter("encoding"));
		this.sampleRate = Integer.parseInt(parameter("sample_rate"));
		String endpointing = parameter("endpointing");
		this.endpointingMs = "false".equals(endpointing) ? -1 : (endpointing != null) ? Integer.parseInt(endpointing) : 10;
		String utteranceEnd = parameter("utterance_end_ms");
		this.utteranceEndMs = (utteranceEnd != null) ? Integer.parseInt(utteranceEnd) : -1;
		this.idleWatch = Flux.interval(Duration.ofMillis(100)).subscribe((tick) -> {
			if (System.nanoTime() - this.lastHeardNanos > idleTimeout.toNanos()) {
				close(1011, IDLE_REASON);
			}
		});
	}

	// ---------------------------------------------------------------- scripting

	/** The transcript of the next utterance the energy detector finds. */
	public synchronized FakeListenStream callerWillSay(String text) {
		this.transcripts.add(text);
		return this;
	}

	/** Closes with a close frame, as Deepgram does on an internal error (1011) or a bad message (1008). */
	public void close(int code, String reason) {
		synchronized (this) {
			if (this.closed) {
				return;
			}
			this.closed = true;
		}
		this.idleWatch.dispose();
		this.out.sendClose(code, reason).subscribe(null, (error) -> {
		});
	}

	/** Drops the TCP connection without a close frame, as a network failure would. */
	public void drop() {
		this.idleWatch.dispose();
		Connection current = this.connection;
		if (current != null) {
			current.channel().close();
		}
	}

	// ---------------------------------------------------------------- inspection

	/** A query parameter of the handshake, or null. */
	public String parameter(String name) {
		List<String> values = this.query.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	/** Every text message the client sent, parsed, in order. */
	public List<JsonNode> received() {
		return List.copyOf(this.received);
	}

	/** How many text messages of this {@code type} the client sent. */
	public long count(String type) {
		return this.received.stream().filter((message) -> type.equals(message.path("type").asString())).count();
	}

	/** Every message this stream sent, as JSON text. */
	public List<String> sent() {
		return List.copyOf(this.sent);
	}

	/** Messages a real server would not have accepted. */
	public List<String> problems() {
		return List.copyOf(this.problems);
	}

	/** Milliseconds of audio received. */
	public synchronized long audioMillis() {
		return this.audioMillis;
	}

	public long audioBytes() {
		return this.audioBytes;
	}

	public boolean isDisconnected() {
		return this.disconnected;
	}

	/** Waits until the client has sent a text message of this {@code type}. */
	public JsonNode awaitReceived(String type) {
		long deadline = System.nanoTime() + DeepgramLiveFake.AWAIT.toNanos();
		while (true) {
			for (JsonNode message : this.received) {
				if (type.equals(message.path("type").asString())) {
					return message;
				}
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("no " + type + " within " + DeepgramLiveFake.AWAIT + "; received "
						+ this.received);
			}
			pause();
		}
	}

	/** Waits until the client has disconnected. */
	public FakeListenStream awaitDisconnected() {
		long deadline = System.nanoTime() + DeepgramLiveFake.AWAIT.toNanos();
		while (!this.disconnected) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("the client did not disconnect within " + DeepgramLiveFake.AWAIT);
			}
			pause();
		}
		return this;
	}

	// ---------------------------------------------------------------- protocol

	void attach(Connection connection) {
		this.connection = connection;
	}

	Flux<String> outgoing() {
		return this.outgoing.asFlux();
	}

	void disconnected() {
		this.disconnected = true;
		this.idleWatch.dispose();
	}

	synchronized void receiveAudio(byte[] bytes) {
		this.lastHeardNanos = System.nanoTime();
		this.audioBytes += bytes.length;
		short[] samples = this.mulaw ? G711.decodeUlaw(bytes)
				: Pcm16.toShorts((bytes.length % 2 == 0) ? bytes : Arrays.copyOf(bytes, bytes.length - 1));
		long chunkMs = samples.length * 1000L / this.sampleRate;
		boolean loud = samples.length > 0 && Levels.of(samples).rms() > SPEECH_RMS;
		this.audioMillis += chunkMs;
		if (loud) {
			this.lastLoudMs = this.audioMillis;
			if (!this.speaking) {
				startSpeech();
			}
			else if (!this.interimSent && "true".equals(parameter("interim_results"))
					&& this.audioMillis - this.speechStartMs >= INTERIM_AFTER_MS) {
				this.interimSent = true;
				send(results(this.transcript.split(" ")[0], false, false, false));
			}
			return;
		}
		long quiet = this.audioMillis - this.lastLoudMs;
		if (this.speaking && this.endpointingMs >= 0 && quiet >= this.endpointingMs) {
			finishSpeech(true, false);
		}
		if ((this.speaking || this.lastWordEndMs >= 0) && this.utteranceEndMs > 0 && quiet >= this.utteranceEndMs) {
			if (this.speaking) {
				finishSpeech(false, false);
			}
			ObjectNode end = event("UtteranceEnd");
			end.set("channel", channel());
			end.put("last_word_end", this.lastWordEndMs / 1000.0);
			send(end);
			this.lastWordEndMs = -1;
		}
	}

	synchronized void receiveText(String text) {
		this.lastHeardNanos = System.nanoTime();
		JsonNode message;
		try {
			message = this.json.readTree(text);
		}
		catch (JacksonException ex) {
			this.problems.add("not JSON: " + text);
			return;
		}
		this.received.add(message);
		switch (message.path("type").asString("")) {
			case "KeepAlive" -> {
				// keeps the stream open, nothing else
			}
			case "Finalize" -> {
				if (this.speaking) {
					finishSpeech(false, true);
				}
			}
			case "CloseStream" -> {
				if (this.speaking) {
					finishSpeech(false, true);
				}
				ObjectNode metadata = event("Metadata");
				metadata.put("transaction_key", "deprecated").put("request_id", this.requestId)
					.put("sha256", "0".repeat(64)).put("created", "2026-01-01T00:00:00.000Z")
					.put("duration", this.audioMillis / 1000.0).put("channels", 1);
				send(metadata);
				close(1000, "");
			}
			default -> this.problems.add("unknown message: " + text);
		}
	}

	private void startSpeech() {
		this.speaking = true;
		this.interimSent = false;
		this.speechStartMs = this.audioMillis;
		this.transcript = this.transcripts.isEmpty() ? DEFAULT_TRANSCRIPT : this.transcripts.poll();
		if ("true".equals(parameter("vad_events"))) {
			ObjectNode started = event("SpeechStarted");
			started.set("channel", channel());
			started.put("timestamp", this.speechStartMs / 1000.0);
			send(started);
		}
	}

	private void finishSpeech(boolean speechFinal, boolean fromFinalize) {
		this.speaking = false;
		this.lastFinal = this.transcript;
		this.lastWordEndMs = this.lastLoudMs;
		send(results(this.transcript, true, speechFinal, fromFinalize));
	}

	private ObjectNode results(String text, boolean isFinal, boolean speechFinal, boolean fromFinalize) {
		ObjectNode results = event("Results");
		results.set("channel_index", channel());
		long end = Math.max(this.lastLoudMs, this.speechStartMs + 1);
		results.put("duration", (end - this.speechStartMs) / 1000.0).put("start", this.speechStartMs / 1000.0)
			.put("is_final", isFinal).put("speech_final", speechFinal).put("from_finalize", fromFinalize);
		ObjectNode alternative = results.putObject("channel").putArray("alternatives").addObject();
		alternative.put("transcript", text).put("confidence", 0.98);
		ArrayNode words = alternative.putArray("words");
		String[] split = text.split(" ");
		double step = (end - this.speechStartMs) / 1000.0 / split.length;
		for (int i = 0; i < split.length; i++) {
			words.addObject().put("word", split[i].replaceAll("\\p{Punct}", "").toLowerCase())
				.put("start", this.speechStartMs / 1000.0 + i * step)
				.put("end", this.speechStartMs / 1000.0 + (i + 1) * step)
				.put("confidence", 0.98)
				.put("punctuated_word", split[i]);
		}
		ObjectNode metadata = results.putObject("metadata");
		metadata.put("request_id", this.requestId);
		metadata.putObject("model_info").put("name", "general-" + parameter("model")).put("version", "2026-01-01")
			.put("arch", parameter("model"));
		metadata.put("model_uuid", UUID.nameUUIDFromBytes(String.valueOf(parameter("model")).getBytes()).toString());
		return results;
	}

	private ArrayNode channel() {
		return this.json.createArrayNode().add(0).add(1);
	}

	/** The transcript of the last finished utterance, or null. */
	public synchronized String lastTranscript() {
		return this.lastFinal;
	}

	private ObjectNode event(String type) {
		return this.json.createObjectNode().put("type", type);
	}

	private void send(ObjectNode message) {
		String text = this.json.writeValueAsString(message);
		this.sent.add(text);
		synchronized (this.outgoing) {
			this.outgoing.tryEmitNext(text);
		}
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
