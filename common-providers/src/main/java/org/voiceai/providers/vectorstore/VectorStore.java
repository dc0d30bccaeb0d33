package org.voiceai.providers.vectorstore;

import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * The knowledge base's vectors, kept apart per {@link VectorSpace} (domain and embedding model). Implementations do
 * their blocking work (disk, HTTP) on their own bounded scheduler, never on the caller's thread, so the methods are
 * safe to call from an event loop.
 * <p>
 * Chosen by {@code voice-ai.vector-store.type}: {@code embedded} ({@link LuceneVectorStore}, the default, no server)
 * or {@code chroma} ({@link ChromaVectorStore}, Chroma's v2 API).
 */
public interface VectorStore {

	/** Stores passages; an entry whose id is already stored is replaced. */
	Mono<Void> add(VectorSpace space, List<VectorEntry> entries);

	/** The space's passages closest to the query, best first; empty when the space holds nothing. */
	Mono<List<VectorMatch>> search(VectorSpace space, VectorQuery query);

	/** Removes every passage of a document from the space; nothing happens when it has none. */
	Mono<Void> removeDocument(VectorSpace space, UUID documentUuid);

}
