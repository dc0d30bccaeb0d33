package org.voiceai.service.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Splits extracted text into paragraphs at blank lines, the boundaries the chunker keeps. */
final class Paragraphs {

	private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n");

	private Paragraphs() {
	}

	/** Non-blank paragraphs, trimmed, line breaks normalised to {@code \n}. */
	static List<String> split(String text) {
		List<String> paragraphs = new ArrayList<>();
		for (String paragraph : BLANK_LINES.split(text.replace("\r\n", "\n").replace('\r', '\n'))) {
			String trimmed = paragraph.strip();
			if (!trimmed.isEmpty()) {
				paragraphs.add(trimmed);
			}
		}
		return paragraphs;
	}

	/** Joins the lines of a wrapped paragraph (PDF layout breaks) with spaces, re-joining hyphenated words. */
	static String unwrap(String paragraph) {
		return paragraph.replaceAll("(\\p{L})-\\n(\\p{Ll})", "$1$2").replaceAll("\\s*\\n\\s*", " ");
	}

}
