package org.voiceai.service.documents;

import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

import org.voiceai.tenant.DomainId;

/** Reads and writes {@code v_voice_document_chunks}, always scoped by {@code domain_uuid}. */
public class ChunkRepository {

	private final DatabaseClient database;

	public ChunkRepository(DatabaseClient database) {
		this.database = database;
	}

	/** Inserts a document's chunks in one statement (arrays unnested), whatever their number. */
	Mono<Void> insertAll(DomainId domain, List<ChunkRow> chunks) {
		if (chunks.isEmpty()) {
			return Mono.empty();
		}
		return this.database.sql("""
				INSERT INTO v_voice_document_chunks (voice_document_chunk_uuid, domain_uuid, voice_document_uuid,
				    chunk_index, content, token_count, page_number, embedding_model, metadata, insert_date)
				SELECT c.uuid, :domain, c.document, c.index, c.content, c.tokens, c.page, c.model,
				    CASE WHEN c.page_end IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('page_end', c.page_end) END,
				    now()
				FROM unnest(:uuids::uuid[], :documents::uuid[], :indexes::int[], :contents::text[], :tokens::int[],
				    :pages::int[], :pageEnds::int[], :models::text[])
				    AS c(uuid, document, index, content, tokens, page, page_end, model)
				""")
			.bind("domain", domain.value())
			.bind("uuids", chunks.stream().map(ChunkRow::uuid).toArray(UUID[]::new))
			.bind("documents", chunks.stream().map(ChunkRow::documentUuid).toArray(UUID[]::new))
			.bind("indexes", chunks.stream().map(ChunkRow::index).toArray(Integer[]::new))
			.bind("contents", chunks.stream().map(ChunkRow::content).toArray(String[]::new))
			.bind("tokens", chunks.stream().map(ChunkRow::tokenCount).toArray(Integer[]::new))
			.bind("pages", chunks.stream().map(ChunkRow::pageNumber).toArray(Integer[]::new))
			.bind("pageEnds", chunks.stream().map(ChunkRow::pageEnd).toArray(Integer[]::new))
			.bind("models", chunks.stream().map(ChunkRow::embeddingModel).toArray(String[]::new))
			.then();
	}

	Flux<ChunkRow> findByDocument(DomainId domain, UUID documentUuid) {
		return this.database.sql("""
				SELECT voice_document_chunk_uuid, voice_document_uuid, chunk_index, content, token_count, page_number,
				    (metadata->>'page_end')::int AS page_end, embedding_model
				FROM v_voice_document_chunks WHERE domain_uuid = :domain AND voice_document_uuid = :document
				ORDER BY chunk_index""")
			.bind("domain", domain.value())
			.bind("document", documentUuid)
			.map((row, metadata) -> new ChunkRow(row.get("voice_document_chunk_uuid", UUID.class),
					row.get("voice_document_uuid", UUID.class), row.get("chunk_index", Integer.class),
					row.get("content", String.class),
					(row.get("token_count", Integer.class) != null) ? row.get("token_count", Integer.class) : 0,
					row.get("page_number", Integer.class), row.get("page_end", Integer.class),
					row.get("embedding_model", String.class)))
			.all();
	}

	/** The embedding models a document's stored chunks were made with: the spaces holding its vectors. */
	Flux<String> models(DomainId domain, UUID documentUuid) {
		return this.database.sql("SELECT DISTINCT embedding_model FROM v_voice_document_chunks "
				+ "WHERE domain_uuid = :domain AND voice_document_uuid = :document AND embedding_model IS NOT NULL")
			.bind("domain", domain.value())
			.bind("document", documentUuid)
			.map((row, metadata) -> row.get("embedding_model", String.class))
			.all();
	}

	Mono<Long> deleteByDocument(DomainId domain, UUID documentUuid) {
		return this.database.sql("DELETE FROM v_voice_document_chunks WHERE domain_uuid = :domain "
				+ "AND voice_document_uuid = :document")
			.bind("domain", domain.value())
			.bind("document", documentUuid)
			.fetch()
			.rowsUpdated();
	}

}
