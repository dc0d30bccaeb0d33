package org.voiceai.service.chat;

/** A knowledge-base passage given to the model, and reported back as a source. */
public record KnowledgeSnippet(String document, Integer page, String text, double score) {
}
