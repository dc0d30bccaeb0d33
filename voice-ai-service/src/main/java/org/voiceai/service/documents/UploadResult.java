package org.voiceai.service.documents;

/**
 * What an upload led to.
 *
 * @param document the new document, or the one that already had this content
 * @param created whether a new document was made (false: the content was a duplicate)
 */
record UploadResult(DocumentRow document, boolean created) {

}
