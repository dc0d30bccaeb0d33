package org.voiceai.service.conversations;

/**
 * A knowledge-base passage an answer drew on, kept in {@code v_voice_messages.rag_sources} as
 * {@code [{"document": …, "page": …, "score": …}]}.
 *
 * @param document the document's name
 * @param page page number within it, null when the format has none
 * @param score similarity score of the passage
 */
public record RagSource(String document, Integer page, Double score) {
}
