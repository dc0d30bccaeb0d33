package org.voiceai.service.documents;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One question of a FAQ document.
 *
 * @param question what callers ask
 * @param answer what the secretary should know to answer
 */
public record FaqEntry(@JsonProperty("question") String question, @JsonProperty("answer") String answer) {

}
