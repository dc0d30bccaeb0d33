package org.voiceai.service.documents;

/**
 * Why a document cannot be ingested, in words an admin can act on ("encrypted PDF", "empty file"). The message is
 * stored in {@code processing_error} as it is, so it never carries a stack trace or a path outside the document store.
 */
public class IngestionFailure extends RuntimeException {

	public IngestionFailure(String message) {
		super(message);
	}

	public IngestionFailure(String message, Throwable cause) {
		super(message, cause);
	}

}
