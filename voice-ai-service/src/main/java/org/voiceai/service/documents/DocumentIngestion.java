package org.voiceai.service.documents;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

import org.springframework.context.SmartLifecycle;

import org.voiceai.logging.LogContext;
import org.voiceai.providers.vectorstore.ChunkSource;
import org.voiceai.providers.vectorstore.VectorEntry;
import org.voiceai.providers.vectorstore.VectorSpace;
import org.voiceai.providers.vectorstore.VectorStore;
import org.voiceai.service.knowledge.DomainEmbedder;
import org.voiceai.service.knowledge.KnowledgeEmbeddings;
import org.voiceai.tenant.DomainId;

/**
 * The asynchronous ingestion worker: takes pending documents one at a time (oldest first, any domain), parses,
 * chunks and embeds them, and stores chunk rows and vectors, recording progress after every batch.
 * <p>
 * Restart-safe: the state lives in the database. At start, documents a stopped or crashed process left
 * {@code processing} are queued again and redone from the start (their old chunks and vectors removed first, so
 * nothing is duplicated). Every failure ends in {@code failed} with a message an admin can act on, and never stops
 * the worker; only a shutdown leaves a document {@code processing}, for the next start to finish. One worker per
 * database is assumed (a second instance would requeue the first one's document at its start).
 */
public class DocumentIngestion implements SmartLifecycle, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(DocumentIngestion.class);

	private final DocumentRepository documents;

	private final ChunkRepository chunks;

	private final DocumentParser parser;

	private final Chunker chunker;

	private final Passages passages;

	private final KnowledgeEmbeddings embeddings;

	private final VectorStore store;

	private final Scheduler scheduler;

	private final int batchSize;

	private volatile Sinks.Many<Boolean> wakeups = Sinks.many().unicast().onBackpressureBuffer();

	private volatile boolean stopping;

	private volatile Disposable worker;

	DocumentIngestion(DocumentRepository documents, ChunkRepository chunks, DocumentParser parser, Chunker chunker,
			Passages passages, KnowledgeEmbeddings embeddings, VectorStore store, Scheduler scheduler, int batchSize) {
		this.documents = documents;
		this.chunks = chunks;
		this.parser = parser;
		this.chunker = chunker;
		this.passages = passages;
		this.embeddings = embeddings;
		this.store = store;
		this.scheduler = scheduler;
		this.batchSize = batchSize;
	}

	/** Tells the worker a document is pending; cheap, and harmless when it is already busy. */
	public void wake() {
		this.wakeups.emitNext(Boolean.TRUE, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
	}

	/** Starts the worker; also after a {@link #stop()} (a paused test context, a restarted one). */
	@Override
	public void start() {
		this.stopping = false;
		Sinks.Many<Boolean> signals = Sinks.many().unicast().onBackpressureBuffer();
		this.wakeups = signals;
		this.worker = this.documents.requeueInterrupted()
			.doOnNext((count) -> {
				if (count > 0) {
					logger.info("Resuming {} document(s) left processing by the previous run", count);
				}
			})
			.onErrorResume((error) -> {
				logger.warn("Could not requeue interrupted documents: {}", error.toString());
				return Mono.empty();
			})
			.thenMany(signals.asFlux().startWith(Boolean.TRUE).onBackpressureLatest())
			.concatMap((wakeup) -> drain().onErrorResume((error) -> {
				logger.warn("Document ingestion worker error: {}", error.toString());
				return Mono.empty();
			}), 1)
			.subscribe();
	}

	/** Stops taking work and abandons the current document, which stays {@code processing} for the next start. */
	@Override
	public void stop() {
		this.stopping = true;
		Disposable running = this.worker;
		if (running != null) {
			running.dispose();
		}
	}

	/** Stops the parsing and embedding threads for good. */
	@Override
	public void close() {
		stop();
		this.scheduler.dispose();
	}

	@Override
	public boolean isRunning() {
		return this.worker != null && !this.worker.isDisposed();
	}

	/** Stops before the web server and the database pool, so no failure is recorded for a mere shutdown. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1024;
	}

	/** Marks the worker as stopping as soon as shutdown begins, before the embedded database goes away. */
	void shutdownStarted() {
		this.stopping = true;
	}

	private Mono<Void> drain() {
		return this.documents.claimNext().flatMap((document) -> ingest(document).then(Mono.defer(this::drain)));
	}

	Mono<Void> ingest(DocumentRow document) {
		DomainId domain = document.domain();
		return Mono.fromRunnable(() -> logger.info("Ingesting document {} ('{}', {})", document.uuid(), document.name(),
				document.type()))
			.then(Mono.defer(() -> Mono.zip(chunked(document), this.embeddings.forDomain(domain))))
			.flatMap((prepared) -> store(document, prepared.getT1(), prepared.getT2()))
			.onErrorResume((error) -> this.stopping ? Mono.empty() : handleFailure(document, error))
			.contextWrite(LogContext.of(domain, null));
	}

	private Mono<List<Chunk>> chunked(DocumentRow document) {
		DocumentType type = DocumentType.fromCode(document.type());
		Mono<ParsedDocument> parsed = (document.filePath() != null)
				? Mono.fromCallable(() -> this.parser.parse(type, Path.of(document.filePath())))
				: this.documents.content(document.domain(), document.uuid())
					.switchIfEmpty(Mono.error(() -> new IngestionFailure("empty file: the document has no text")))
					.publishOn(this.scheduler)
					.map((content) -> this.parser.parse(type, content));
		return parsed.subscribeOn(this.scheduler).map(this.chunker::chunk);
	}

	private Mono<Void> store(DocumentRow document, List<Chunk> pieces, DomainEmbedder embedder) {
		DomainId domain = document.domain();
		VectorSpace space = embedder.space(domain);
		List<ChunkRow> rows = pieces.stream()
			.map((chunk) -> new ChunkRow(UUID.randomUUID(), document.uuid(), chunk.index(), chunk.text(),
					chunk.tokenCount(), chunk.page(), chunk.pageEnd(), embedder.modelName()))
			.toList();
		return removeStored(domain, document.uuid(), space)
			.then(this.chunks.insertAll(domain, rows))
			.then(this.documents.startChunks(domain, document.uuid(), rows.size()))
			.flatMap(DocumentIngestion::stillProcessing)
			.thenMany(Flux.fromIterable(batches(rows)))
			.concatMap((batch) -> embed(document, embedder, batch)
				.flatMap((entries) -> this.store.add(space, entries))
				.then(this.documents.progress(domain, document.uuid(), batch.get(batch.size() - 1).index() + 1))
				.flatMap(DocumentIngestion::stillProcessing))
			.then(this.documents.markReady(domain, document.uuid(), rows.size()))
			.flatMap(DocumentIngestion::stillProcessing)
			.doOnSuccess((done) -> logger.info("Document {} is ready: {} chunk(s) embedded by {}", document.uuid(),
					rows.size(), embedder.modelName()))
			.then();
	}

	/** Embeds the passages of a batch of chunks; each passage is stored with its chunk as source. */
	private Mono<List<VectorEntry>> embed(DocumentRow document, DomainEmbedder embedder, List<ChunkRow> batch) {
		return Mono.fromCallable(() -> {
			List<Passage> passages = new ArrayList<>();
			for (ChunkRow row : batch) {
				ChunkSource source = new ChunkSource(document.uuid(), document.secretaryUuid(), document.name(),
						row.index(), row.pageNumber());
				List<String> texts = this.passages.of(row.content());
				for (int i = 0; i < texts.size(); i++) {
					// Derived from the chunk, so storing a chunk again replaces its passages.
					UUID id = UUID.nameUUIDFromBytes((row.uuid() + "/" + i).getBytes(StandardCharsets.UTF_8));
					passages.add(new Passage(id, source, texts.get(i)));
				}
			}
			List<float[]> vectors = embedder.embedAll(passages.stream().map(Passage::text).toList());
			List<VectorEntry> entries = new ArrayList<>(passages.size());
			for (int i = 0; i < passages.size(); i++) {
				Passage passage = passages.get(i);
				entries.add(new VectorEntry(passage.id(), passage.source(), passage.text(), vectors.get(i)));
			}
			return entries;
		}).subscribeOn(this.scheduler);
	}

	private Mono<Void> handleFailure(DocumentRow document, Throwable error) {
		DomainId domain = document.domain();
		if (error instanceof DocumentGone) {
			logger.info("Document {} was deleted while being ingested; its chunks are removed", document.uuid());
			return removeStored(domain, document.uuid(), null).onErrorResume((ignored) -> Mono.empty());
		}
		String message = (error instanceof IngestionFailure) ? error.getMessage()
				: "ingestion failed: " + error.getMessage();
		logger.warn("Document {} ('{}') failed: {}", document.uuid(), document.name(), message,
				(error instanceof IngestionFailure) ? null : error);
		return removeStored(domain, document.uuid(), null).onErrorResume((ignored) -> Mono.empty())
			.then(this.documents.markFailed(domain, document.uuid(), message))
			.then()
			.onErrorResume((ignored) -> Mono.empty());
	}

	/** Removes a document's chunk rows and its vectors in every space they were recorded in (and {@code also}). */
	private Mono<Void> removeStored(DomainId domain, UUID document, VectorSpace also) {
		return this.chunks.models(domain, document)
			.map((model) -> new VectorSpace(domain, model))
			.concatWith((also != null) ? Mono.just(also) : Mono.empty())
			.distinct()
			.concatMap((space) -> this.store.removeDocument(space, document))
			.then(this.chunks.deleteByDocument(domain, document))
			.then();
	}

	private List<List<ChunkRow>> batches(List<ChunkRow> rows) {
		List<List<ChunkRow>> batches = new ArrayList<>();
		for (int start = 0; start < rows.size(); start += this.batchSize) {
			batches.add(rows.subList(start, Math.min(rows.size(), start + this.batchSize)));
		}
		return batches;
	}

	private static Mono<Boolean> stillProcessing(Boolean updated) {
		return updated ? Mono.just(true) : Mono.error(new DocumentGone());
	}

	private record Passage(UUID id, ChunkSource source, String text) {
	}

	/** The document was deleted (or its state changed) under the worker: stop and clean up. */
	private static final class DocumentGone extends RuntimeException {

		DocumentGone() {
			super("document deleted during ingestion", null, false, false);
		}

	}

}
