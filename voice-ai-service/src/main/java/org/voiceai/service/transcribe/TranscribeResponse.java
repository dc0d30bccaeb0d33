package org.voiceai.service.transcribe;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.voiceai.providers.stt.Transcription;

/** What was heard. */
public record TranscribeResponse(String text, String language, Double confidence,
		@JsonProperty("duration_ms") long durationMs, String provider, @JsonProperty("latency_ms") long latencyMs) {

	static TranscribeResponse from(Transcription transcription, long latencyMs) {
		return new TranscribeResponse(transcription.text(), transcription.language(), transcription.confidence(),
				(transcription.audioDuration() != null) ? transcription.audioDuration().toMillis() : 0,
				transcription.provider(), latencyMs);
	}

}
