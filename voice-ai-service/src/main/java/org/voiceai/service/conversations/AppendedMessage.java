package org.voiceai.service.conversations;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A stored utterance: its conversation and its place in it.
 *
 * @param conversationUuid the call's conversation, created by the first message
 * @param turnNumber the message's position in the conversation
 */
public record AppendedMessage(@JsonProperty("conversation_uuid") UUID conversationUuid,
		@JsonProperty("turn_number") int turnNumber) {

}
