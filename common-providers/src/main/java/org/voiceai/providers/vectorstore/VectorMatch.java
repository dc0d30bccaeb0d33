package org.voiceai.providers.vectorstore;

import java.util.UUID;

/**
 * A stored passage close to a query.
 *
 * @param id the passage's id
 * @param source the document and chunk it belongs to
 * @param text the passage's text
 * @param score relevance from 0 to 1: {@code (1 + cosine similarity) / 2}, the same scale in every store
 */
public record VectorMatch(UUID id, ChunkSource source, String text, double score) {

}
