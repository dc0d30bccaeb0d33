package org.voiceai.providers.google.internal;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of {@code POST /v1/speech:recognize} with inline audio. */
public record SttRecognizeRequest(Config config, Audio audio) {

	/**
	 * {@code encoding} is {@code LINEAR16} or {@code MULAW} (raw samples, no WAV header); {@code model} is left out
	 * when unset so Google picks its default.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Config(String encoding, int sampleRateHertz, String languageCode, String model,
			boolean enableAutomaticPunctuation) {
	}

	/** {@code content}: the samples in base64. */
	public record Audio(String content) {
	}

}
