package org.voiceai.providers.openai;

import java.util.Set;

/**
 * One OpenAI-compatible transcription service: the same wire protocol, its own {@code provider_name} and defaults.
 * Groq and local Whisper servers are configuration on {@link OpenAiSpeechToText}, not code paths of their own.
 *
 * @param name the canonical {@code provider_name}
 * @param aliases other names rows may hold
 * @param defaultBaseUrl the vendor's base URL, or {@code null} when the row must give one
 * @param defaultModel the model used when the row names none
 * @param apiKeyRequired whether the row must hold an {@code api_key}
 */
public record OpenAiSpeechToTextVariant(String name, Set<String> aliases, String defaultBaseUrl, String defaultModel,
		boolean apiKeyRequired) {

	public static final OpenAiSpeechToTextVariant WHISPER_API = new OpenAiSpeechToTextVariant("whisper_api",
			Set.of("openai_whisper"), "https://api.openai.com/v1", "whisper-1", true);

	public static final OpenAiSpeechToTextVariant GROQ = new OpenAiSpeechToTextVariant("groq", Set.of(),
			"https://api.groq.com/openai/v1", "whisper-large-v3-turbo", true);

	/** A faster-whisper-server/speaches style server on the PBX's network: no vendor URL, usually no key. */
	public static final OpenAiSpeechToTextVariant WHISPER_LOCAL = new OpenAiSpeechToTextVariant("whisper_local",
			Set.of(), null, "Systran/faster-whisper-base", false);

	public OpenAiSpeechToTextVariant {
		aliases = Set.copyOf(aliases);
	}

}
