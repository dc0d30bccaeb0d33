package org.voiceai.service.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.springframework.http.HttpStatus;

/**
 * Decides what an upload is from its bytes: PDF ({@code %PDF}), DOCX (a ZIP holding {@code word/document.xml}),
 * else text (Markdown when the name ends in .md or .markdown). Known binary formats and anything with NUL bytes or
 * many control characters are refused, so a PNG renamed to .txt fails at once with a message naming what it is.
 */
final class ContentSniffer {

	private static final int HEAD = 8192;

	private static final List<Signature> BINARIES = List.of(new Signature("PNG image", 0x89, 'P', 'N', 'G'),
			new Signature("JPEG image", 0xFF, 0xD8, 0xFF), new Signature("GIF image", 'G', 'I', 'F', '8'),
			new Signature("TIFF image", 'I', 'I', 0x2A, 0x00), new Signature("TIFF image", 'M', 'M', 0x00, 0x2A),
			new Signature("RIFF media (WAV, AVI or WebP)", 'R', 'I', 'F', 'F'),
			new Signature("MP3 audio", 'I', 'D', '3'), new Signature("Ogg media", 'O', 'g', 'g', 'S'),
			new Signature("legacy Office file (.doc, .xls, .ppt): save it as DOCX or PDF", 0xD0, 0xCF, 0x11, 0xE0),
			new Signature("RTF document: save it as DOCX or PDF", '{', '\\', 'r', 't', 'f'),
			new Signature("gzip archive", 0x1F, 0x8B), new Signature("7-Zip archive", '7', 'z', 0xBC, 0xAF),
			new Signature("RAR archive", 'R', 'a', 'r', '!'), new Signature("executable", 0x7F, 'E', 'L', 'F'),
			new Signature("executable", 'M', 'Z'));

	/**
	 * @param file the stored upload, not empty
	 * @param fileName the name the uploader gave, used only to tell Markdown from plain text
	 * @throws DocumentException 415 for anything we do not read
	 */
	DocumentType sniff(Path file, String fileName) {
		byte[] head = head(file);
		if (startsWith(head, '%', 'P', 'D', 'F')) {
			return DocumentType.PDF;
		}
		if (startsWith(head, 'P', 'K', 0x03, 0x04)) {
			return zip(file);
		}
		for (Signature signature : BINARIES) {
			if (startsWith(head, signature.magic())) {
				throw unsupported(signature.name());
			}
		}
		if (!looksLikeText(head)) {
			throw unsupported("binary data");
		}
		String name = (fileName != null) ? fileName.toLowerCase(Locale.ROOT) : "";
		return (name.endsWith(".md") || name.endsWith(".markdown")) ? DocumentType.MARKDOWN : DocumentType.TEXT;
	}

	private static DocumentType zip(Path file) {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			if (zip.getEntry("word/document.xml") != null) {
				return DocumentType.DOCX;
			}
			if (zip.getEntry("xl/workbook.xml") != null || zip.getEntry("ppt/presentation.xml") != null) {
				throw unsupported("Excel or PowerPoint file: export it as PDF");
			}
			throw unsupported("ZIP archive that is not a DOCX");
		}
		catch (ZipException ex) {
			throw unsupported("broken ZIP archive");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** UTF-16 text has a BOM; other text has no NUL bytes and almost no control characters. */
	private static boolean looksLikeText(byte[] head) {
		if (startsWith(head, 0xFF, 0xFE) || startsWith(head, 0xFE, 0xFF)) {
			return true;
		}
		int controls = 0;
		for (byte value : head) {
			int b = value & 0xFF;
			if (b == 0) {
				return false;
			}
			if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
				controls++;
			}
		}
		return controls * 100 <= head.length;
	}

	private static byte[] head(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return in.readNBytes(HEAD);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static DocumentException unsupported(String what) {
		return new DocumentException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-file-type",
				"unsupported file type (" + what + "): upload a PDF, DOCX, text or Markdown file");
	}

	private record Signature(String name, int... magic) {
	}

}
