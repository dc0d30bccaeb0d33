package org.voiceai.service.documents;

import java.util.Arrays;
import java.util.Locale;

/** What a document is, decided from its content (magic bytes), never from the name the uploader gave it. */
public enum DocumentType {

	PDF("pdf", "application/pdf"),

	DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),

	TEXT("txt", "text/plain"),

	MARKDOWN("markdown", "text/markdown"),

	/** Questions and answers sent as JSON; each pair is kept together in one chunk. */
	FAQ("faq", "text/plain");

	private final String code;

	private final String mimeType;

	DocumentType(String code, String mimeType) {
		this.code = code;
		this.mimeType = mimeType;
	}

	/** The value of {@code v_voice_documents.document_type}. */
	public String code() {
		return this.code;
	}

	public String mimeType() {
		return this.mimeType;
	}

	/** Whether the ingestion reads it as plain text (paragraphs separated by blank lines). */
	boolean isText() {
		return this == TEXT || this == MARKDOWN || this == FAQ;
	}

	static DocumentType fromCode(String code) {
		String normalized = (code == null) ? "" : code.trim().toLowerCase(Locale.ROOT);
		return Arrays.stream(values())
			.filter((type) -> type.code.equals(normalized))
			.findFirst()
			.orElseThrow(() -> new IngestionFailure("unsupported file type '" + code + "'"));
	}

}
