package org.voiceai.service.documents;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;

import org.voiceai.database.SqlBooleans;
import org.voiceai.tenant.DomainId;

/**
 * Reads and writes {@code v_voice_documents}. Every statement a request can reach is scoped by {@code domain_uuid};
 * only the ingestion worker's claim looks across domains. Values FusionPBX would leave without defaults (it creates
 * none) are always written explicitly, and booleans are read as text (FusionPBX 5.3/5.4 text, 5.5 boolean).
 */
public class DocumentRepository {

	private static final String COLUMNS = """
			voice_document_uuid, domain_uuid, voice_secretary_uuid, document_name, document_type, mime_type, file_path,
			file_size, content_hash, chunk_count, chunks_processed, processing_status, processing_error, processed_at,
			enabled::text AS enabled, insert_date""";

	private static final String ENABLED = "coalesce(lower(enabled::text), 'true') IN ('true', 't')";

	private final DatabaseClient database;

	public DocumentRepository(DatabaseClient database) {
		this.database = database;
	}

	Mono<DocumentRow> insert(DomainId domain, DocumentDraft draft) {
		return this.database.sql("""
				INSERT INTO v_voice_documents (voice_document_uuid, domain_uuid, voice_secretary_uuid, document_name,
				    document_type, mime_type, file_path, file_size, content_hash, content, chunk_count, chunks_processed,
				    processing_status, enabled, insert_date)
				VALUES (:uuid, :domain, :secretary, :name, :type, :mime, :path, :size, :hash, :content, 0, 0, 'pending',
				    true, now())
				RETURNING """ + " " + COLUMNS)
			.bind("uuid", draft.uuid())
			.bind("domain", domain.value())
			.bind("secretary", Parameter.fromOrEmpty(draft.secretaryUuid(), UUID.class))
			.bind("name", draft.name())
			.bind("type", draft.type().code())
			.bind("mime", draft.type().mimeType())
			.bind("path", Parameter.fromOrEmpty(draft.filePath(), String.class))
			.bind("size", draft.size())
			.bind("hash", draft.contentHash())
			.bind("content", Parameter.fromOrEmpty(draft.content(), String.class))
			.map(DocumentRepository::toRow)
			.one();
	}

	public Mono<DocumentRow> find(DomainId domain, UUID uuid) {
		return this.database.sql("SELECT " + COLUMNS + " FROM v_voice_documents WHERE domain_uuid = :domain "
				+ "AND voice_document_uuid = :uuid")
			.bind("domain", domain.value())
			.bind("uuid", uuid)
			.map(DocumentRepository::toRow)
			.one();
	}

	Flux<DocumentRow> list(DomainId domain, UUID secretaryUuid) {
		return this.database
			.sql("SELECT " + COLUMNS + " FROM v_voice_documents WHERE domain_uuid = :domain "
					+ "AND (CAST(:secretary AS uuid) IS NULL OR voice_secretary_uuid = :secretary) "
					+ "ORDER BY insert_date DESC, voice_document_uuid")
			.bind("domain", domain.value())
			.bind("secretary", Parameter.fromOrEmpty(secretaryUuid, UUID.class))
			.map(DocumentRepository::toRow)
			.all();
	}

	Mono<DocumentRow> findByHash(DomainId domain, String contentHash) {
		return this.database.sql("SELECT " + COLUMNS + " FROM v_voice_documents WHERE domain_uuid = :domain "
				+ "AND content_hash = :hash ORDER BY insert_date LIMIT 1")
			.bind("domain", domain.value())
			.bind("hash", contentHash)
			.map(DocumentRepository::toRow)
			.one();
	}

	/** The text of a JSON document (uploads keep theirs in a file). */
	Mono<String> content(DomainId domain, UUID uuid) {
		return this.database.sql("SELECT content FROM v_voice_documents WHERE domain_uuid = :domain "
				+ "AND voice_document_uuid = :uuid AND content IS NOT NULL")
			.bind("domain", domain.value())
			.bind("uuid", uuid)
			.map((row, metadata) -> row.get("content", String.class))
			.one();
	}

	/** Which of {@code uuids} are the domain's enabled documents: stale or disabled ones are never cited. */
	public Flux<UUID> enabledAmong(DomainId domain, List<UUID> uuids) {
		return this.database.sql("SELECT voice_document_uuid FROM v_voice_documents WHERE domain_uuid = :domain "
				+ "AND voice_document_uuid = ANY(:uuids) AND " + ENABLED)
			.bind("domain", domain.value())
			.bind("uuids", uuids.toArray(UUID[]::new))
			.map((row, metadata) -> row.get("voice_document_uuid", UUID.class))
			.all();
	}

	Mono<Boolean> secretaryExists(DomainId domain, UUID secretaryUuid) {
		return this.database.sql("SELECT 1 AS found FROM v_voice_secretaries WHERE domain_uuid = :domain "
				+ "AND voice_secretary_uuid = :secretary")
			.bind("domain", domain.value())
			.bind("secretary", secretaryUuid)
			.map((row, metadata) -> true)
			.one()
			.defaultIfEmpty(false);
	}

	/**
	 * Takes the oldest pending document of any domain for ingestion. {@code SKIP LOCKED} lets two workers never take
	 * the same one.
	 */
	Mono<DocumentRow> claimNext() {
		return this.database.sql("""
				UPDATE v_voice_documents SET processing_status = 'processing', processing_error = NULL,
				    chunk_count = 0, chunks_processed = 0, update_date = now()
				WHERE voice_document_uuid = (
				    SELECT voice_document_uuid FROM v_voice_documents WHERE processing_status = 'pending'
				    ORDER BY insert_date, voice_document_uuid LIMIT 1 FOR UPDATE SKIP LOCKED)
				RETURNING """ + " " + COLUMNS)
			.map(DocumentRepository::toRow)
			.one();
	}

	/** At start: documents a stopped or crashed process left {@code processing} are queued again. */
	Mono<Long> requeueInterrupted() {
		return this.database.sql("UPDATE v_voice_documents SET processing_status = 'pending', update_date = now() "
				+ "WHERE processing_status = 'processing'")
			.fetch()
			.rowsUpdated();
	}

	/** Records how many chunks the ingestion made; false when the document was deleted or requeued meanwhile. */
	Mono<Boolean> startChunks(DomainId domain, UUID uuid, int chunkCount) {
		return whileProcessing(domain, uuid, "chunk_count = :count, chunks_processed = 0", chunkCount);
	}

	/** Records progress; false when the document was deleted or requeued meanwhile, so the worker stops. */
	Mono<Boolean> progress(DomainId domain, UUID uuid, int chunksProcessed) {
		return whileProcessing(domain, uuid, "chunks_processed = :count", chunksProcessed);
	}

	Mono<Boolean> markReady(DomainId domain, UUID uuid, int chunkCount) {
		return whileProcessing(domain, uuid, "processing_status = 'ready', processing_error = NULL, "
				+ "processed_at = now(), chunk_count = :count, chunks_processed = :count", chunkCount);
	}

	Mono<Boolean> markFailed(DomainId domain, UUID uuid, String error) {
		return this.database.sql("UPDATE v_voice_documents SET processing_status = 'failed', processing_error = :error, "
				+ "update_date = now() WHERE domain_uuid = :domain AND voice_document_uuid = :uuid "
				+ "AND processing_status = 'processing'")
			.bind("error", error)
			.bind("domain", domain.value())
			.bind("uuid", uuid)
			.fetch()
			.rowsUpdated()
			.map((count) -> count > 0);
	}

	/** Queues a document for ingestion again; false when it does not exist or is being processed right now. */
	Mono<Boolean> requestReprocess(DomainId domain, UUID uuid) {
		return this.database.sql("UPDATE v_voice_documents SET processing_status = 'pending', processing_error = NULL, "
				+ "chunks_processed = 0, update_date = now() WHERE domain_uuid = :domain AND voice_document_uuid = :uuid "
				+ "AND processing_status <> 'processing'")
			.bind("domain", domain.value())
			.bind("uuid", uuid)
			.fetch()
			.rowsUpdated()
			.map((count) -> count > 0);
	}

	Mono<Boolean> delete(DomainId domain, UUID uuid) {
		return this.database.sql("DELETE FROM v_voice_documents WHERE domain_uuid = :domain AND voice_document_uuid = :uuid")
			.bind("domain", domain.value())
			.bind("uuid", uuid)
			.fetch()
			.rowsUpdated()
			.map((count) -> count > 0);
	}

	private Mono<Boolean> whileProcessing(DomainId domain, UUID uuid, String assignments, int count) {
		return this.database.sql("UPDATE v_voice_documents SET " + assignments + ", update_date = now() "
				+ "WHERE domain_uuid = :domain AND voice_document_uuid = :uuid AND processing_status = 'processing'")
			.bind("count", count)
			.bind("domain", domain.value())
			.bind("uuid", uuid)
			.fetch()
			.rowsUpdated()
			.map((updated) -> updated > 0);
	}

	private static DocumentRow toRow(Readable row) {
		Integer chunkCount = row.get("chunk_count", Integer.class);
		Integer chunksProcessed = row.get("chunks_processed", Integer.class);
		return new DocumentRow(row.get("voice_document_uuid", UUID.class),
				new DomainId(row.get("domain_uuid", UUID.class)), row.get("voice_secretary_uuid", UUID.class),
				row.get("document_name", String.class), row.get("document_type", String.class),
				row.get("mime_type", String.class), row.get("file_path", String.class),
				row.get("file_size", Long.class), row.get("content_hash", String.class),
				(chunkCount != null) ? chunkCount : 0, (chunksProcessed != null) ? chunksProcessed : 0,
				DocumentStatus.fromCode(row.get("processing_status", String.class)),
				row.get("processing_error", String.class), row.get("processed_at", OffsetDateTime.class),
				SqlBooleans.parse(row.get("enabled", String.class), true),
				row.get("insert_date", OffsetDateTime.class));
	}

}
