package org.voiceai.service.chat;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.voiceai.service.conversations.RagSource;
import org.voiceai.service.conversations.TurnLatency;

/**
 * The secretary's answer to one message.
 *
 * @param text what to say (markers removed)
 * @param action continue, transfer or hangup
 * @param transferExtension where to transfer, when {@code action} is transfer
 * @param transferDestination the configured destination's name, when one matched
 * @param ragSources knowledge passages the answer drew on
 * @param provider the chat provider that answered
 * @param tokensUsed tokens the model reported
 * @param latency per-stage milliseconds
 */
public record ChatReply(String text, ChatAction action, @JsonProperty("transfer_extension") String transferExtension,
		@JsonProperty("transfer_destination") String transferDestination,
		@JsonProperty("rag_sources") List<RagSource> ragSources, String provider,
		@JsonProperty("tokens_used") Integer tokensUsed, TurnLatency latency) {
}
