package org.voiceai.providers.vectorstore;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.chroma.ChromaApiVersion;
import dev.langchain4j.store.embedding.chroma.ChromaEmbeddingStore;
import dev.langchain4j.store.embedding.filter.Filter;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import static dev.langchain4j.store.embedding.filter.MetadataFilterBuilder.metadataKey;

/**
 * ChromaDB through langchain4j-chroma, always on Chroma's v2 API (Chroma 1.x answers v1 with 410 Gone). One
 * collection per space, named {@code <domain_uuid>-<model slug>}; langchain4j creates the tenant, database and
 * collection (cosine distance) on first use. langchain4j-chroma 1.13 sends no credentials, so Chroma must be reachable
 * only from voice-ai (as in docker-compose: a private network and 127.0.0.1).
 */
public class ChromaVectorStore implements VectorStore, AutoCloseable {

	private final ChromaSettings settings;

	private final StoreThreads threads;

	private final Map<VectorSpace, ChromaEmbeddingStore> collections = new ConcurrentHashMap<>();

	/**
	 * @param settings where Chroma is
	 * @param scheduler bounded scheduler for the blocking HTTP calls; disposed by {@link #close()}
	 */
	public ChromaVectorStore(ChromaSettings settings, Scheduler scheduler) {
		this.settings = settings;
		this.threads = new StoreThreads(scheduler);
	}

	@Override
	public Mono<Void> add(VectorSpace space, List<VectorEntry> entries) {
		if (entries.isEmpty()) {
			return Mono.empty();
		}
		return this.threads.call(() -> {
			collection(space).addAll(entries.stream().map((entry) -> entry.id().toString()).toList(),
					entries.stream().map((entry) -> Embedding.from(entry.vector())).toList(),
					entries.stream()
						.map((entry) -> TextSegment.from(entry.text(), Metadata.from(entry.source().toMetadata())))
						.toList());
			return null;
		});
	}

	@Override
	public Mono<List<VectorMatch>> search(VectorSpace space, VectorQuery query) {
		return this.threads.call(() -> collection(space)
			.search(EmbeddingSearchRequest.builder()
				.queryEmbedding(Embedding.from(query.vector()))
				.maxResults(query.topK())
				.minScore(query.minScore())
				.filter(secretaryFilter(query))
				.build())
			.matches()
			.stream()
			.map(ChromaVectorStore::toMatch)
			.toList());
	}

	@Override
	public Mono<Void> removeDocument(VectorSpace space, UUID documentUuid) {
		return this.threads.call(() -> {
			collection(space).removeAll(metadataKey(ChunkSource.DOCUMENT_UUID).isEqualTo(documentUuid.toString()));
			return null;
		});
	}

	/** The collection of a space: the domain's UUID and the model's slug, at most 63 characters. */
	static String collectionName(VectorSpace space) {
		return space.domain() + "-" + space.modelSlug();
	}

	private ChromaEmbeddingStore collection(VectorSpace space) {
		return this.collections.computeIfAbsent(space, (key) -> ChromaEmbeddingStore.builder()
			.apiVersion(ChromaApiVersion.V2)
			.baseUrl(this.settings.url())
			.tenantName(this.settings.tenant())
			.databaseName(this.settings.database())
			.collectionName(collectionName(key))
			.timeout(this.settings.timeout())
			.build());
	}

	private static Filter secretaryFilter(VectorQuery query) {
		if (query.secretaryUuid() == null) {
			return null;
		}
		return metadataKey(ChunkSource.SECRETARY_UUID).isIn(query.secretaryUuid().toString(), ChunkSource.SHARED);
	}

	private static VectorMatch toMatch(EmbeddingMatch<TextSegment> match) {
		TextSegment segment = match.embedded();
		return new VectorMatch(UUID.fromString(match.embeddingId()),
				ChunkSource.fromMetadata(segment.metadata().toMap()), segment.text(), match.score());
	}

	@Override
	public void close() {
		this.threads.close();
	}

}
