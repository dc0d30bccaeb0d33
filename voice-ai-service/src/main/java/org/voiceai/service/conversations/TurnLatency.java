package org.voiceai.service.conversations;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where the time of one message went, in milliseconds; null for a stage that did not run (no retrieval, no
 * synthesis). {@code total} is what the caller waited, which can exceed the sum when stages overlap or wait.
 */
public record TurnLatency(@JsonProperty("stt_ms") Integer stt, @JsonProperty("rag_ms") Integer rag,
		@JsonProperty("llm_ms") Integer llm, @JsonProperty("tts_ms") Integer tts,
		@JsonProperty("total_ms") Integer total) {

	/** No stage measured. */
	public static final TurnLatency NONE = new TurnLatency(null, null, null, null, null);

}
