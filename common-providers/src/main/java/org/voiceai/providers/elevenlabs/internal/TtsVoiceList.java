package org.voiceai.providers.elevenlabs.internal;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Answer of {@code GET /v1/voices}: only the fields the voice picker shows.
 *
 * @param voices the account's voices
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TtsVoiceList(List<Entry> voices) {

	/**
	 * One voice.
	 *
	 * @param voiceId the id used in the synthesis URL
	 * @param name display name
	 * @param labels free-form labels; {@code gender} and {@code language} when the voice has them
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Entry(@JsonProperty("voice_id") String voiceId, String name, Map<String, String> labels) {

		public String label(String key) {
			return (this.labels != null) ? this.labels.get(key) : null;
		}

	}

}
