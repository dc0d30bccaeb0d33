package org.voiceai.service.turn;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where the time of one turn went, in milliseconds; null for a stage that did not run.
 *
 * @param stt transcribing the utterance
 * @param rag the knowledge-base search
 * @param llm the model, from request to its complete reply
 * @param tts synthesis the caller waited for after the model finished (the first sentence is spoken while the model
 * still writes, so this is usually less than the synthesis time)
 * @param firstAudio from the request's arrival until the first speech was on disk
 * @param total from the request's arrival until the reply was ready
 */
public record TurnLatency(@JsonProperty("stt_ms") Integer stt, @JsonProperty("rag_ms") Integer rag,
		@JsonProperty("llm_ms") Integer llm, @JsonProperty("tts_ms") Integer tts,
		@JsonProperty("first_audio_ms") Integer firstAudio, @JsonProperty("total_ms") Integer total) {
}
