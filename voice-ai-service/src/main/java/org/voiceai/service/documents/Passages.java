package org.voiceai.service.documents;

import java.util.List;

/**
 * The passages a chunk is searched by: its sentences packed into pieces of at most {@code maxTokens} (about 128),
 * each embedded on its own.
 * <p>
 * Chunks are large (about 1000 tokens) so that a hit gives the model enough context; but one vector for 1000 tokens
 * of mixed topics matches no single question well (with all-MiniLM-L6-v2, a question scores 0.55 against a whole
 * page of policies and 0.90 against the sentence that answers it). So a chunk is found through its best passage and
 * returned whole ("small-to-big" retrieval).
 */
final class Passages {

	private final Chunker chunker;

	Passages(int maxTokens) {
		this.chunker = new Chunker(maxTokens, 0);
	}

	List<String> of(String chunkText) {
		List<TextBlock> paragraphs = Paragraphs.split(chunkText).stream().map((text) -> new TextBlock(text, null)).toList();
		return this.chunker.chunk(new ParsedDocument(paragraphs, 0)).stream().map(Chunk::text).toList();
	}

}
