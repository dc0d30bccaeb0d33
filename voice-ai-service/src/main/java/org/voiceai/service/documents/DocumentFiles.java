package org.voiceai.service.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;

import org.voiceai.tenant.DomainId;

/**
 * The original uploads, kept as {@code <root>/<domain_uuid>/<document_uuid>} so a document can be reprocessed and a
 * crash mid-ingestion recovered. An upload is streamed to {@code <root>/.incoming} while it is counted and hashed,
 * and refused as soon as it passes the size limit, so it is never held in memory whole.
 */
final class DocumentFiles {

	private final Path root;

	private final long maxSize;

	private final Scheduler scheduler;

	private final ContentSniffer sniffer = new ContentSniffer();

	/**
	 * @param root the document store
	 * @param maxSize largest accepted upload in bytes
	 * @param scheduler for the blocking file-system calls
	 */
	DocumentFiles(Path root, long maxSize, Scheduler scheduler) {
		this.root = root.toAbsolutePath();
		this.maxSize = maxSize;
		this.scheduler = scheduler;
	}

	/** Streams an upload to disk; fails with 413 past the size limit, leaving nothing behind. */
	Mono<StagedUpload> stage(Flux<DataBuffer> content) {
		return blocking(() -> {
			Path incoming = Files.createDirectories(this.root.resolve(".incoming"));
			return Files.createTempFile(incoming, "upload-", ".part");
		}).flatMap((file) -> {
			MessageDigest digest = sha256();
			AtomicLong size = new AtomicLong();
			Flux<DataBuffer> counted = content.handle((buffer, sink) -> {
				if (size.addAndGet(buffer.readableByteCount()) > this.maxSize) {
					DataBufferUtils.release(buffer);
					sink.error(tooLarge(this.maxSize));
					return;
				}
				try (DataBuffer.ByteBufferIterator chunks = buffer.readableByteBuffers()) {
					chunks.forEachRemaining(digest::update);
				}
				sink.next(buffer);
			});
			return DataBufferUtils.write(counted, file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)
				.then(Mono.fromSupplier(() -> new StagedUpload(file, size.get(), HexFormat.of().formatHex(digest.digest()))))
				.onErrorResume((error) -> delete(file).then(Mono.error(error)));
		});
	}

	/** What a staged upload is, from its bytes; 415 for what we do not read. */
	Mono<DocumentType> type(StagedUpload upload, String fileName) {
		return blocking(() -> this.sniffer.sniff(upload.file(), fileName));
	}

	/** Moves a staged upload to its document's place; returns that path as stored in {@code file_path}. */
	Mono<String> keep(StagedUpload upload, DomainId domain, UUID document) {
		return blocking(() -> {
			Path target = this.root.resolve(domain.toString()).resolve(document.toString());
			Files.createDirectories(target.getParent());
			Files.move(upload.file(), target, StandardCopyOption.ATOMIC_MOVE);
			return target.toString();
		});
	}

	/** Deletes a stored or staged file; a missing one is fine. */
	Mono<Void> delete(Path file) {
		return blocking(() -> Files.deleteIfExists(file)).then();
	}

	static DocumentException tooLarge(long maxSize) {
		return new DocumentException(HttpStatus.CONTENT_TOO_LARGE, "document-too-large",
				"the document is larger than the limit of " + (maxSize / (1024 * 1024)) + " MB "
						+ "(voice-ai.documents.max-size); split it or compress its images");
	}

	private <T> Mono<T> blocking(IoCall<T> call) {
		return Mono.fromCallable(() -> {
			try {
				return call.call();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("document store: " + ex.getMessage(), ex);
			}
		}).subscribeOn(this.scheduler);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	@FunctionalInterface
	private interface IoCall<T> {

		T call() throws IOException;

	}

}
