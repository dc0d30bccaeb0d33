package org.voiceai.providers.deepgram.internal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of a pre-recorded {@code POST /v1/listen}: only the parts a transcription needs. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SttListenResponse(Metadata metadata, Results results) {

	/** {@code duration}: seconds of audio Deepgram processed. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Metadata(Double duration) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Results(List<Channel> channels) {
	}

	/** {@code detected_language} is present only when {@code detect_language=true} was asked for. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Channel(List<Alternative> alternatives,
			@JsonProperty("detected_language") String detectedLanguage) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Alternative(String transcript, Double confidence) {
	}

}
