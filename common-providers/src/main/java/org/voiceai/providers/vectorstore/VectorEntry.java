package org.voiceai.providers.vectorstore;

import java.util.Objects;
import java.util.UUID;

/**
 * One searchable passage: its id, the chunk it belongs to, its text and its embedding. A chunk may be stored as
 * several passages, each found on its own.
 *
 * @param id the passage's id in the store; adding an id again replaces the passage
 * @param source the document, secretary and chunk it belongs to
 * @param text the passage's text, returned with search hits
 * @param vector the embedding of {@code text} by the space's embedding model
 */
public record VectorEntry(UUID id, ChunkSource source, String text, float[] vector) {

	public VectorEntry {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(vector, "vector");
	}

}
