package org.voiceai.realtime.playback;

import java.util.Base64;

import org.voiceai.realtime.config.ReturnMode;

/**
 * {@code {"type":"streamAudio","data":{"audioDataType":"raw","sampleRate":N,"audioData":"<base64>"}}} per frame: the
 * forks that inject this audio live into the call. On barge-in the configured clear message is sent.
 */
public final class StreamAudioJsonPlayback implements PlaybackSink {

	private final StreamOutput output;

	private final String prefix;

	private final String clearMessage;

	public StreamAudioJsonPlayback(StreamOutput output, int sampleRate, String clearMessage) {
		this.output = output;
		this.prefix = "{\"type\":\"streamAudio\",\"data\":{\"audioDataType\":\"raw\",\"sampleRate\":" + sampleRate
				+ ",\"audioData\":\"";
		this.clearMessage = clearMessage;
	}

	@Override
	public ReturnMode mode() {
		return ReturnMode.JSON;
	}

	@Override
	public void play(byte[] frame) {
		this.output.sendText(this.prefix + Base64.getEncoder().encodeToString(frame) + "\"}}");
	}

	@Override
	public void clear() {
		this.output.sendText(this.clearMessage);
	}

}
