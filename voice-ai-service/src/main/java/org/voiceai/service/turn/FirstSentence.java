package org.voiceai.service.turn;

import java.util.function.Function;

import reactor.core.publisher.Mono;

/**
 * Watches a streamed reply for the end of its first sentence and starts speaking that sentence at once, while the
 * model is still writing the rest. Pieces arrive in order from one stream; the result is read after the stream ends.
 */
final class FirstSentence {

	/** Shorter "sentences" ("Sr.", "Dr.") are more likely abbreviations than sentences, and too short to matter. */
	private static final int MIN_LENGTH = 6;

	/** Enough text to find a first sentence in; past this, the rest is spoken with the whole reply. */
	private static final int MAX_SCAN = 400;

	private final Function<String, Mono<Speech>> speak;

	private final StringBuilder text = new StringBuilder();

	private volatile String sentence;

	private volatile Mono<Speech> speech;

	FirstSentence(Function<String, Mono<Speech>> speak) {
		this.speak = speak;
	}

	/** The next piece of the reply. */
	synchronized void accept(String piece) {
		if (this.sentence != null || this.text.length() > MAX_SCAN) {
			return;
		}
		this.text.append(piece);
		int end = end(this.text);
		if (end < 0) {
			return;
		}
		String found = this.text.substring(0, end).strip();
		if (found.length() < MIN_LENGTH || found.indexOf('[') >= 0) {
			// Too short, or holds an action marker that the final text will not: leave it to the whole reply.
			this.text.setLength(MAX_SCAN + 1);
			return;
		}
		Mono<Speech> started = this.speak.apply(found).cache();
		// Started now, consumed later; a failure here is seen (and handled) by whoever consumes it.
		started.subscribe(null, (error) -> {
		});
		this.speech = started;
		this.sentence = found;
	}

	/** The first sentence whose speech was started, or null. */
	String sentence() {
		return this.sentence;
	}

	/** Its speech, started when the sentence ended; null when none was started. */
	Mono<Speech> speech() {
		return this.speech;
	}

	/** Index just after the first sentence-ending punctuation followed by white space, or -1. */
	private static int end(CharSequence text) {
		for (int i = 0; i < text.length() - 1; i++) {
			char c = text.charAt(i);
			if ((c == '.' || c == '!' || c == '?' || c == '…') && Character.isWhitespace(text.charAt(i + 1))) {
				return i + 1;
			}
		}
		return -1;
	}

}
