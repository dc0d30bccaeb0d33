package org.voiceai.service.documents;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.codec.multipart.FilePart;

import org.voiceai.providers.vectorstore.VectorSpace;
import org.voiceai.providers.vectorstore.VectorStore;
import org.voiceai.tenant.DomainId;

/**
 * The document API's work: store an upload (type from its bytes, duplicates recognised by content hash), queue it
 * for ingestion, show status and chunks, reprocess and delete. Every call acts in one domain only; a document of
 * another domain is "not found".
 */
class DocumentService {

	private static final int MAX_NAME = 255;

	private final DocumentRepository documents;

	private final ChunkRepository chunks;

	private final DocumentFiles files;

	private final DocumentIngestion ingestion;

	private final VectorStore store;

	private final long maxSize;

	DocumentService(DocumentRepository documents, ChunkRepository chunks, DocumentFiles files,
			DocumentIngestion ingestion, VectorStore store, long maxSize) {
		this.documents = documents;
		this.chunks = chunks;
		this.files = files;
		this.ingestion = ingestion;
		this.store = store;
		this.maxSize = maxSize;
	}

	Mono<UploadResult> upload(DomainId domain, FilePart file, String title, UUID secretaryUuid) {
		return checkSecretary(domain, secretaryUuid)
			.then(this.files.stage(file.content()))
			.flatMap((staged) -> classify(staged, file.filename())
				.flatMap((type) -> this.documents.findByHash(domain, staged.sha256())
					.map((existing) -> new UploadResult(existing, false))
					.switchIfEmpty(Mono.defer(() -> store(domain, staged, type, name(title, file.filename()),
							secretaryUuid))))
				.flatMap((result) -> result.created() ? Mono.just(result)
						: this.files.delete(staged.file()).thenReturn(result))
				.onErrorResume((error) -> this.files.delete(staged.file()).then(Mono.error(error))));
	}

	Mono<UploadResult> addText(DomainId domain, TextDocumentRequest request) {
		DocumentType type = textType(request);
		String content = (type == DocumentType.FAQ) ? faqText(request.faq()) : request.content();
		if (content == null || content.isBlank()) {
			return Mono.error(new DocumentException(HttpStatus.BAD_REQUEST, "empty-document",
					"empty file: send the text in 'content' or questions and answers in 'faq'"));
		}
		byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
		if (bytes.length > this.maxSize) {
			return Mono.error(DocumentFiles.tooLarge(this.maxSize));
		}
		String hash = HexFormat.of().formatHex(sha256(bytes));
		String name = name(request.title(), (type == DocumentType.FAQ) ? "FAQ" : content.strip().lines().findFirst().orElse(""));
		return checkSecretary(domain, request.secretaryUuid())
			.then(this.documents.findByHash(domain, hash))
			.map((existing) -> new UploadResult(existing, false))
			.switchIfEmpty(Mono.defer(() -> this.documents
				.insert(domain, new DocumentDraft(UUID.randomUUID(), request.secretaryUuid(), name, type, null, content,
						bytes.length, hash))
				.map((row) -> new UploadResult(row, true))
				.doOnNext((created) -> this.ingestion.wake())));
	}

	Flux<DocumentRow> list(DomainId domain, UUID secretaryUuid) {
		return this.documents.list(domain, secretaryUuid);
	}

	Mono<DocumentRow> get(DomainId domain, UUID document) {
		return this.documents.find(domain, document).switchIfEmpty(Mono.error(() -> DocumentException.notFound(document)));
	}

	Flux<ChunkRow> chunks(DomainId domain, UUID document) {
		return get(domain, document).thenMany(this.chunks.findByDocument(domain, document));
	}

	Mono<DocumentRow> reprocess(DomainId domain, UUID document) {
		return get(domain, document).flatMap((row) -> this.documents.requestReprocess(domain, document))
			.flatMap((queued) -> queued ? get(domain, document)
					: Mono.error(new DocumentException(HttpStatus.CONFLICT, "document-busy", "document " + document
							+ " is being processed right now; reprocess it once it is ready or failed")))
			.doOnNext((row) -> this.ingestion.wake());
	}

	/** Deletes the document, its chunks, its vectors in every space they were stored in, and its file. */
	Mono<Void> delete(DomainId domain, UUID document) {
		return get(domain, document).flatMap((row) -> this.chunks.models(domain, document)
			.collectList()
			.flatMap((models) -> this.documents.delete(domain, document)
				.then(this.chunks.deleteByDocument(domain, document))
				.thenMany(Flux.fromIterable(models))
				.concatMap((model) -> this.store.removeDocument(new VectorSpace(domain, model), document))
				.then((row.filePath() != null) ? this.files.delete(Path.of(row.filePath())) : Mono.empty())));
	}

	private Mono<DocumentType> classify(StagedUpload staged, String fileName) {
		if (staged.size() == 0) {
			return Mono.error(new DocumentException(HttpStatus.BAD_REQUEST, "empty-document",
					"empty file: the upload has no content"));
		}
		return this.files.type(staged, fileName);
	}

	private Mono<UploadResult> store(DomainId domain, StagedUpload staged, DocumentType type, String name,
			UUID secretaryUuid) {
		UUID uuid = UUID.randomUUID();
		return this.files.keep(staged, domain, uuid)
			.flatMap((path) -> this.documents
				.insert(domain,
						new DocumentDraft(uuid, secretaryUuid, name, type, path, null, staged.size(), staged.sha256()))
				.onErrorResume((error) -> this.files.delete(Path.of(path)).then(Mono.error(error))))
			.map((row) -> new UploadResult(row, true))
			.doOnNext((created) -> this.ingestion.wake());
	}

	private Mono<Void> checkSecretary(DomainId domain, UUID secretaryUuid) {
		if (secretaryUuid == null) {
			return Mono.empty();
		}
		return this.documents.secretaryExists(domain, secretaryUuid)
			.flatMap((exists) -> exists ? Mono.empty()
					: Mono.error(new DocumentException(HttpStatus.BAD_REQUEST, "unknown-secretary",
							"secretary_uuid " + secretaryUuid + " is not a secretary of this domain")));
	}

	private static DocumentType textType(TextDocumentRequest request) {
		if (request.faq() != null && !request.faq().isEmpty()) {
			return DocumentType.FAQ;
		}
		String format = (request.format() != null) ? request.format().trim().toLowerCase(Locale.ROOT) : "text";
		return switch (format) {
			case "", "text", "txt", "plain" -> DocumentType.TEXT;
			case "markdown", "md" -> DocumentType.MARKDOWN;
			default -> throw new IllegalArgumentException("format must be 'text' or 'markdown', not '" + format + "'");
		};
	}

	/** Each question with its answer as one paragraph, so the chunker keeps them together. */
	private static String faqText(List<FaqEntry> faq) {
		StringBuilder text = new StringBuilder();
		for (FaqEntry entry : faq) {
			if (entry == null || entry.question() == null || entry.answer() == null || entry.question().isBlank()
					|| entry.answer().isBlank()) {
				throw new IllegalArgumentException("every faq entry needs a question and an answer");
			}
			text.append("Q: ").append(entry.question().strip()).append("\nA: ").append(entry.answer().strip())
				.append("\n\n");
		}
		return text.toString();
	}

	private static String name(String title, String fallback) {
		String name = (title != null && !title.isBlank()) ? title.strip()
				: (fallback != null && !fallback.isBlank()) ? fallback.strip() : "document";
		name = name.replaceAll("[\\p{Cntrl}]", " ");
		return (name.length() > MAX_NAME) ? name.substring(0, MAX_NAME) : name;
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

}
