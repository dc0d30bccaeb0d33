package org.voiceai.realtime.playback;

import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.TreeMap;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.voiceai.realtime.config.ReturnMode;
import org.voiceai.realtime.esl.EslCommands;
import org.voiceai.realtime.esl.EslEvent;

/**
 * The open-source mod_audio_stream: it never plays what it receives. Each {@code streamAudio} message becomes a file
 * and a {@code mod_audio_stream::play} event naming it; this sink then plays the files in order with
 * {@code uuid_broadcast} and, on barge-in, stops them with {@code uuid_break}. Audio goes out in chunks of
 * {@code chunk} length because broadcasting many tiny files sounds choppy. Each message carries {@code seq} and
 * {@code gen}, which the module echoes in the event: files of an interrupted reply ({@code gen} older than the
 * current one) are never played, and files are played in {@code seq} order even if events overtake each other.
 */
public final class FileEslPlayback implements PlaybackSink {

	private static final Logger logger = LoggerFactory.getLogger(FileEslPlayback.class);

	static final String PLAY_EVENT = "mod_audio_stream::play";

	private final StreamOutput output;

	private final EslCommands esl;

	private final UUID call;

	private final JsonMapper json;

	private final int sampleRate;

	private final Duration chunk;

	private final byte[] buffer;

	private int buffered;

	private long nextSeq;

	private long nextToPlay;

	private long generation;

	private final TreeMap<Long, String> announced = new TreeMap<>();

	public FileEslPlayback(StreamOutput output, EslCommands esl, UUID call, JsonMapper json, int sampleRate,
			Duration chunk) {
		this.output = output;
		this.esl = esl;
		this.call = call;
		this.json = json;
		this.sampleRate = sampleRate;
		this.chunk = chunk;
		this.buffer = new byte[(int) (sampleRate * 2L * chunk.toMillis() / 1000)];
	}

	@Override
	public ReturnMode mode() {
		return ReturnMode.FILE;
	}

	@Override
	public Duration extraLead() {
		return this.chunk;
	}

	@Override
	public void play(byte[] frame) {
		int offset = 0;
		while (offset < frame.length) {
			int take = Math.min(frame.length - offset, this.buffer.length - this.buffered);
			System.arraycopy(frame, offset, this.buffer, this.buffered, take);
			this.buffered += take;
			offset += take;
			if (this.buffered == this.buffer.length) {
				sendChunk();
			}
		}
	}

	@Override
	public void idle() {
		if (this.buffered > 0) {
			sendChunk();
		}
	}

	@Override
	public void clear() {
		this.generation++;
		this.buffered = 0;
		this.announced.clear();
		this.nextToPlay = this.nextSeq;
		this.esl.breakAll(this.call.toString())
			.subscribe(null, (error) -> logger.warn("uuid_break failed for call {}: {}", this.call, error.getMessage()));
	}

	@Override
	public void onEslEvent(EslEvent event) {
		if (!event.isCustom(PLAY_EVENT)) {
			return;
		}
		JsonNode body;
		try {
			body = this.json.readTree(event.body());
		}
		catch (RuntimeException ex) {
			logger.warn("Unreadable {} event for call {}: {}", PLAY_EVENT, this.call, ex.getMessage());
			return;
		}
		String file = body.path("file").asString(null);
		if (file == null || !body.has("seq") || body.path("gen").asLong(-1) != this.generation) {
			return;
		}
		this.announced.put(body.path("seq").asLong(), file);
		while (this.announced.containsKey(this.nextToPlay)) {
			String next = this.announced.remove(this.nextToPlay++);
			this.esl.broadcast(this.call.toString(), next)
				.subscribe(null, (error) -> logger.warn("uuid_broadcast failed for call {}: {}", this.call,
						error.getMessage()));
		}
	}

	private void sendChunk() {
		String audio = Base64.getEncoder().encodeToString(Arrays.copyOf(this.buffer, this.buffered));
		this.output.sendText("{\"type\":\"streamAudio\",\"data\":{\"audioDataType\":\"raw\",\"sampleRate\":"
				+ this.sampleRate + ",\"seq\":" + this.nextSeq++ + ",\"gen\":" + this.generation
				+ ",\"audioData\":\"" + audio + "\"}}");
		this.buffered = 0;
	}

}
