package org.voiceai.service.documents;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Text of a PDF page by page (PDFBox), so every chunk knows its page. PDFBox caches the document in temporary files,
 * not memory, so a 20 MB PDF costs little heap.
 */
final class PdfExtractor {

	ParsedDocument extract(Path file) {
		try (PDDocument pdf = Loader.loadPDF(file.toFile(), "", IOUtils.createTempFileOnlyStreamCache())) {
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setSortByPosition(true);
			// A blank line between the paragraphs PDFBox detects; lines within one are re-joined below.
			stripper.setParagraphEnd("\n");
			List<TextBlock> blocks = new ArrayList<>();
			int pages = pdf.getNumberOfPages();
			for (int page = 1; page <= pages; page++) {
				stripper.setStartPage(page);
				stripper.setEndPage(page);
				for (String paragraph : Paragraphs.split(stripper.getText(pdf))) {
					blocks.add(new TextBlock(Paragraphs.unwrap(paragraph), page));
				}
			}
			if (blocks.isEmpty()) {
				throw new IngestionFailure("no extractable text — scanned image? The PDF's " + pages + " page(s) hold "
						+ "no text layer; run it through OCR and upload the result");
			}
			return new ParsedDocument(blocks, pages);
		}
		catch (InvalidPasswordException ex) {
			throw new IngestionFailure("encrypted PDF: it needs a password to open; upload a copy without the password");
		}
		catch (IOException ex) {
			throw new IngestionFailure("unreadable PDF: " + ex.getMessage(), ex);
		}
	}

}
