package org.voiceai.service.documents;

/**
 * A piece of a document, sized for embedding and for a prompt.
 *
 * @param index position in the document, from 0
 * @param text the text, including the overlap with the previous chunk
 * @param tokenCount estimated tokens ({@link Chunker#estimateTokens})
 * @param page the PDF page it starts on, or {@code null}
 * @param pageEnd the PDF page it ends on when that is another page, else {@code null}
 */
record Chunk(int index, String text, int tokenCount, Integer page, Integer pageEnd) {

}
