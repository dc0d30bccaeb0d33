package org.voiceai.providers.google.internal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Answer of {@code GET /v1/voices}: only the fields the voice picker shows.
 *
 * @param voices the voices, possibly filtered by {@code languageCode}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TtsVoiceList(List<Entry> voices) {

	/**
	 * One voice.
	 *
	 * @param languageCodes the languages it speaks, e.g. {@code ["pt-BR"]}
	 * @param name e.g. {@code pt-BR-Wavenet-A}
	 * @param ssmlGender {@code FEMALE}, {@code MALE} or {@code NEUTRAL}
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Entry(List<String> languageCodes, String name, String ssmlGender) {
	}

}
