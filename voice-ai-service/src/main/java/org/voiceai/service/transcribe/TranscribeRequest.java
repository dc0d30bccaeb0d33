package org.voiceai.service.transcribe;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A JSON transcription request: the audio either inline ({@code audio_base64}, a WAV file) or as a path in the
 * directory shared with FreeSWITCH ({@code audio_file}).
 */
public record TranscribeRequest(@JsonProperty("domain_uuid") UUID domainUuid,
		@JsonProperty("audio_base64") String audioBase64, @JsonProperty("audio_file") String audioFile,
		String language, String provider, @JsonProperty("secretary_uuid") UUID secretaryUuid) {
}
