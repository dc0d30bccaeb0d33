package org.voiceai.providers.openai.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST /audio/speech}.
 *
 * @param model e.g. {@code gpt-4o-mini-tts}
 * @param input the text
 * @param voice e.g. {@code nova}
 * @param responseFormat {@code pcm}: raw 16-bit mono at 24 kHz
 * @param speed 0.25–4.0
 * @param instructions how to speak; {@code null} (left out) for the tts-1 models, which refuse it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TtsSpeechRequest(String model, String input, String voice,
		@JsonProperty("response_format") String responseFormat, double speed, String instructions) {
}
