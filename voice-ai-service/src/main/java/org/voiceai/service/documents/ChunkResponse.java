package org.voiceai.service.documents;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A chunk as the API shows it, so admins can see what the secretary will read.
 *
 * @param chunkUuid id (also in the vector store)
 * @param index position in the document
 * @param content text
 * @param tokenCount estimated tokens
 * @param pageNumber PDF page it starts on, or {@code null}
 * @param pageEnd PDF page it ends on when another, or {@code null}
 * @param embeddingModel model that embedded it
 */
record ChunkResponse(@JsonProperty("chunk_uuid") UUID chunkUuid, @JsonProperty("chunk_index") int index,
		@JsonProperty("content") String content, @JsonProperty("token_count") int tokenCount,
		@JsonProperty("page_number") Integer pageNumber, @JsonProperty("page_end") Integer pageEnd,
		@JsonProperty("embedding_model") String embeddingModel) {

	static ChunkResponse from(ChunkRow row) {
		return new ChunkResponse(row.uuid(), row.index(), row.content(), row.tokenCount(), row.pageNumber(),
				row.pageEnd(), row.embeddingModel());
	}

}
