package org.voiceai.service.documents;

import java.util.UUID;

/**
 * A document about to be stored.
 *
 * @param uuid its new id
 * @param secretaryUuid the secretary it belongs to, or {@code null} for the whole domain
 * @param name the name shown to admins and cited to callers
 * @param type what it is
 * @param filePath where the original upload is kept, or {@code null} when {@code content} holds the text
 * @param content the text of a JSON document, or {@code null} for uploads
 * @param size bytes of the upload or of the text
 * @param contentHash SHA-256 (hex) of those bytes
 */
record DocumentDraft(UUID uuid, UUID secretaryUuid, String name, DocumentType type, String filePath, String content,
		long size, String contentHash) {

}
