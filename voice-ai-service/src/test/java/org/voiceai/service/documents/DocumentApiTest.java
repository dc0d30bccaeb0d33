package org.voiceai.service.documents;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import org.voiceai.service.knowledge.LocalEmbeddingModel;

import static org.assertj.core.api.Assertions.assertThat;

/** The document API end to end: upload, asynchronous ingestion, search, bad input, isolation, delete. */
@KnowledgeBaseTest
class DocumentApiTest {

	@Autowired
	WebTestClient http;

	@Autowired
	DatabaseClient database;

	@Test
	void everyFormatBecomesReadyAndQuestionsAreAnsweredFromTheRightChunk() {
		KnowledgeApi api = KnowledgeApi.newDomain(this.http, this.database);
		UUID pdf = api.uploadNew("clinica.pdf", KnowledgeFixtures.clinicPdf());
		UUID docx = api.uploadNew("precos.docx", KnowledgeFixtures.priceListDocx());
		UUID txt = api.uploadNew("policies.txt", KnowledgeFixtures.POLICIES_TXT.getBytes(StandardCharsets.UTF_8));
		UUID md = api.uploadNew("faq.md", KnowledgeFixtures.FAQ_MD.getBytes(StandardCharsets.UTF_8));

		Map<String, Object> pdfDocument = api.awaitReady(pdf);
		assertThat(pdfDocument).containsEntry("document_type", "pdf").containsEntry("progress", 100)
			.containsEntry("document_name", "clinica.pdf");
		assertThat((Integer) pdfDocument.get("chunk_count")).isGreaterThan(1)
			.isEqualTo(pdfDocument.get("chunks_processed"));
		assertThat(api.awaitReady(docx)).containsEntry("document_type", "docx");
		assertThat(api.awaitReady(txt)).containsEntry("document_type", "txt");
		assertThat(api.awaitReady(md)).containsEntry("document_type", "markdown");

		List<Map<String, Object>> pdfChunks = api.chunks(pdf);
		assertThat(pdfChunks).extracting((chunk) -> chunk.get("page_number")).doesNotContainNull();
		assertThat(pdfChunks).extracting((chunk) -> chunk.get("embedding_model")).containsOnly(LocalEmbeddingModel.NAME);
		assertThat(api.chunks(docx)).anySatisfy((chunk) -> assertThat((String) chunk.get("content"))
			.contains("Procedimento: Clareamento a laser | Preço: R$ 950,00 | Duração: 90 minutos"));

		assertAnswer(api.search("Qual é o telefone do plantão de emergência?"), "clinica.pdf", "(41) 99876-5432", 5);
		assertAnswer(api.search("Quanto custa o clareamento a laser?"), "precos.docx", "R$ 950,00", null);
		assertAnswer(api.search("What is the password of the guest Wi-Fi?"), "policies.txt", "sorriso2024", null);
		assertAnswer(api.search("Do you treat children?"), "faq.md", "Dr. Marcos Lima", null);
	}

	@Test
	void theSameContentTwiceIsRecognisedInsteadOfDuplicated() {
		KnowledgeApi api = KnowledgeApi.newDomain(this.http, this.database);
		byte[] content = KnowledgeFixtures.POLICIES_TXT.getBytes(StandardCharsets.UTF_8);
		UUID first = api.uploadNew("policies.txt", content);
		api.upload("copy-of-policies.txt", content).expectStatus().isOk()
			.expectBody().jsonPath("$.document_uuid").isEqualTo(first.toString())
			.jsonPath("$.document_name").isEqualTo("policies.txt");

		Map<String, Object> text = Map.of("title", "Hours", "content", "We open at 8.");
		String id = api.http().post().uri("/api/v1/documents").bodyValue(text).exchange().expectStatus().isAccepted()
			.expectBody(Map.class).returnResult().getResponseBody().get("document_uuid").toString();
		api.http().post().uri("/api/v1/documents").bodyValue(text).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.document_uuid").isEqualTo(id);
		assertThat(api.http().get().uri("/api/v1/documents").exchange().expectStatus().isOk()
			.expectBodyList(Map.class).returnResult().getResponseBody()).hasSize(2);
	}

	@Test
	void badDocumentsEndFailedWithAReasonNeverStuck() {
		KnowledgeApi api = KnowledgeApi.newDomain(this.http, this.database);
		UUID encrypted = api.uploadNew("contrato.pdf", KnowledgeFixtures.pdf(List.of(List.of("Sigiloso.")), "s3nha"));
		UUID scan = api.uploadNew("digitalizado.pdf", KnowledgeFixtures.imageOnlyPdf());
		UUID bomb = api.uploadNew("bomba.docx", KnowledgeFixtures.zipBombDocx(40));

		assertFailed(api.awaitDone(encrypted), "encrypted PDF");
		assertFailed(api.awaitDone(scan), "no extractable text — scanned image?");
		assertFailed(api.awaitDone(bomb), "DOCX too large when unpacked (zip bomb?)");
		assertThat(api.chunks(bomb)).isEmpty();

		// The worker carries on after failures.
		UUID good = api.uploadNew("ok.txt", "The clinic has a parking lot.".getBytes(StandardCharsets.UTF_8));
		api.awaitReady(good);
	}

	@Test
	void uploadsWeCannotReadAreRefusedAtOnce() throws Exception {
		KnowledgeApi api = KnowledgeApi.newDomain(this.http, this.database);
		api.upload("horarios.txt", KnowledgeFixtures.png()).expectStatus().isEqualTo(415).expectBody()
			.jsonPath("$.detail").isEqualTo("unsupported file type (PNG image): upload a PDF, DOCX, text or Markdown file")
			.jsonPath("$.type").isEqualTo("https://voice-ai.org/problems/unsupported-file-type");
		api.upload("vazio.txt", new byte[0]).expectStatus().isBadRequest().expectBody()
			.jsonPath("$.detail").isEqualTo("empty file: the upload has no content");
		api.http().post().uri("/api/v1/documents").bodyValue(Map.of("title", "x", "content", " ")).exchange()
			.expectStatus().isBadRequest();

		byte[] big = new byte[25 * 1024 * 1024];
		Arrays.fill(big, (byte) 'a');
		api.upload("grande.txt", big).expectStatus().isEqualTo(413).expectBody()
			.jsonPath("$.detail").value((detail) -> assertThat((String) detail).contains("larger than the limit of 20 MB"));

		// Without a declared length (chunked), the limit stops the upload while it streams.
		byte[] megabyte = new byte[1024 * 1024];
		Arrays.fill(megabyte, (byte) 'b');
		Flux<DataBuffer> stream = Flux.range(0, 25).map((i) -> DefaultDataBufferFactory.sharedInstance.wrap(megabyte));
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.asyncPart("file", stream, DataBuffer.class).filename("stream.txt");
		api.http().post().uri("/api/v1/documents").contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(body.build())).exchange().expectStatus().isEqualTo(413);
		assertThat(api.http().get().uri("/api/v1/documents").exchange().expectBodyList(Map.class).returnResult()
			.getResponseBody()).isEmpty();
		try (Stream<Path> staged = Files.list(Path.of("target/kb-test/documents/.incoming"))) {
			assertThat(staged).as("refused uploads leave nothing behind").isEmpty();
		}
	}

	@Test
	void anotherDomainNeitherFindsNorReachesTheDocuments() {
		KnowledgeApi a = KnowledgeApi.newDomain(this.http, this.database);
		KnowledgeApi b = KnowledgeApi.newDomain(this.http, this.database);
		UUID secret = a.uploadNew("policies.txt", KnowledgeFixtures.POLICIES_TXT.getBytes(StandardCharsets.UTF_8));
		a.awaitReady(secret);
		assertThat(a.search("What is the password of the guest Wi-Fi?")).isNotEmpty();

		assertThat(b.search("What is the password of the guest Wi-Fi?")).isEmpty();
		assertThat(b.search("What is the password of the guest Wi-Fi?", null)).isEmpty();
		b.http().get().uri("/api/v1/documents/{id}", secret).exchange().expectStatus().isNotFound();
		b.http().get().uri("/api/v1/documents/{id}/chunks", secret).exchange().expectStatus().isNotFound();
		b.http().post().uri("/api/v1/documents/{id}/reprocess", secret).exchange().expectStatus().isNotFound();
		b.http().delete().uri("/api/v1/documents/{id}", secret).exchange().expectStatus().isNotFound();
		assertThat(b.http().get().uri("/api/v1/documents").exchange().expectBodyList(Map.class).returnResult()
			.getResponseBody()).isEmpty();
		a.awaitReady(secret);
	}

	@Test
	void deletingADocumentRemovesItFromSearchAndDisk() throws Exception {
		KnowledgeApi api = KnowledgeApi.newDomain(this.http, this.database);
		UUID id = api.uploadNew("faq.md", KnowledgeFixtures.FAQ_MD.getBytes(StandardCharsets.UTF_8));
		api.awaitReady(id);
		assertThat(api.search("Do you offer sedation for anxious patients?")).isNotEmpty();
		Path file = Path.of("target/kb-test/documents", api.domain().toString(), id.toString());
		assertThat(Files.exists(file)).isTrue();

		api.http().delete().uri("/api/v1/documents/{id}", id).exchange().expectStatus().isNoContent();

		assertThat(api.search("Do you offer sedation for anxious patients?")).isEmpty();
		assertThat(api.search("Do you offer sedation for anxious patients?", null)).isEmpty();
		api.http().get().uri("/api/v1/documents/{id}", id).exchange().expectStatus().isNotFound();
		assertThat(Files.exists(file)).isFalse();
		assertThat(this.database.sql("SELECT count(*) AS n FROM v_voice_document_chunks WHERE voice_document_uuid = :id")
			.bind("id", id).map((row, meta) -> row.get("n", Long.class)).one().block()).isZero();
	}

	@Test
	void faqDocumentsBelongToASecretaryAndReprocessingAddsNothingTwice() {
		KnowledgeApi api = KnowledgeApi.newDomain(this.http, this.database);
		UUID alice = secretary(api.domain(), "Alice");
		UUID bob = secretary(api.domain(), "Bob");
		Map<String, Object> faq = Map.of("title", "Parking FAQ", "secretary_uuid", alice.toString(), "faq",
				List.of(Map.of("question", "Is there parking?", "answer", "Yes, two free hours at Park Centro."),
						Map.of("question", "Is the clinic wheelchair accessible?", "answer", "Yes, with a lift.")));
		String id = api.http().post().uri("/api/v1/documents").bodyValue(faq).exchange().expectStatus().isAccepted()
			.expectBody(Map.class).returnResult().getResponseBody().get("document_uuid").toString();
		UUID uuid = UUID.fromString(id);
		assertThat(api.awaitReady(uuid)).containsEntry("document_type", "faq").containsEntry("secretary_uuid", alice.toString());

		assertThat(api.search("Where can I park my car?", alice)).isNotEmpty()
			.allSatisfy((hit) -> assertThat(hit.get("document_name")).isEqualTo("Parking FAQ"));
		assertThat(api.search("Where can I park my car?", bob)).isEmpty();
		assertThat(api.chunks(uuid)).singleElement().satisfies((chunk) -> assertThat((String) chunk.get("content"))
			.startsWith("Q: Is there parking?\nA: Yes, two free hours at Park Centro."));

		api.http().post().uri("/api/v1/documents/{id}/reprocess", uuid).exchange().expectStatus().isAccepted();
		api.awaitReady(uuid);
		List<Map<String, Object>> hits = api.search("Where can I park my car?", null);
		assertThat(hits).hasSize(1);

		api.http().get().uri("/api/v1/documents?secretary_uuid={s}", bob).exchange().expectBodyList(Map.class)
			.hasSize(0);
		api.http().post().uri("/api/v1/documents").bodyValue(Map.of("content", "x", "secretary_uuid",
				UUID.randomUUID().toString())).exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.type").isEqualTo("https://voice-ai.org/problems/unknown-secretary");
		api.http().get().uri("/api/v1/documents/not-a-uuid").exchange().expectStatus().isBadRequest();
	}

	private UUID secretary(UUID domain, String name) {
		UUID uuid = UUID.randomUUID();
		this.database.sql("INSERT INTO v_voice_secretaries (voice_secretary_uuid, domain_uuid, secretary_name) "
				+ "VALUES (:id, :domain, :name)")
			.bind("id", uuid)
			.bind("domain", domain)
			.bind("name", name)
			.then()
			.block();
		return uuid;
	}

	private static void assertFailed(Map<String, Object> document, String reason) {
		assertThat(document.get("status")).isEqualTo("failed");
		assertThat((String) document.get("error")).startsWith(reason);
	}

	private static void assertAnswer(List<Map<String, Object>> hits, String document, String fact, Integer page) {
		assertThat(hits).as("hits").isNotEmpty();
		Map<String, Object> best = hits.get(0);
		assertThat(best.get("document_name")).as("best hit of %s", hits).isEqualTo(document);
		assertThat((String) best.get("content")).contains(fact);
		assertThat((Double) best.get("score")).isBetween(0.5, 1.0);
		if (page != null) {
			assertThat((Integer) best.get("page_number")).isLessThanOrEqualTo(page);
		}
	}

}
