package org.voiceai.service.documents;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A document as the API shows it: status and progress of its ingestion, and why it failed.
 *
 * @param documentUuid id
 * @param secretaryUuid the secretary it belongs to, or {@code null} for the whole domain
 * @param name name
 * @param type {@code pdf}, {@code docx}, {@code txt}, {@code markdown} or {@code faq}
 * @param mimeType MIME type of the content
 * @param size bytes
 * @param contentHash SHA-256 of the content
 * @param status {@code pending}, {@code processing}, {@code ready} or {@code failed}
 * @param chunkCount chunks the ingestion made (0 until known)
 * @param chunksProcessed chunks embedded so far
 * @param progress percent done, 0 to 100
 * @param error why ingestion failed, or {@code null}
 * @param enabled whether searches use it
 * @param insertDate upload time
 * @param processedAt when it became ready
 */
record DocumentResponse(@JsonProperty("document_uuid") UUID documentUuid,
		@JsonProperty("secretary_uuid") UUID secretaryUuid, @JsonProperty("document_name") String name,
		@JsonProperty("document_type") String type, @JsonProperty("mime_type") String mimeType,
		@JsonProperty("file_size") Long size, @JsonProperty("content_hash") String contentHash,
		@JsonProperty("status") String status, @JsonProperty("chunk_count") int chunkCount,
		@JsonProperty("chunks_processed") int chunksProcessed, @JsonProperty("progress") int progress,
		@JsonProperty("error") String error, @JsonProperty("enabled") boolean enabled,
		@JsonProperty("insert_date") OffsetDateTime insertDate,
		@JsonProperty("processed_at") OffsetDateTime processedAt) {

	static DocumentResponse from(DocumentRow row) {
		int progress = (row.status() == DocumentStatus.READY) ? 100
				: (row.chunkCount() > 0) ? Math.min(99, row.chunksProcessed() * 100 / row.chunkCount()) : 0;
		return new DocumentResponse(row.uuid(), row.secretaryUuid(), row.name(), row.type(), row.mimeType(),
				row.fileSize(), row.contentHash(), row.status().code(), row.chunkCount(), row.chunksProcessed(),
				progress, row.error(), row.enabled(), row.insertDate(), row.processedAt());
	}

}
