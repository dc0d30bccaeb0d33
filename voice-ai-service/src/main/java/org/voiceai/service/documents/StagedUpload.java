package org.voiceai.service.documents;

import java.nio.file.Path;

/**
 * An upload written to the document store's incoming folder, not yet a document.
 *
 * @param file where it is
 * @param size its bytes
 * @param sha256 hex SHA-256 of its content, for recognising a document uploaded twice
 */
record StagedUpload(Path file, long size, String sha256) {

}
