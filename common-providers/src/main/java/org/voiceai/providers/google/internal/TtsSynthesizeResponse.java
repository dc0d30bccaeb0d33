package org.voiceai.providers.google.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Answer of {@code POST /v1/text:synthesize}.
 *
 * @param audioContent base64 of the audio (a WAV file for {@code LINEAR16})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TtsSynthesizeResponse(String audioContent) {
}
