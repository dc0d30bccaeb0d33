package org.voiceai.realtime.provider.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a streamed reply into sentences, so each can be spoken as soon as the model has written it. A sentence ends
 * at {@code . ! ? …} followed by a space, or at a line break; a full stop after a short capitalised word ("Dr.",
 * "Sr.", "St.") is taken for an abbreviation, and a stop inside a number ("8.30") has no space after it. Not thread
 * safe: one reply's pieces arrive in order.
 */
final class SentenceSplitter {

	/** Shorter "sentences" are more likely stray punctuation; they are spoken with the next one. */
	private static final int MIN_LENGTH = 6;

	private final StringBuilder text = new StringBuilder();

	/** Adds a piece of the reply; returns the sentences it completed, in order (usually none or one). */
	List<String> add(String piece) {
		this.text.append(piece);
		List<String> sentences = new ArrayList<>(1);
		int start = 0;
		for (int i = 0; i < this.text.length() - 1; i++) {
			if (isBoundary(i) && this.text.substring(start, i + 1).strip().length() >= MIN_LENGTH) {
				sentences.add(this.text.substring(start, i + 1).strip());
				start = i + 1;
			}
		}
		this.text.delete(0, start);
		return sentences;
	}

	/** The rest of the reply once the model has finished, or nothing when only spaces are left. */
	List<String> flush() {
		String rest = this.text.toString().strip();
		this.text.setLength(0);
		return rest.isEmpty() ? List.of() : List.of(rest);
	}

	private boolean isBoundary(int i) {
		char c = this.text.charAt(i);
		if (c == '\n') {
			return true;
		}
		if (!Character.isWhitespace(this.text.charAt(i + 1))) {
			return false;
		}
		return switch (c) {
			case '!', '?', '…' -> true;
			case '.' -> !afterAbbreviation(i);
			default -> false;
		};
	}

	private boolean afterAbbreviation(int dot) {
		int start = dot;
		while (start > 0 && Character.isLetter(this.text.charAt(start - 1))) {
			start--;
		}
		int length = dot - start;
		return length > 0 && length <= 3 && Character.isUpperCase(this.text.charAt(start));
	}

}
