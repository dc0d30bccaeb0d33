package org.voiceai.providers.elevenlabs.internal;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST /v1/text-to-speech/{voice_id}}.
 *
 * @param text the text
 * @param modelId e.g. {@code eleven_multilingual_v2}
 * @param voiceSettings how the voice sounds
 */
public record TtsRequest(String text, @JsonProperty("model_id") String modelId,
		@JsonProperty("voice_settings") TtsVoiceSettings voiceSettings) {
}
