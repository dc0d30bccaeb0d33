package org.voiceai.providers.tts;

/** A voice a text-to-speech provider offers, for the admin's voice picker. */
public record Voice(String id, String name, String language, String gender) {
}
