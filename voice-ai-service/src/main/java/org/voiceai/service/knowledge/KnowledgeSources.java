package org.voiceai.service.knowledge;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

import org.voiceai.tenant.DomainId;

/**
 * The text of the chunks a search found, read from {@code v_voice_document_chunks}, for documents that still exist
 * in the domain and are enabled: vectors of a document deleted or disabled a moment ago are never cited, whatever
 * the vector store still holds.
 */
public class KnowledgeSources {

	private final DatabaseClient database;

	public KnowledgeSources(DatabaseClient database) {
		this.database = database;
	}

	Mono<Map<ChunkKey, String>> chunks(DomainId domain, List<ChunkKey> keys) {
		if (keys.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.database.sql("""
				SELECT c.voice_document_uuid, c.chunk_index, c.content
				FROM v_voice_document_chunks c
				JOIN v_voice_documents d ON d.voice_document_uuid = c.voice_document_uuid AND d.domain_uuid = :domain
				JOIN unnest(:documents::uuid[], :indexes::int[]) AS k(document, index)
				    ON k.document = c.voice_document_uuid AND k.index = c.chunk_index
				WHERE c.domain_uuid = :domain AND coalesce(lower(d.enabled::text), 'true') IN ('true', 't')""")
			.bind("domain", domain.value())
			.bind("documents", keys.stream().map(ChunkKey::documentUuid).toArray(UUID[]::new))
			.bind("indexes", keys.stream().map(ChunkKey::chunkIndex).toArray(Integer[]::new))
			.map((row, metadata) -> Map.entry(
					new ChunkKey(row.get("voice_document_uuid", UUID.class), row.get("chunk_index", Integer.class)),
					row.get("content", String.class)))
			.all()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
	}

	/**
	 * A chunk of a document.
	 *
	 * @param documentUuid the document
	 * @param chunkIndex the chunk's position in it
	 */
	record ChunkKey(UUID documentUuid, int chunkIndex) {
	}

}
