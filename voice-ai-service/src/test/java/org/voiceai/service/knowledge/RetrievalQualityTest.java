package org.voiceai.service.knowledge;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import org.voiceai.service.documents.KnowledgeApi;
import org.voiceai.service.documents.KnowledgeBaseTest;
import org.voiceai.service.documents.KnowledgeFixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retrieval quality on the fixtures with the local model: recall@4 (is a chunk holding the answer among the four
 * hits the search returns, at the default minimum score) for questions in Brazilian Portuguese and English, including
 * questions in the other language than the document. Printed, and written to
 * {@code target/knowledge-base-recall.md} for docs/benchmarks.md.
 */
@KnowledgeBaseTest
class RetrievalQualityTest {

	private static final List<Question> QUESTIONS = List.of(
			q("pt", "Qual é o endereço da clínica?", "clinica.pdf", "Rua das Acácias, 455"),
			q("pt", "Quem fundou a clínica e em que ano?", "clinica.pdf", "fundada em 1998"),
			q("pt", "Vocês abrem aos sábados?", "clinica.pdf", "Aos sábados o horário"),
			q("pt", "Qual o horário de funcionamento durante a semana?", "clinica.pdf", "das 8h às 19h"),
			q("pt", "Vocês aceitam o convênio Amil?", "clinica.pdf", "Amil Dental"),
			q("pt", "Aceitam o plano Porto Seguro Odonto?", "clinica.pdf", "Porto Seguro Odonto"),
			q("pt", "Tem estacionamento para os pacientes?", "clinica.pdf", "Park Centro"),
			q("pt", "A clínica tem acesso para cadeira de rodas?", "clinica.pdf", "cadeirantes"),
			q("pt", "Qual é o telefone do plantão de emergência?", "clinica.pdf", "(41) 99876-5432"),
			q("pt", "Quanto custa faltar ou cancelar uma consulta em cima da hora?", "clinica.pdf", "R$ 50,00"),
			q("pt", "Quem é o ortodontista da clínica?", "clinica.pdf", "Ricardo Souza"),
			q("pt", "Vocês fazem tratamento para ronco e apneia do sono?", "clinica.pdf", "apneia do sono"),
			q("pt", "Quanto custa o clareamento a laser?", "precos.docx", "R$ 950,00"),
			q("pt", "Qual o preço de um implante dentário?", "precos.docx", "R$ 3.800,00"),
			q("pt", "Posso parcelar o pagamento no cartão de crédito?", "precos.docx", "10 vezes sem juros"),
			q("pt", "Quanto tempo dura uma limpeza?", "precos.docx", "40 minutos"),
			q("pt", "Vocês fazem atendimento em casa?", "faq.md", "visitas domiciliares"),
			q("en", "What is the password of the guest Wi-Fi?", "policies.txt", "sorriso2024"),
			q("en", "Can my 15 year old son come to the appointment alone?", "policies.txt", "Minors under 18"),
			q("en", "How long does it take to get a copy of my dental records?", "policies.txt", "5 business days"),
			q("en", "Does any of your dentists speak Spanish?", "policies.txt", "Spanish"),
			q("en", "Do you treat children?", "faq.md", "Dr. Marcos Lima"),
			q("en", "Is sedation available for anxious patients?", "faq.md", "nitrous oxide"),
			q("en", "How much is the whitening kit for use at home?", "faq.md", "R$ 600"),
			q("en→pt", "What is the phone number for dental emergencies?", "clinica.pdf", "(41) 99876-5432"),
			q("en→pt", "Do you accept Amil dental insurance?", "clinica.pdf", "Amil Dental"),
			q("en→pt", "How much does a dental implant cost?", "precos.docx", "R$ 3.800,00"),
			q("pt→en", "Qual é a senha do Wi-Fi?", "policies.txt", "sorriso2024"));

	@Autowired
	WebTestClient http;

	@Autowired
	DatabaseClient database;

	@Test
	void recallAtFourOnAPortugueseAndEnglishQuestionSet() throws Exception {
		KnowledgeApi api = KnowledgeApi.newDomain(this.http, this.database);
		List<UUID> documents = List.of(api.uploadNew("clinica.pdf", KnowledgeFixtures.clinicPdf()),
				api.uploadNew("precos.docx", KnowledgeFixtures.priceListDocx()),
				api.uploadNew("policies.txt", KnowledgeFixtures.POLICIES_TXT.getBytes(StandardCharsets.UTF_8)),
				api.uploadNew("faq.md", KnowledgeFixtures.FAQ_MD.getBytes(StandardCharsets.UTF_8)));
		int chunks = 0;
		for (UUID document : documents) {
			chunks += (Integer) api.awaitReady(document).get("chunk_count");
		}

		Map<String, int[]> byLanguage = new LinkedHashMap<>();
		List<String> rows = new ArrayList<>();
		int firstHits = 0;
		double reciprocalRanks = 0;
		for (Question question : QUESTIONS) {
			List<Map<String, Object>> hits = api.search(question.text());
			int rank = 0;
			for (int i = 0; i < hits.size() && rank == 0; i++) {
				Map<String, Object> hit = hits.get(i);
				if (question.document().equals(hit.get("document_name"))
						&& ((String) hit.get("content")).contains(question.fact())) {
					rank = i + 1;
				}
			}
			firstHits += (rank == 1) ? 1 : 0;
			reciprocalRanks += (rank > 0) ? 1.0 / rank : 0;
			int[] counts = byLanguage.computeIfAbsent(question.language(), (key) -> new int[2]);
			counts[0] += (rank > 0) ? 1 : 0;
			counts[1]++;
			rows.add(String.format(Locale.ROOT, "| %s | %s | %s | %s |", question.language(), question.text(),
					question.document(), (rank > 0) ? "hit @" + rank : "**miss**"));
		}
		int found = byLanguage.values().stream().mapToInt((c) -> c[0]).sum();
		double recall = (double) found / QUESTIONS.size();

		StringBuilder report = new StringBuilder();
		report.append(String.format(Locale.ROOT, "Recall@4 over %d questions, %d chunks in 4 documents, model %s: "
				+ "**%.2f** (%d/%d); recall@1 %.2f; MRR@4 %.2f%n%n", QUESTIONS.size(), chunks,
				LocalEmbeddingModel.NAME, recall, found, QUESTIONS.size(), (double) firstHits / QUESTIONS.size(),
				reciprocalRanks / QUESTIONS.size()));
		report.append("| language | recall@4 |\n|---|---|\n");
		byLanguage.forEach((language, c) -> report.append(String.format(Locale.ROOT, "| %s | %.2f (%d/%d) |%n",
				language, (double) c[0] / c[1], c[0], c[1])));
		report.append("\n| lang | question | answer in | result |\n|---|---|---|---|\n");
		rows.forEach((row) -> report.append(row).append('\n'));
		System.out.println(report);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/knowledge-base-recall.md"), report);

		// A floor, not a target: catches a retrieval regression without failing on the model's known weak spot
		// (all-MiniLM-L6-v2 is an English model; cross-language questions are the hard part).
		int[] sameLanguage = { byLanguage.get("pt")[0] + byLanguage.get("en")[0],
				byLanguage.get("pt")[1] + byLanguage.get("en")[1] };
		assertThat((double) sameLanguage[0] / sameLanguage[1]).as(report.toString()).isGreaterThanOrEqualTo(0.8);
	}

	private static Question q(String language, String text, String document, String fact) {
		return new Question(language, text, document, fact);
	}

	private record Question(String language, String text, String document, String fact) {
	}

}
