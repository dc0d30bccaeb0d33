package org.voiceai.service.conversations;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/** @param conversationUuid the call's conversation (the same one however often the call is opened) */
public record OpenedConversation(@JsonProperty("conversation_uuid") UUID conversationUuid) {

}
