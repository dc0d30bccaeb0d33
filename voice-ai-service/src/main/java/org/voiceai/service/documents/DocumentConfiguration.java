package org.voiceai.service.documents;

import java.nio.file.Path;

import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;

import org.voiceai.providers.vectorstore.VectorStore;
import org.voiceai.service.knowledge.KnowledgeEmbeddings;

/** The document API and the ingestion worker. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DocumentProperties.class)
class DocumentConfiguration {

	/** Documents waiting for a parse or embedding thread; they are also queued in the database. */
	private static final int QUEUE = 1_000;

	@Bean
	DocumentRepository documentRepository(DatabaseClient database) {
		return new DocumentRepository(database);
	}

	@Bean
	ChunkRepository chunkRepository(DatabaseClient database) {
		return new ChunkRepository(database);
	}

	@Bean
	DocumentFiles documentFiles(DocumentProperties properties, Environment environment) {
		Path root = (properties.storageDirectory() != null) ? properties.storageDirectory()
				: Path.of(environment.getProperty("voice-ai.home", System.getProperty("user.home") + "/.voice-ai"),
						"documents");
		return new DocumentFiles(root, properties.maxSize().toBytes(), Schedulers.boundedElastic());
	}

	@Bean
	DocumentIngestion documentIngestion(DocumentRepository documents, ChunkRepository chunks,
			KnowledgeEmbeddings embeddings, VectorStore store, DocumentProperties properties) {
		Scheduler scheduler = Schedulers.newBoundedElastic(properties.threads(), QUEUE, "document-ingestion");
		return new DocumentIngestion(documents, chunks, new DocumentParser(properties.maxUnpackedSize().toBytes()),
				new Chunker(properties.chunkTokens(), properties.chunkOverlapTokens()),
				new Passages(properties.passageTokens()), embeddings, store, scheduler,
				properties.embedBatchSize());
	}

	@Bean
	DocumentService documentService(DocumentRepository documents, ChunkRepository chunks, DocumentFiles files,
			DocumentIngestion ingestion, VectorStore store, DocumentProperties properties) {
		return new DocumentService(documents, chunks, files, ingestion, store, properties.maxSize().toBytes());
	}

	@Bean
	DocumentUploadLimit documentUploadLimit(DocumentProperties properties, JsonMapper json) {
		return new DocumentUploadLimit(properties.maxSize().toBytes(), json);
	}

	@Bean
	ShutdownSignal documentIngestionShutdownSignal(DocumentIngestion ingestion) {
		return new ShutdownSignal(ingestion);
	}

	/**
	 * Tells the worker that shutdown has begun, first of all listeners: the embedded database stops on the same event,
	 * and a worker that then fails to reach it must not record that as the document's failure.
	 */
	record ShutdownSignal(DocumentIngestion ingestion) {

		@EventListener(ContextClosedEvent.class)
		@Order(Ordered.HIGHEST_PRECEDENCE)
		public void closing() {
			this.ingestion.shutdownStarted();
		}

	}

}
