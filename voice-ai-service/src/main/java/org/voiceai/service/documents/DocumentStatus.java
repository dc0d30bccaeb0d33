package org.voiceai.service.documents;

import java.util.Locale;

/** {@code v_voice_documents.processing_status}: {@code pending → processing → ready | failed}. */
public enum DocumentStatus {

	/** Uploaded, waiting for the ingestion worker (also after a reprocess request, or a crash mid-way). */
	PENDING,

	/** Being parsed, chunked and embedded; progress is {@code chunks_processed / chunk_count}. */
	PROCESSING,

	/** Every chunk is searchable. */
	READY,

	/** Ingestion stopped; {@code processing_error} says why in words an admin can act on. */
	FAILED;

	/** The column value. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	static DocumentStatus fromCode(String code) {
		return valueOf(code.trim().toUpperCase(Locale.ROOT));
	}

}
