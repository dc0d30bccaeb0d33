package org.voiceai.service.documents;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.voiceai.tenant.DomainId;

/**
 * A row of {@code v_voice_documents} without its (possibly large) {@code content}.
 *
 * @param uuid {@code voice_document_uuid}
 * @param domain owning domain
 * @param secretaryUuid the secretary it belongs to, or {@code null} when the whole domain shares it
 * @param name {@code document_name}
 * @param type {@code document_type}
 * @param mimeType {@code mime_type}
 * @param filePath where the original upload is kept, or {@code null} for JSON text documents (kept in
 * {@code content})
 * @param fileSize bytes of the original upload or of the text
 * @param contentHash SHA-256 (hex) of the original bytes
 * @param chunkCount chunks made by the last ingestion
 * @param chunksProcessed chunks embedded and stored so far
 * @param status processing status
 * @param error why ingestion failed, or {@code null}
 * @param processedAt when it last became ready
 * @param enabled whether searches may use it
 * @param insertDate when it was uploaded
 */
public record DocumentRow(UUID uuid, DomainId domain, UUID secretaryUuid, String name, String type, String mimeType,
		String filePath, Long fileSize, String contentHash, int chunkCount, int chunksProcessed, DocumentStatus status,
		String error, OffsetDateTime processedAt, boolean enabled, OffsetDateTime insertDate) {

}
