package org.voiceai.service.documents;

/**
 * A paragraph of extracted text (or a table row block, or a question with its answer): the unit the chunker tries
 * not to split.
 *
 * @param text the paragraph; lines inside it are kept where they carry meaning (lists, table rows)
 * @param page the PDF page it is on, from 1, or {@code null} for formats without pages
 */
record TextBlock(String text, Integer page) {

}
