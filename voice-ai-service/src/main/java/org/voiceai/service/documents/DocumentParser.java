package org.voiceai.service.documents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a stored document into paragraphs: PDFBox for PDF, POI for DOCX, our own decoder for text. Blocking and CPU
 * bound: callers run it on the ingestion scheduler.
 */
final class DocumentParser {

	private final PdfExtractor pdf = new PdfExtractor();

	private final DocxExtractor docx;

	private final TextExtractor text = new TextExtractor();

	DocumentParser(long maxUnpackedDocx) {
		this.docx = new DocxExtractor(maxUnpackedDocx);
	}

	/** An uploaded file. */
	ParsedDocument parse(DocumentType type, Path file) {
		if (!Files.isRegularFile(file)) {
			throw new IngestionFailure("the uploaded file is missing from the document store; upload it again");
		}
		return switch (type) {
			case PDF -> this.pdf.extract(file);
			case DOCX -> this.docx.extract(file);
			case TEXT, MARKDOWN, FAQ -> this.text.extract(read(file), type == DocumentType.MARKDOWN);
		};
	}

	/** A document sent as JSON text. */
	ParsedDocument parse(DocumentType type, String content) {
		if (!type.isText()) {
			throw new IngestionFailure("unsupported file type '" + type.code() + "' for a text document");
		}
		return this.text.extract(content, type == DocumentType.MARKDOWN);
	}

	private static byte[] read(Path file) {
		try {
			byte[] bytes = Files.readAllBytes(file);
			if (bytes.length == 0) {
				throw new IngestionFailure("empty file: it holds no text");
			}
			return bytes;
		}
		catch (NoSuchFileException ex) {
			throw new IngestionFailure("the uploaded file is missing from the document store; upload it again");
		}
		catch (IOException ex) {
			throw new IngestionFailure("cannot read the uploaded file: " + ex.getMessage(), ex);
		}
	}

}
