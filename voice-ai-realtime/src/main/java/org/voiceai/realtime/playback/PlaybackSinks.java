package org.voiceai.realtime.playback;

import tools.jackson.databind.json.JsonMapper;

import org.voiceai.realtime.call.CallContext;
import org.voiceai.realtime.config.RealtimeProperties;
import org.voiceai.realtime.esl.EslCommands;

/** Builds the {@link PlaybackSink} for a call's return mode. */
public class PlaybackSinks {

	private final RealtimeProperties properties;

	private final EslCommands esl;

	private final JsonMapper json;

	public PlaybackSinks(RealtimeProperties properties, EslCommands esl, JsonMapper json) {
		this.properties = properties;
		this.esl = esl;
		this.json = json;
	}

	public PlaybackSink create(CallContext call, StreamOutput output) {
		int rate = call.request().callerFormat().sampleRate();
		return switch (call.request().returnMode()) {
			case RAW -> new RawPcmPlayback(output, rate);
			case JSON -> new StreamAudioJsonPlayback(output, rate, this.properties.jsonClearMessage());
			case FILE -> new FileEslPlayback(output, this.esl, call.callUuid(), this.json, rate,
					this.properties.fileChunk());
		};
	}

}
