package org.voiceai.service.documents;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The type comes from the bytes; the name only tells Markdown from plain text. */
class ContentSnifferTest {

	@TempDir
	Path directory;

	final ContentSniffer sniffer = new ContentSniffer();

	@Test
	void recognisesPdfDocxTextAndMarkdownWhateverTheirNames() throws Exception {
		assertThat(sniff("notes.txt", KnowledgeFixtures.clinicPdf())).isEqualTo(DocumentType.PDF);
		assertThat(sniff("prices.pdf", KnowledgeFixtures.priceListDocx())).isEqualTo(DocumentType.DOCX);
		assertThat(sniff("faq.md", KnowledgeFixtures.FAQ_MD.getBytes(StandardCharsets.UTF_8)))
			.isEqualTo(DocumentType.MARKDOWN);
		assertThat(sniff("policies", KnowledgeFixtures.POLICIES_TXT.getBytes(StandardCharsets.UTF_8)))
			.isEqualTo(DocumentType.TEXT);
		assertThat(sniff("utf16.txt", "\uFEFFolá".getBytes(StandardCharsets.UTF_16LE))).isEqualTo(DocumentType.TEXT);
	}

	@Test
	void aRenamedBinaryIsRefusedNamingWhatItIs() {
		assertThatThrownBy(() -> sniff("hours.txt", KnowledgeFixtures.png())).isInstanceOfSatisfying(
				DocumentException.class, (ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE))
			.hasMessage("unsupported file type (PNG image): upload a PDF, DOCX, text or Markdown file");
		assertThatThrownBy(() -> sniff("old.docx", new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0 }))
			.hasMessageContaining("legacy Office file");
		assertThatThrownBy(() -> sniff("data.txt", new byte[] { 1, 2, 3, 0, 5, 6 })).hasMessageContaining("binary data");
	}

	@Test
	void aZipThatIsNotADocxIsRefused() throws Exception {
		byte[] zip = KnowledgeFixtures.zipBombDocx(0);
		Path file = Files.write(this.directory.resolve("x.zip"), zip);
		assertThat(this.sniffer.sniff(file, "x.zip")).isEqualTo(DocumentType.DOCX);
		Path notDocx = Files.write(this.directory.resolve("y.zip"), new byte[] { 'P', 'K', 3, 4, 0, 0, 0, 0 });
		assertThatThrownBy(() -> this.sniffer.sniff(notDocx, "y.docx")).hasMessageContaining("ZIP");
	}

	private DocumentType sniff(String name, byte[] content) throws Exception {
		return this.sniffer.sniff(Files.write(this.directory.resolve("f-" + System.nanoTime()), content), name);
	}

}
