package org.voiceai.providers.piper.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of Piper's HTTP server synthesis request; absent fields take the server's and the voice's defaults.
 *
 * @param text the text
 * @param voice voice name such as {@code pt_BR-faber-medium}; {@code null} for the server's {@code -m} voice
 * @param speaker speaker name of a multi-speaker voice
 * @param speakerId speaker number of a multi-speaker voice (overrides {@code speaker})
 * @param lengthScale phoneme length: 1.0 normal, larger is slower
 * @param noiseScale speaking variability
 * @param noiseWScale phoneme width variability
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TtsSynthesizeRequest(String text, String voice, String speaker,
		@JsonProperty("speaker_id") Integer speakerId, @JsonProperty("length_scale") double lengthScale,
		@JsonProperty("noise_scale") Double noiseScale, @JsonProperty("noise_w_scale") Double noiseWScale) {
}
