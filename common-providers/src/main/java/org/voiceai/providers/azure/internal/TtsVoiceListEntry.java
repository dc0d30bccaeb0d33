package org.voiceai.providers.azure.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One element of {@code GET /cognitiveservices/voices/list}: only the fields the voice picker shows.
 *
 * @param shortName the id used in SSML, e.g. {@code pt-BR-FranciscaNeural}
 * @param displayName e.g. {@code Francisca}
 * @param gender {@code Female}, {@code Male} or {@code Neutral}
 * @param locale e.g. {@code pt-BR}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TtsVoiceListEntry(@JsonProperty("ShortName") String shortName,
		@JsonProperty("DisplayName") String displayName, @JsonProperty("Gender") String gender,
		@JsonProperty("Locale") String locale) {
}
