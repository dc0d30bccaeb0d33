package org.voiceai.service.documents;

import java.util.List;

/**
 * A document's text in reading order.
 *
 * @param blocks paragraphs, never blank
 * @param pages pages read (PDF), else 0
 */
record ParsedDocument(List<TextBlock> blocks, int pages) {

}
