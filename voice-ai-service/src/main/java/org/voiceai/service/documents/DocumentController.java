package org.voiceai.service.documents;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;

import org.voiceai.tenant.DomainId;

/**
 * The knowledge base's documents: upload (a file, or JSON text or FAQ), list, status and progress, chunks, reprocess,
 * delete. A new document answers 202 (ingestion runs in the background: poll its status); content the domain already
 * has answers 200 with the existing document.
 */
@RestController
class DocumentController {

	private static final String DOCUMENTS = "/api/v1/documents";

	private final DocumentService documents;

	DocumentController(DocumentService documents) {
		this.documents = documents;
	}

	@PostMapping(path = DOCUMENTS, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Upload a PDF, DOCX, TXT or Markdown file (type read from its content)")
	Mono<ResponseEntity<DocumentResponse>> upload(@Parameter(hidden = true) DomainId domain,
			@RequestPart("file") FilePart file,
			@RequestPart(name = "secretary_uuid", required = false) String secretaryUuid,
			@RequestPart(name = "title", required = false) String title) {
		return this.documents.upload(domain, file, title, uuid(secretaryUuid, "secretary_uuid"))
			.map(DocumentController::answer);
	}

	@PostMapping(path = DOCUMENTS, consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Add a text, Markdown or FAQ document sent as JSON")
	Mono<ResponseEntity<DocumentResponse>> addText(@Parameter(hidden = true) DomainId domain,
			@RequestBody TextDocumentRequest request) {
		return this.documents.addText(domain, request).map(DocumentController::answer);
	}

	@GetMapping(DOCUMENTS)
	@Operation(summary = "The domain's documents, newest first, with status and progress")
	Flux<DocumentResponse> list(@Parameter(hidden = true) DomainId domain,
			@RequestParam(name = "secretary_uuid", required = false) UUID secretaryUuid) {
		return this.documents.list(domain, secretaryUuid).map(DocumentResponse::from);
	}

	@GetMapping(DOCUMENTS + "/{id}")
	@Operation(summary = "A document's status, progress and error")
	Mono<DocumentResponse> get(@Parameter(hidden = true) DomainId domain, @PathVariable String id) {
		return this.documents.get(domain, uuid(id, "document id")).map(DocumentResponse::from);
	}

	@GetMapping(DOCUMENTS + "/{id}/chunks")
	@Operation(summary = "A document's chunks, as the secretary reads them")
	Flux<ChunkResponse> chunks(@Parameter(hidden = true) DomainId domain, @PathVariable String id) {
		return this.documents.chunks(domain, uuid(id, "document id")).map(ChunkResponse::from);
	}

	@PostMapping(DOCUMENTS + "/{id}/reprocess")
	@Operation(summary = "Parse, chunk and embed a document again (e.g. after changing the embeddings provider)")
	Mono<ResponseEntity<DocumentResponse>> reprocess(@Parameter(hidden = true) DomainId domain,
			@PathVariable String id) {
		return this.documents.reprocess(domain, uuid(id, "document id"))
			.map((row) -> ResponseEntity.accepted().body(DocumentResponse.from(row)));
	}

	@DeleteMapping(DOCUMENTS + "/{id}")
	@Operation(summary = "Delete a document with its chunks and vectors")
	Mono<ResponseEntity<Void>> delete(@Parameter(hidden = true) DomainId domain, @PathVariable String id) {
		return this.documents.delete(domain, uuid(id, "document id")).thenReturn(ResponseEntity.noContent().build());
	}

	private static ResponseEntity<DocumentResponse> answer(UploadResult result) {
		DocumentResponse body = DocumentResponse.from(result.document());
		if (!result.created()) {
			return ResponseEntity.ok(body);
		}
		return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create(DOCUMENTS + "/" + body.documentUuid()))
			.body(body);
	}

	private static UUID uuid(String text, String what) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			if (text.trim().length() != 36) {
				throw new IllegalArgumentException();
			}
			return UUID.fromString(text.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(what + " is not a UUID: '" + text + "'");
		}
	}

}
