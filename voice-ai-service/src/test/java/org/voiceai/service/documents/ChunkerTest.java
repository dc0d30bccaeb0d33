package org.voiceai.service.documents;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Token-sized chunks with overlap, cut at paragraph, line and sentence boundaries, with pages. */
class ChunkerTest {

	final Chunker chunker = new Chunker(100, 20);

	@Test
	void tokensAreEstimatedAtFourCharactersEach() {
		assertThat(Chunker.estimateTokens("a")).isEqualTo(1);
		assertThat(Chunker.estimateTokens("abcdefgh")).isEqualTo(2);
		assertThat(Chunker.estimateTokens("ação é útil")).isEqualTo(3);
	}

	@Test
	void chunksStayWithinTheSizeAndOverlapTheirNeighbour() {
		List<TextBlock> blocks = new ArrayList<>();
		for (int p = 1; p <= 12; p++) {
			blocks.add(new TextBlock(sentences(p, 4), (p + 1) / 2));
		}
		List<Chunk> chunks = this.chunker.chunk(new ParsedDocument(blocks, 6));

		assertThat(chunks).hasSizeGreaterThan(3);
		assertThat(chunks).allSatisfy((chunk) -> assertThat(chunk.tokenCount()).isLessThanOrEqualTo(100));
		assertThat(chunks).extracting(Chunk::index).containsExactly(range(chunks.size()));
		for (int i = 1; i < chunks.size(); i++) {
			String previous = chunks.get(i - 1).text();
			String firstSentence = chunks.get(i).text().split("(?<=\\.) ")[0].strip();
			assertThat(previous).as("chunk %d starts with the end of chunk %d", i, i - 1).contains(firstSentence);
		}
		// Every sentence of the document is in some chunk, whole.
		for (TextBlock block : blocks) {
			for (String sentence : block.text().split("(?<=\\.) ")) {
				assertThat(chunks).anySatisfy((chunk) -> assertThat(chunk.text()).contains(sentence.strip()));
			}
		}
		assertThat(chunks.get(0).page()).isEqualTo(1);
		assertThat(chunks.get(chunks.size() - 1).pageEnd()).isIn(6, null);
	}

	@Test
	void aChunkEndsAtAParagraphRatherThanSplittingOne() {
		String first = sentences(1, 6);
		String second = sentences(2, 6);
		List<Chunk> chunks = this.chunker.chunk(new ParsedDocument(List.of(new TextBlock(first, 1),
				new TextBlock(second, 2)), 2));

		assertThat(chunks.get(0).text()).isEqualTo(first);
		assertThat(chunks.get(0).pageEnd()).isNull();
		assertThat(chunks.get(chunks.size() - 1).text()).endsWith(second);
	}

	@Test
	void aSentenceLongerThanTheOverlapIsCutBetweenWords() {
		String endless = "palavra ".repeat(300).strip();
		List<Chunk> chunks = this.chunker.chunk(new ParsedDocument(List.of(new TextBlock(endless, null)), 0));
		assertThat(chunks).hasSizeGreaterThan(3)
			.allSatisfy((chunk) -> assertThat(chunk.tokenCount()).isLessThanOrEqualTo(100))
			.allSatisfy((chunk) -> assertThat(chunk.text()).doesNotContain("palavr ").doesNotStartWith("alavra"));
		assertThat(String.join(" ", this.chunker.chunk(new ParsedDocument(List.of(new TextBlock("x".repeat(1000), null)),
				0)).stream().map(Chunk::text).toList())).contains("xxxx");
	}

	@Test
	void aSmallDocumentIsOneChunkAndLinesStayLines() {
		List<Chunk> chunks = this.chunker.chunk(new ParsedDocument(List.of(new TextBlock("Q: Parking?\nA: Free, two hours.", null)), 0));
		assertThat(chunks).singleElement().satisfies((chunk) -> {
			assertThat(chunk.text()).isEqualTo("Q: Parking?\nA: Free, two hours.");
			assertThat(chunk.page()).isNull();
		});
	}

	@Test
	void theOverlapMustBeAtMostHalfTheChunk() {
		assertThatThrownBy(() -> new Chunker(100, 60)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Chunker(10, 0)).isInstanceOf(IllegalArgumentException.class);
	}

	/** {@code count} sentences of about 7 tokens, numbered so each is unique. */
	private static String sentences(int paragraph, int count) {
		StringBuilder text = new StringBuilder();
		for (int s = 1; s <= count; s++) {
			text.append((s > 1) ? " " : "").append("Paragraph ").append(paragraph).append(" sentence ").append(s)
				.append(" says something.");
		}
		return text.toString();
	}

	private static Integer[] range(int size) {
		Integer[] values = new Integer[size];
		for (int i = 0; i < size; i++) {
			values[i] = i;
		}
		return values;
	}

}
