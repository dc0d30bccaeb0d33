package org.voiceai.providers.deepgram.internal;

/**
 * Body of {@code POST /v1/speak}.
 *
 * @param text the text (at most 2,000 characters)
 */
public record TtsSpeakRequest(String text) {
}
