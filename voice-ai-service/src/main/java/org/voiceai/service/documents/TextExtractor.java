package org.voiceai.service.documents;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain text and Markdown: decoded as UTF-8 (with or without BOM), UTF-16 with a BOM, or, when the bytes are not
 * valid UTF-8, Windows-1252, which is what Windows editors in Brazil save by default. Paragraphs are separated by
 * blank lines; a Markdown heading stays with the paragraph under it.
 */
final class TextExtractor {

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	ParsedDocument extract(byte[] bytes, boolean markdown) {
		return extract(decode(bytes), markdown);
	}

	ParsedDocument extract(String text, boolean markdown) {
		List<TextBlock> blocks = new ArrayList<>();
		String heading = null;
		for (String paragraph : Paragraphs.split(text)) {
			if (markdown && isHeadingOnly(paragraph)) {
				heading = (heading == null) ? paragraph : heading + "\n" + paragraph;
				continue;
			}
			blocks.add(new TextBlock((heading != null) ? heading + "\n" + paragraph : paragraph, null));
			heading = null;
		}
		if (heading != null) {
			blocks.add(new TextBlock(heading, null));
		}
		if (blocks.isEmpty()) {
			throw new IngestionFailure("empty file: it holds no text");
		}
		return new ParsedDocument(blocks, 0);
	}

	static String decode(byte[] bytes) {
		if (ContentSniffer.startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
			return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
		}
		if (ContentSniffer.startsWith(bytes, 0xFF, 0xFE)) {
			return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
		}
		if (ContentSniffer.startsWith(bytes, 0xFE, 0xFF)) {
			return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return new String(bytes, WINDOWS_1252);
		}
	}

	private static boolean isHeadingOnly(String paragraph) {
		return paragraph.lines().allMatch((line) -> line.startsWith("#"));
	}

}
