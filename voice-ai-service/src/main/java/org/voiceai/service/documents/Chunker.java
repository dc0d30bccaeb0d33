package org.voiceai.service.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Cuts a document into chunks of about {@code maxTokens} tokens, each starting with the last
 * {@code overlapTokens} tokens of the previous one, so a fact on a boundary is whole in at least one chunk.
 * <p>
 * Boundaries, best first: between paragraphs (a chunk at least half full ends before a paragraph that would not fit),
 * between lines, between sentences; only a sentence longer than the overlap is cut between words. A chunk starts on
 * the page of its first sentence.
 * <p>
 * Tokens are estimated as one per four characters: close to what OpenAI's and BERT tokenizers count for English and
 * Portuguese prose, needs no tokenizer for the domain's model, and errs toward smaller chunks for other scripts.
 */
final class Chunker {

	private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…][\"'”’)\\]]?)\\s+");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private final int maxTokens;

	private final int overlapTokens;

	/** The largest unit: a sentence above it is cut between words, so an overlap can always be taken whole. */
	private final int maxUnitTokens;

	Chunker(int maxTokens, int overlapTokens) {
		if (maxTokens < 20 || overlapTokens < 0 || overlapTokens > maxTokens / 2) {
			throw new IllegalArgumentException("chunk size must be at least 20 tokens and the overlap at most half of it "
					+ "(got " + maxTokens + " and " + overlapTokens + ")");
		}
		this.maxTokens = maxTokens;
		this.overlapTokens = overlapTokens;
		this.maxUnitTokens = (overlapTokens > 0) ? overlapTokens : maxTokens;
	}

	/** About one token per four characters (code points), at least 1 for any text. */
	static int estimateTokens(String text) {
		return Math.max(1, (text.codePointCount(0, text.length()) + 3) / 4);
	}

	List<Chunk> chunk(ParsedDocument document) {
		List<Unit> units = units(document);
		int[] paragraphTokens = paragraphTokens(units);
		List<Chunk> chunks = new ArrayList<>();
		List<Unit> current = new ArrayList<>();
		int tokens = 0;
		boolean hasNew = false;
		for (int i = 0; i < units.size(); i++) {
			Unit unit = units.get(i);
			if (hasNew) {
				boolean overflow = tokens + unit.tokens() > this.maxTokens;
				boolean paragraphWontFit = unit.separator() == Separator.PARAGRAPH && tokens >= this.maxTokens / 2
						&& tokens + paragraphTokens[i] > this.maxTokens;
				if (overflow || paragraphWontFit) {
					chunks.add(render(chunks.size(), current));
					current = overlap(current);
					tokens = current.stream().mapToInt(Unit::tokens).sum();
					hasNew = false;
				}
			}
			current.add(unit);
			tokens += unit.tokens();
			hasNew = true;
		}
		if (hasNew) {
			chunks.add(render(chunks.size(), current));
		}
		return chunks;
	}

	private List<Unit> units(ParsedDocument document) {
		List<Unit> units = new ArrayList<>();
		for (TextBlock block : document.blocks()) {
			Separator separator = Separator.PARAGRAPH;
			for (String line : block.text().split("\n")) {
				for (String sentence : SENTENCE_END.split(line.strip())) {
					for (String piece : pieces(sentence)) {
						// Counting the separator too keeps the rendered chunk within the limit.
						units.add(new Unit(piece, estimateTokens(separator.text + piece), block.page(), separator));
						separator = Separator.SPACE;
					}
				}
				separator = Separator.LINE;
			}
		}
		units.removeIf((unit) -> unit.text().isBlank());
		return units;
	}

	/** A sentence, or, when longer than a unit may be, runs of whole words (a run of letters without spaces is cut). */
	private List<String> pieces(String sentence) {
		if (estimateTokens(sentence) <= this.maxUnitTokens) {
			return List.of(sentence);
		}
		int maxChars = this.maxUnitTokens * 4;
		List<String> pieces = new ArrayList<>();
		StringBuilder piece = new StringBuilder();
		for (String word : WHITESPACE.split(sentence)) {
			for (int start = 0; start < word.length(); start += maxChars) {
				String part = word.substring(start, Math.min(word.length(), start + maxChars));
				if (piece.length() > 0 && piece.length() + 1 + part.length() > maxChars) {
					pieces.add(piece.toString());
					piece.setLength(0);
				}
				piece.append((piece.length() > 0) ? " " : "").append(part);
			}
		}
		if (piece.length() > 0) {
			pieces.add(piece.toString());
		}
		return pieces;
	}

	/** For each unit that starts a paragraph, the tokens of that whole paragraph. */
	private static int[] paragraphTokens(List<Unit> units) {
		int[] totals = new int[units.size()];
		int start = 0;
		for (int i = 1; i <= units.size(); i++) {
			if (i == units.size() || units.get(i).separator() == Separator.PARAGRAPH) {
				totals[start] = units.subList(start, i).stream().mapToInt(Unit::tokens).sum();
				start = i;
			}
		}
		return totals;
	}

	/** The last units of a chunk that fit in the overlap, to start the next chunk with. */
	private List<Unit> overlap(List<Unit> chunk) {
		List<Unit> tail = new ArrayList<>();
		int tokens = 0;
		for (int i = chunk.size() - 1; i >= 0; i--) {
			Unit unit = chunk.get(i);
			if (tokens + unit.tokens() > this.overlapTokens) {
				break;
			}
			tail.add(0, unit);
			tokens += unit.tokens();
		}
		return tail;
	}

	private static Chunk render(int index, List<Unit> units) {
		StringBuilder text = new StringBuilder();
		for (Unit unit : units) {
			if (text.length() > 0) {
				text.append(unit.separator().text);
			}
			text.append(unit.text());
		}
		Integer page = units.get(0).page();
		Integer lastPage = units.get(units.size() - 1).page();
		String rendered = text.toString();
		return new Chunk(index, rendered, estimateTokens(rendered), page,
				Objects.equals(page, lastPage) ? null : lastPage);
	}

	private enum Separator {

		PARAGRAPH("\n\n"), LINE("\n"), SPACE(" ");

		private final String text;

		Separator(String text) {
			this.text = text;
		}

	}

	private record Unit(String text, int tokens, Integer page, Separator separator) {
	}

}
