package org.voiceai.providers.vectorstore;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Where a stored passage comes from: enough to cite it ("price list.pdf, page 3") and to filter by secretary without
 * asking the database.
 *
 * @param documentUuid {@code v_voice_documents.voice_document_uuid}
 * @param secretaryUuid the secretary the document belongs to, or {@code null} for a document shared by the whole
 * domain
 * @param documentName the document's name as shown to admins and callers
 * @param chunkIndex position of the chunk in its document, from 0
 * @param pageNumber the PDF page the chunk starts on, from 1, or {@code null} for formats without pages
 */
public record ChunkSource(UUID documentUuid, UUID secretaryUuid, String documentName, int chunkIndex,
		Integer pageNumber) {

	/** Stored as the secretary of shared documents, because neither store can filter on a missing value. */
	static final String SHARED = "shared";

	static final String DOCUMENT_UUID = "document_uuid";

	static final String SECRETARY_UUID = "secretary_uuid";

	static final String DOCUMENT_NAME = "document_name";

	static final String CHUNK_INDEX = "chunk_index";

	static final String PAGE_NUMBER = "page_number";

	public ChunkSource {
		Objects.requireNonNull(documentUuid, "documentUuid");
		Objects.requireNonNull(documentName, "documentName");
	}

	/** The value stored under {@value #SECRETARY_UUID}. */
	String secretaryKey() {
		return secretaryKey(this.secretaryUuid);
	}

	static String secretaryKey(UUID secretaryUuid) {
		return (secretaryUuid != null) ? secretaryUuid.toString() : SHARED;
	}

	/** Flat metadata (strings and integers only) as vector stores keep it next to the vector. */
	Map<String, Object> toMetadata() {
		Map<String, Object> metadata = new HashMap<>();
		metadata.put(DOCUMENT_UUID, this.documentUuid.toString());
		metadata.put(SECRETARY_UUID, secretaryKey());
		metadata.put(DOCUMENT_NAME, this.documentName);
		metadata.put(CHUNK_INDEX, this.chunkIndex);
		if (this.pageNumber != null) {
			metadata.put(PAGE_NUMBER, this.pageNumber);
		}
		return metadata;
	}

	static ChunkSource fromMetadata(Map<String, ?> metadata) {
		Object secretary = metadata.get(SECRETARY_UUID);
		Object page = metadata.get(PAGE_NUMBER);
		Object index = metadata.get(CHUNK_INDEX);
		return new ChunkSource(UUID.fromString(String.valueOf(metadata.get(DOCUMENT_UUID))),
				(secretary == null || SHARED.equals(secretary)) ? null : UUID.fromString(secretary.toString()),
				String.valueOf(metadata.get(DOCUMENT_NAME)), (index instanceof Number number) ? number.intValue() : 0,
				(page instanceof Number number) ? Integer.valueOf(number.intValue()) : null);
	}

}
