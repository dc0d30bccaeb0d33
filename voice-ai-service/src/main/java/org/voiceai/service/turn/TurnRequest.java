package org.voiceai.service.turn;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code POST /api/v1/turn} as JSON: the caller's utterance as {@code audio_base64} (a WAV) or {@code audio_file} (a
 * path in the directory shared with FreeSWITCH), and the call it belongs to.
 */
public record TurnRequest(@JsonProperty("domain_uuid") UUID domainUuid, @JsonProperty("session_id") UUID sessionId,
		@JsonProperty("secretary_uuid") UUID secretaryUuid, @JsonProperty("audio_base64") String audioBase64,
		@JsonProperty("audio_file") String audioFile, @JsonProperty("caller_id") String callerId, String language,
		@JsonProperty("sample_rate") Integer sampleRate, @JsonProperty("use_rag") Boolean useRag) {

	TurnCommand toCommand() {
		return new TurnCommand(this.sessionId, this.secretaryUuid, this.callerId, this.language,
				(this.sampleRate != null) ? this.sampleRate : 8000, this.useRag == null || this.useRag);
	}

}
