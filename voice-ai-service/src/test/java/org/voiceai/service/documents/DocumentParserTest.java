package org.voiceai.service.documents;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parsing real PDF, DOCX and text files made by the fixtures, good and bad. */
class DocumentParserTest {

	@TempDir
	Path directory;

	final DocumentParser parser = new DocumentParser(50L * 1024 * 1024);

	@Test
	void aPdfIsReadPageByPageInParagraphs() throws Exception {
		ParsedDocument parsed = this.parser.parse(DocumentType.PDF, write("clinic.pdf", KnowledgeFixtures.clinicPdf()));

		assertThat(parsed.pages()).isEqualTo(8);
		assertThat(parsed.blocks()).extracting(TextBlock::page).containsOnly(1, 2, 3, 4, 5, 6, 7, 8);
		assertThat(parsed.blocks()).filteredOn((block) -> block.text().contains("(41) 99876-5432"))
			.extracting(TextBlock::page)
			.containsExactly(5);
		// Wrapped lines are joined back into one paragraph, accents intact.
		assertThat(parsed.blocks()).anySatisfy((block) -> assertThat(block.text())
			.startsWith("Aceitamos os seguintes convênios odontológicos: Unimed Odonto, Amil Dental")
			.doesNotContain("\n"));
	}

	@Test
	void aDocxTableIsReadRowByRowWithItsHeaders() throws Exception {
		ParsedDocument parsed = this.parser.parse(DocumentType.DOCX, write("prices.docx", KnowledgeFixtures.priceListDocx()));

		assertThat(parsed.blocks()).extracting(TextBlock::text)
			.contains(KnowledgeFixtures.PRICE_INTRO, KnowledgeFixtures.PRICE_PAYMENT)
			.anySatisfy((text) -> assertThat(text).contains(
					"Procedimento: Clareamento a laser | Preço: R$ 950,00 | Duração: 90 minutos"));
		assertThat(parsed.blocks()).extracting(TextBlock::page).containsOnlyNulls();
	}

	@Test
	void windows1252TextAndMarkdownHeadingsAreKept() throws Exception {
		Path latin = write("notes.txt", "Horário de atenção: manhã\n\nSegundo parágrafo".getBytes(Charset.forName("windows-1252")));
		assertThat(this.parser.parse(DocumentType.TEXT, latin).blocks()).extracting(TextBlock::text)
			.containsExactly("Horário de atenção: manhã", "Segundo parágrafo");

		ParsedDocument faq = this.parser.parse(DocumentType.MARKDOWN, KnowledgeFixtures.FAQ_MD);
		assertThat(faq.blocks().get(0).text()).startsWith("# Frequently asked questions\n## Do you treat children?\nYes.");
	}

	@Test
	void anEncryptedPdfFailsClearly() throws Exception {
		Path file = write("locked.pdf", KnowledgeFixtures.pdf(List.of(List.of("segredo")), "s3nha"));
		assertThatThrownBy(() -> this.parser.parse(DocumentType.PDF, file)).isInstanceOf(IngestionFailure.class)
			.hasMessageStartingWith("encrypted PDF");
	}

	@Test
	void anImageOnlyPdfFailsAsAScan() throws Exception {
		Path file = write("scan.pdf", KnowledgeFixtures.imageOnlyPdf());
		assertThatThrownBy(() -> this.parser.parse(DocumentType.PDF, file)).isInstanceOf(IngestionFailure.class)
			.hasMessageStartingWith("no extractable text — scanned image?");
	}

	@Test
	void aDocxZipBombIsStoppedByOurLimitAndByPois() throws Exception {
		Path bomb = write("bomb.docx", KnowledgeFixtures.zipBombDocx(60));
		assertThat(Files.size(bomb)).isLessThan(1024 * 1024);
		assertThatThrownBy(() -> this.parser.parse(DocumentType.DOCX, bomb)).isInstanceOf(IngestionFailure.class)
			.hasMessageStartingWith("DOCX too large when unpacked (zip bomb?)");

		// With our own limit out of the way, POI's minimum inflate ratio still refuses it.
		DocumentParser lenient = new DocumentParser(Long.MAX_VALUE);
		assertThatThrownBy(() -> lenient.parse(DocumentType.DOCX, bomb)).isInstanceOf(IngestionFailure.class)
			.hasMessage("DOCX too large when unpacked (zip bomb?)");
	}

	@Test
	void aMissingOrEmptyFileFailsClearly() throws Exception {
		assertThatThrownBy(() -> this.parser.parse(DocumentType.TEXT, this.directory.resolve("gone.txt")))
			.hasMessageContaining("missing from the document store");
		assertThatThrownBy(() -> this.parser.parse(DocumentType.TEXT, write("empty.txt", new byte[0])))
			.hasMessageStartingWith("empty file");
		assertThatThrownBy(() -> this.parser.parse(DocumentType.TEXT, write("blank.txt", " \n\n \n".getBytes())))
			.hasMessageStartingWith("empty file");
	}

	private Path write(String name, byte[] content) throws Exception {
		return Files.write(this.directory.resolve(name), content);
	}

}
