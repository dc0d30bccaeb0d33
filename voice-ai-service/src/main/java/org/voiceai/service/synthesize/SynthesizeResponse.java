package org.voiceai.service.synthesize;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Speech ready to play.
 *
 * @param audioFile absolute path in the directory shared with FreeSWITCH ({@code session:streamFile})
 * @param audioUrl the same file over HTTP, for {@code http_cache://} playback when the directory is not shared
 */
public record SynthesizeResponse(@JsonProperty("audio_file") String audioFile, @JsonProperty("audio_url") String audioUrl,
		@JsonProperty("duration_ms") long durationMs, @JsonProperty("sample_rate") int sampleRate, String provider,
		boolean cached, @JsonProperty("latency_ms") long latencyMs) {
}
