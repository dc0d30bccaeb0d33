package org.voiceai.service.conversations;

import java.util.List;

/**
 * One page of conversations, newest first.
 *
 * @param page zero-based page number
 * @param size page size asked for
 * @param total conversations matching the filter, over all pages
 */
public record ConversationPage(List<ConversationSummary> items, int page, int size, long total) {
}
