package org.voiceai.realtime.config;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import org.voiceai.realtime.audio.Pacing;

/**
 * The bridge's settings ({@code voice-ai.realtime.*}); per-call limits come from the secretary's row.
 *
 * @param returnMode how agent audio goes back to FreeSWITCH when the stream URL does not say
 * @param lead how far ahead of real time paced audio may run: the most the caller can still hear after a barge-in
 * @param prebuffer how much of a reply's audio, beyond the lead, is gathered (waiting at most that long) before its
 *        first frame goes out: slack for providers that stream at real time, nothing lost with those that send faster
 * @param fileChunk the length of each file in {@link ReturnMode#FILE}; broadcasting many tiny files sounds choppy
 * @param maxFrameBytes the largest WebSocket frame accepted from FreeSWITCH (bigger frames close that call)
 * @param defaultSampleRate the caller's sample rate when the URL does not give one
 * @param providerConnectTimeout how long the provider may take to accept a session
 * @param actionTimeout how long a transfer or hang-up waits for its announcement to finish playing
 * @param jsonClearMessage the text frame that makes a {@link ReturnMode#JSON} fork drop buffered audio
 * @param serviceUrl voice-ai-service, for the knowledge-base tool
 */
@ConfigurationProperties("voice-ai.realtime")
public record RealtimeProperties(@DefaultValue("file") ReturnMode returnMode, @DefaultValue("60ms") Duration lead,
		@DefaultValue("40ms") Duration prebuffer, @DefaultValue("500ms") Duration fileChunk, @DefaultValue("65536") int maxFrameBytes,
		@DefaultValue("8000") int defaultSampleRate, @DefaultValue("5s") Duration providerConnectTimeout,
		@DefaultValue("20s") Duration actionTimeout, @DefaultValue("{\"type\":\"clearAudio\"}") String jsonClearMessage,
		@DefaultValue("http://127.0.0.1:8100") URI serviceUrl) {

	public RealtimeProperties {
		if (lead.isNegative() || lead.toMillis() > 1000) {
			throw new IllegalArgumentException("voice-ai.realtime.lead must be between 0 and 1s, not " + lead);
		}
		if (prebuffer.isNegative() || prebuffer.toMillis() > 500) {
			throw new IllegalArgumentException("voice-ai.realtime.prebuffer must be between 0 and 500ms, not " + prebuffer);
		}
		if (fileChunk.toMillis() < 20) {
			throw new IllegalArgumentException("voice-ai.realtime.file-chunk must be at least 20ms");
		}
		if (defaultSampleRate != 8000 && defaultSampleRate != 16000) {
			throw new IllegalArgumentException("voice-ai.realtime.default-sample-rate must be 8000 or 16000");
		}
	}

	public Pacing pacing() {
		return new Pacing(this.lead, this.prebuffer);
	}

}
