package org.voiceai.providers.elevenlabs.internal;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code voice_settings} of a text-to-speech request.
 *
 * @param stability 0–1
 * @param similarityBoost 0–1
 * @param style 0–1
 * @param speed 0.7–1.2
 */
public record TtsVoiceSettings(double stability, @JsonProperty("similarity_boost") double similarityBoost,
		double style, double speed) {
}
