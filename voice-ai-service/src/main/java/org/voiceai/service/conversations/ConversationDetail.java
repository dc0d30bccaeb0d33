package org.voiceai.service.conversations;

import java.util.List;

/** A conversation with its messages in order ({@code GET /conversations/{uuid}}). */
public record ConversationDetail(ConversationSummary conversation, List<ConversationMessage> messages) {
}
