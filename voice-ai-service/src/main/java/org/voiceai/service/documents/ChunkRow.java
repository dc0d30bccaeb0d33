package org.voiceai.service.documents;

import java.util.UUID;

/**
 * A row of {@code v_voice_document_chunks}.
 *
 * @param uuid {@code voice_document_chunk_uuid}, also the chunk's id in the vector store
 * @param documentUuid the document it belongs to
 * @param index position in the document, from 0
 * @param content the chunk's text
 * @param tokenCount estimated tokens (see {@link Chunker})
 * @param pageNumber the PDF page it starts on, or {@code null}
 * @param pageEnd the PDF page it ends on when that is another page (kept in {@code metadata}), else {@code null}
 * @param embeddingModel the model that embedded it; its vectors live in that model's space
 */
public record ChunkRow(UUID uuid, UUID documentUuid, int index, String content, int tokenCount, Integer pageNumber,
		Integer pageEnd, String embeddingModel) {

}
