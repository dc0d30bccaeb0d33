package org.voiceai.service.knowledge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import org.voiceai.logging.LogContext;
import org.voiceai.providers.vectorstore.VectorMatch;
import org.voiceai.providers.vectorstore.VectorQuery;
import org.voiceai.providers.vectorstore.VectorStore;
import org.voiceai.service.knowledge.KnowledgeSources.ChunkKey;
import org.voiceai.tenant.DomainId;

/**
 * Retrieval for a question: embed it with the domain's model, take the nearest passages of that domain's space above
 * a minimum score (optionally only one secretary's documents plus the domain's shared ones), and return the chunks
 * they belong to, best first, whole, without documents deleted or disabled meanwhile. Used by {@code /chat}, by {@code GET /api/v1/knowledge/search} and so by the realtime bridge's
 * knowledge tool. The sources of every answer are logged.
 */
public class KnowledgeSearch implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(KnowledgeSearch.class);

	/**
	 * Passages asked of the store per chunk wanted: a chunk has several passages, and several of the nearest ones
	 * often belong to the same chunk or to a document disabled meanwhile.
	 */
	private static final int PASSAGES_PER_CHUNK = 8;

	private final KnowledgeEmbeddings embeddings;

	private final VectorStore store;

	private final KnowledgeSources sources;

	private final Scheduler scheduler;

	/**
	 * @param scheduler bounded scheduler for query embeddings (CPU work with the local model); disposed by
	 * {@link #close()}
	 */
	public KnowledgeSearch(KnowledgeEmbeddings embeddings, VectorStore store, KnowledgeSources sources,
			Scheduler scheduler) {
		this.embeddings = embeddings;
		this.store = store;
		this.sources = sources;
		this.scheduler = scheduler;
	}

	/**
	 * @param domain the tenant whose knowledge base is searched (and no other)
	 * @param query the question, in any language the model reads
	 * @param secretaryUuid limit to this secretary's documents and the shared ones, or {@code null} for all
	 * @param topK the most chunks to return
	 * @param minScore the lowest relevance, 0 to 1
	 * @return the best chunks first; empty when nothing is relevant enough
	 */
	public Mono<List<KnowledgeHit>> search(DomainId domain, String query, UUID secretaryUuid, int topK,
			double minScore) {
		if (query == null || query.isBlank()) {
			return Mono.error(new IllegalArgumentException("the search query is empty"));
		}
		return this.embeddings.forDomain(domain)
			.flatMap((embedder) -> Mono.fromCallable(() -> embedder.embedAll(List.of(query.strip())).get(0))
				.subscribeOn(this.scheduler)
				.flatMap((vector) -> this.store.search(embedder.space(domain),
						new VectorQuery(vector, topK * PASSAGES_PER_CHUNK, minScore, secretaryUuid))))
			.flatMap((matches) -> citable(domain, matches, topK))
			.doOnNext((hits) -> logger.info("Knowledge search returned {} source(s): {}", hits.size(),
					hits.stream().map((hit) -> hit.documentName() + "#" + hit.chunkIndex() + " ("
							+ String.format(Locale.ROOT, "%.3f", hit.score()) + ")").toList()))
			.contextWrite(LogContext.of(domain, null));
	}

	/** Stops the query-embedding threads. */
	@Override
	public void close() {
		this.scheduler.dispose();
	}

	/** The best passage of each chunk, best chunks first, with the chunk's text; chunks of gone documents dropped. */
	private Mono<List<KnowledgeHit>> citable(DomainId domain, List<VectorMatch> matches, int topK) {
		Map<ChunkKey, VectorMatch> best = new LinkedHashMap<>();
		for (VectorMatch match : matches) {
			best.putIfAbsent(new ChunkKey(match.source().documentUuid(), match.source().chunkIndex()), match);
		}
		return this.sources.chunks(domain, List.copyOf(best.keySet()))
			.map((contents) -> best.entrySet()
				.stream()
				.filter((entry) -> contents.containsKey(entry.getKey()))
				.limit(topK)
				.map((entry) -> hit(entry.getValue(), contents.get(entry.getKey())))
				.toList());
	}

	private static KnowledgeHit hit(VectorMatch match, String content) {
		return new KnowledgeHit(match.source().documentUuid(), match.source().documentName(),
				match.source().pageNumber(), match.source().chunkIndex(), match.score(), match.text(), content);
	}

}
