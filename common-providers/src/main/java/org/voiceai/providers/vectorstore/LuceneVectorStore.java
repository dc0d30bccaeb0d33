package org.voiceai.providers.vectorstore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The embedded default: one Lucene index per space under {@code <root>/<domain_uuid>/<model slug>}, so it needs no
 * server, survives restarts and keeps tenants apart on disk. Indexes are opened on first use and kept open. Only this
 * process may write an index (Lucene's write lock); other processes, such as the realtime bridge, search through
 * voice-ai-service's {@code /api/v1/knowledge/search}.
 * <p>
 * We use Lucene directly rather than langchain4j-community-lucene's {@code LuceneEmbeddingStore}: that one (1.5.0)
 * ignores search filters, cannot remove entries, opens a writer per add and a reader per search, and logs indexing
 * errors instead of reporting them.
 */
public class LuceneVectorStore implements VectorStore, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(LuceneVectorStore.class);

	private final Path root;

	private final StoreThreads threads;

	private final IdleMerges merges;

	private final Map<VectorSpace, LuceneSpaceIndex> indexes = new ConcurrentHashMap<>();

	/**
	 * @param root directory holding one folder per domain
	 * @param scheduler bounded scheduler for Lucene's blocking disk work; disposed by {@link #close()}
	 * @param mergeAfterIdle how long an index must go without writes before it is merged into one segment, on a
	 * background thread of its own; zero disables merging (Lucene's merge policy alone then shapes the index)
	 */
	public LuceneVectorStore(Path root, Scheduler scheduler, Duration mergeAfterIdle) {
		this.root = root;
		this.threads = new StoreThreads(scheduler);
		this.merges = new IdleMerges(mergeAfterIdle);
	}

	@Override
	public Mono<Void> add(VectorSpace space, List<VectorEntry> entries) {
		if (entries.isEmpty()) {
			return Mono.empty();
		}
		return this.threads.call(() -> {
			LuceneSpaceIndex index = index(space);
			index.add(entries);
			this.merges.written(index);
			return null;
		});
	}

	@Override
	public Mono<List<VectorMatch>> search(VectorSpace space, VectorQuery query) {
		return this.threads.call(() -> {
			LuceneSpaceIndex index = existingIndex(space);
			return (index != null) ? index.search(query) : List.of();
		});
	}

	@Override
	public Mono<Void> removeDocument(VectorSpace space, UUID documentUuid) {
		return this.threads.call(() -> {
			LuceneSpaceIndex index = existingIndex(space);
			if (index != null) {
				index.removeDocument(documentUuid);
				this.merges.written(index);
			}
			return null;
		});
	}

	/** Where a space's index lives. */
	Path directory(VectorSpace space) {
		return this.root.resolve(space.domain().toString()).resolve(space.modelSlug());
	}

	private LuceneSpaceIndex existingIndex(VectorSpace space) {
		LuceneSpaceIndex open = this.indexes.get(space);
		if (open != null || !Files.isDirectory(directory(space))) {
			return open;
		}
		return index(space);
	}

	private LuceneSpaceIndex index(VectorSpace space) {
		return this.indexes.computeIfAbsent(space, (key) -> {
			Path path = directory(key);
			try {
				Files.createDirectories(path);
				LuceneSpaceIndex index = new LuceneSpaceIndex(path);
				// An index left with many segments (a restart in the middle of a bulk load) is merged too.
				this.merges.written(index);
				return index;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot open the vector index " + path, ex);
			}
		});
	}

	/**
	 * How many segments (HNSW graphs) a search of the space walks: the figure search latency follows. 0 when the space
	 * has no index.
	 */
	public int segmentCount(VectorSpace space) throws IOException {
		LuceneSpaceIndex index = existingIndex(space);
		return (index != null) ? index.segmentCount() : 0;
	}

	/** Lets running index work finish, drops waiting merges, aborts a running one, then closes every index. */
	@Override
	public void close() {
		this.threads.close();
		this.merges.close();
		this.indexes.forEach((space, index) -> {
			try {
				index.close();
			}
			catch (IOException | RuntimeException ex) {
				logger.warn("Closing the vector index of {} failed", space, ex);
			}
		});
		this.indexes.clear();
		this.merges.awaitStopped();
	}

}
