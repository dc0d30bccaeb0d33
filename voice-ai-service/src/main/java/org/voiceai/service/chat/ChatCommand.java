package org.voiceai.service.chat;

import java.util.UUID;

/**
 * One caller message.
 *
 * @param call the call UUID ({@code session_id}): the conversation key
 * @param secretary the secretary answering
 * @param userMessage what the caller said
 * @param callerIdNumber the caller's number, recorded when the conversation opens
 * @param useKnowledge whether to search the knowledge base
 * @param provider a chat provider_name to use instead of the secretary's, or null
 */
public record ChatCommand(UUID call, UUID secretary, String userMessage, String callerIdNumber, boolean useKnowledge,
		String provider) {
}
