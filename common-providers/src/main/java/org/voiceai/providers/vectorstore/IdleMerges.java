package org.voiceai.providers.vectorstore;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.lucene.store.AlreadyClosedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merges an index down to one segment once its writes have gone quiet. Every segment has its own HNSW graph and a
 * search walks them all, so a freshly loaded index with dozens of segments answers several times slower than the same
 * index merged; merging while documents still arrive would rewrite the index again and again, so it waits for a pause.
 * <p>
 * One thread for the whole store: one merge at a time, never on a request thread, and at most one of the machine's
 * cores busy merging. Searches go on during a merge on the searcher they already have and see the merged index once
 * it is committed. A write during a merge is not blocked; it postpones the next merge.
 */
final class IdleMerges implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(IdleMerges.class);

	private final Duration quiet;

	private final ScheduledThreadPoolExecutor executor;

	private final Map<LuceneSpaceIndex, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();

	/**
	 * @param quiet how long an index must go without writes before it is merged; zero or negative disables merging
	 */
	IdleMerges(Duration quiet) {
		this.quiet = quiet;
		this.executor = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "vector-index-merge");
			thread.setDaemon(true);
			return thread;
		});
		this.executor.setRemoveOnCancelPolicy(true);
		this.executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
	}

	/** Called after every write to {@code index} (and when it is opened): (re)starts its quiet period. */
	void written(LuceneSpaceIndex index) {
		if (this.quiet.isZero() || this.quiet.isNegative() || this.executor.isShutdown()) {
			return;
		}
		this.pending.compute(index, (key, previous) -> {
			if (previous != null) {
				// Never interrupts a running merge (an interrupted IndexWriter closes for good): a merge already
				// under way finishes, and this new one follows it on the same thread.
				previous.cancel(false);
			}
			try {
				return this.executor.schedule(() -> merge(key), this.quiet.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (RejectedExecutionException ex) {
				return null; // the store is closing
			}
		});
	}

	private void merge(LuceneSpaceIndex index) {
		try {
			long start = System.nanoTime();
			int before = index.mergeToOneSegment();
			if (before > 1) {
				logger.debug("Merged the vector index {} from {} segments in {} ms", index, before,
						(System.nanoTime() - start) / 1_000_000);
			}
		}
		catch (AlreadyClosedException ex) {
			// The store closed during the merge: the last commit stays the index, the merge is dropped.
		}
		catch (Exception ex) {
			logger.warn("Merging the vector index {} failed; searches keep working on its segments", index, ex);
		}
	}

	/**
	 * Drops waiting merges; a running one is left to finish or to be aborted by closing its index (see
	 * {@link LuceneSpaceIndex#close()}). Call {@link #awaitStopped()} after closing the indexes.
	 */
	@Override
	public void close() {
		this.executor.shutdown();
		this.pending.clear();
	}

	/** Waits (at most 30 s) for a running merge to notice that its index was closed. */
	void awaitStopped() {
		try {
			if (!this.executor.awaitTermination(30, TimeUnit.SECONDS)) {
				logger.warn("A vector index merge did not stop within 30 s of closing the store");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
