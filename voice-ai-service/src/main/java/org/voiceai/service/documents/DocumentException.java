package org.voiceai.service.documents;

import org.springframework.http.HttpStatus;

/**
 * A document request that cannot be served, with its HTTP status: an upload too large (413), empty (400) or of a
 * type we do not read (415), a secretary of another domain (400), a document that does not exist in the caller's
 * domain (404) or is busy (409). The message tells the caller what to do.
 */
public class DocumentException extends RuntimeException {

	private final HttpStatus status;

	private final String problemType;

	public DocumentException(HttpStatus status, String problemType, String message) {
		super(message);
		this.status = status;
		this.problemType = problemType;
	}

	public HttpStatus status() {
		return this.status;
	}

	static DocumentException notFound(Object documentId) {
		return new DocumentException(HttpStatus.NOT_FOUND, "document-not-found",
				"document " + documentId + " does not exist in this domain");
	}

	/** Last segment of the problem type URI, e.g. {@code document-too-large}. */
	public String problemType() {
		return this.problemType;
	}

}
