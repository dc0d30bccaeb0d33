package org.voiceai.providers.google.internal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The body of {@code speech:recognize}: one result per consecutive stretch of speech, each with its best
 * alternative first; {@code {}} when nothing was said. Not read: {@code totalBilledTime}, rounded up for billing
 * (the audio's length comes from the WAV), and {@code languageCode}, which without alternative languages only echoes
 * the requested one in lower case.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SttRecognizeResponse(List<Result> results) {

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Result(List<Alternative> alternatives) {
	}

	/** {@code confidence} is 0 when Google did not compute one. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Alternative(String transcript, Double confidence) {
	}

}
