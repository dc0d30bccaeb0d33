package org.voiceai.providers.tts;

import java.util.Locale;

/**
 * Matches a voice's language against the language an admin picks voices for, across the spellings vendors use:
 * {@code pt-BR}, {@code pt_BR}, {@code pt}.
 */
public final class VoiceLanguage {

	private VoiceLanguage() {
	}

	/**
	 * Whether a voice speaking {@code voiceLanguage} suits {@code wanted}. No wanted language matches every voice; a
	 * voice without a language matches every language (vendors leave it out for multilingual voices); {@code pt}
	 * matches {@code pt-BR} both ways round.
	 */
	public static boolean matches(String voiceLanguage, String wanted) {
		if (wanted == null || wanted.isBlank() || voiceLanguage == null || voiceLanguage.isBlank()) {
			return true;
		}
		String voice = normalize(voiceLanguage);
		String asked = normalize(wanted);
		return voice.equals(asked) || voice.startsWith(asked + "-") || asked.startsWith(voice + "-");
	}

	/** {@code pt_BR} → {@code pt-BR}: the BCP-47 spelling the rest of voice-ai uses. */
	public static String bcp47(String language) {
		return (language != null) ? language.trim().replace('_', '-') : null;
	}

	private static String normalize(String language) {
		return bcp47(language).toLowerCase(Locale.ROOT);
	}

}
