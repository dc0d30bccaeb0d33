package org.voiceai.service.conversations;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One stored message of a conversation, with its stage latencies and the sources the answer used. */
public record ConversationMessage(@JsonProperty("message_uuid") UUID messageUuid,
		@JsonProperty("turn_number") int turnNumber, String role, String content,
		@JsonProperty("audio_duration_ms") Integer audioDurationMs,
		@JsonProperty("detected_intent") String detectedIntent,
		@JsonProperty("rag_sources") List<RagSource> ragSources, @JsonProperty("tokens_used") Integer tokensUsed,
		StageProviders providers, TurnLatency latency, @JsonProperty("created_at") Instant createdAt) {
}
