package org.voiceai.providers.piper.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One value of Piper's {@code GET /voices} map (voice name → the voice's {@code .onnx.json}): only its language.
 *
 * @param language the voice's language
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TtsVoiceConfig(Language language) {

	/** @param code e.g. {@code pt_BR} */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Language(String code) {
	}

	public String languageCode() {
		return (this.language != null) ? this.language.code() : null;
	}

}
