package org.voiceai.service.knowledge;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A chunk that answers a question, with its source to cite: what {@code /chat} saves as {@code rag_sources}.
 *
 * @param documentUuid the document
 * @param documentName its name
 * @param pageNumber the PDF page the chunk starts on, or {@code null}
 * @param chunkIndex the chunk's position in the document
 * @param score relevance from 0 to 1 ({@code (1 + cosine similarity) / 2}) of the chunk's best passage
 * @param passage that passage: the sentences that matched the question
 * @param content the whole chunk, as context for the model
 */
public record KnowledgeHit(@JsonProperty("document_uuid") UUID documentUuid,
		@JsonProperty("document_name") String documentName, @JsonProperty("page_number") Integer pageNumber,
		@JsonProperty("chunk_index") int chunkIndex, @JsonProperty("score") double score,
		@JsonProperty("passage") String passage, @JsonProperty("content") String content) {

}
