package org.voiceai.realtime.playback;

import org.voiceai.realtime.config.ReturnMode;

/**
 * Binary 16-bit PCM frames, announced once with {@code {"type":"rawAudio","data":{"sampleRate":N}}}: what the
 * commercial mod_audio_stream plays with {@code STREAM_PLAYBACK=true}, and what the binary-playback forks accept.
 * On barge-in the bridge stops sending and asks forks that buffer to flush ({@code clearAudio}); the commercial build
 * ignores that text and plays at most the pacer's lead.
 */
public final class RawPcmPlayback implements PlaybackSink {

	private final StreamOutput output;

	private final int sampleRate;

	private boolean announced;

	public RawPcmPlayback(StreamOutput output, int sampleRate) {
		this.output = output;
		this.sampleRate = sampleRate;
	}

	@Override
	public ReturnMode mode() {
		return ReturnMode.RAW;
	}

	@Override
	public void play(byte[] frame) {
		if (!this.announced) {
			this.output.sendText("{\"type\":\"rawAudio\",\"data\":{\"sampleRate\":" + this.sampleRate + "}}");
			this.announced = true;
		}
		this.output.sendBinary(frame);
	}

	@Override
	public void clear() {
		this.output.sendText("{\"type\":\"clearAudio\"}");
	}

}
