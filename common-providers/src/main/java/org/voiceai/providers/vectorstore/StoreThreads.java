package org.voiceai.providers.vectorstore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Runs a store's blocking work (disk, HTTP) on its own bounded scheduler, off the caller's event loop. A cancelled
 * caller lets running work finish rather than interrupting it: an interrupted Lucene write closes the IndexWriter for
 * good, and a half-sent Chroma request is no better.
 */
final class StoreThreads implements AutoCloseable {

	private static final Duration CLOSE_GRACE = Duration.ofSeconds(30);

	private final Scheduler scheduler;

	StoreThreads(Scheduler scheduler) {
		this.scheduler = scheduler;
	}

	<T> Mono<T> call(Work<T> work) {
		return Mono.fromFuture(() -> CompletableFuture.supplyAsync(() -> {
			try {
				return work.call();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex.getMessage(), ex);
			}
		}, this.scheduler::schedule), true);
	}

	/** Waits for running work (at most 30 s), then stops the threads. */
	@Override
	public void close() {
		this.scheduler.disposeGracefully().timeout(CLOSE_GRACE).onErrorResume((ex) -> {
			this.scheduler.dispose();
			return Mono.empty();
		}).block();
	}

	@FunctionalInterface
	interface Work<T> {

		T call() throws IOException;

	}

}
