package org.voiceai.providers.openai.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The body of {@code POST /audio/transcriptions}: {@code json} has only {@code text} (and usage); {@code verbose_json}
 * adds the detected language (a name such as "portuguese") and the audio's duration in seconds.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SttTranscriptionResponse(String text, String language, Double duration) {
}
