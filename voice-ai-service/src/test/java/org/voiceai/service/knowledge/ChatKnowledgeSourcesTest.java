package org.voiceai.service.knowledge;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import org.voiceai.providers.ProviderType;
import org.voiceai.providers.manager.ProviderDraft;
import org.voiceai.providers.manager.ProviderRowRepository;
import org.voiceai.service.FakeOpenAi;
import org.voiceai.service.TestTenants;
import org.voiceai.service.documents.KnowledgeApi;
import org.voiceai.service.documents.KnowledgeBaseTest;
import org.voiceai.service.documents.KnowledgeFixtures;
import org.voiceai.tenant.DomainId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * /chat with the knowledge base: documents uploaded through the API and ingested with the local embedding model
 * reach the prompt, and the response's {@code rag_sources} (and the stored message) name the document the answer
 * came from; without {@code use_rag} nothing is searched.
 */
@KnowledgeBaseTest
class ChatKnowledgeSourcesTest {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private static final FakeOpenAi openAi = new FakeOpenAi();

	@Autowired
	WebTestClient anonymous;

	@Autowired
	DatabaseClient database;

	@Autowired
	ProviderRowRepository providers;

	@AfterAll
	static void stopFake() {
		openAi.close();
	}

	@Test
	@SuppressWarnings("unchecked")
	void theReplyCitesTheDocumentTheAnswerCameFrom() {
		KnowledgeApi api = KnowledgeApi.newDomain(this.anonymous, this.database);
		DomainId domain = new DomainId(api.domain());
		UUID secretary = new TestTenants(this.database).secretary(domain, "Ana", null);
		Map<String, Object> config = new LinkedHashMap<>();
		config.put("api_key", "sk-test");
		config.put("base_url", openAi.baseUrl());
		config.put("model", "gpt-4o-mini");
		this.providers.insert(domain, new ProviderDraft(ProviderType.LLM, "openai", "OpenAI", config, true, 0, true))
			.block();
		UUID policies = UUID.fromString((String) api
			.upload("policies.txt", KnowledgeFixtures.POLICIES_TXT.getBytes(StandardCharsets.UTF_8), null, secretary)
			.expectStatus().isAccepted().expectBody(JSON).returnResult().getResponseBody().get("document_uuid"));
		UUID faq = api.uploadNew("faq.md", KnowledgeFixtures.FAQ_MD.getBytes(StandardCharsets.UTF_8));
		api.awaitReady(policies);
		api.awaitReady(faq);
		UUID call = UUID.randomUUID();

		openAi.script("", List.of("The network is SorrisoGuest and the password is sorriso2024."), 1);
		Map<String, Object> wifi = chat(api.http(), call, secretary, "What is the password of the guest Wi-Fi?", true);
		List<Map<String, Object>> wifiSources = (List<Map<String, Object>>) wifi.get("rag_sources");
		assertThat(wifiSources).isNotEmpty();
		assertThat(wifiSources.get(0).get("document")).isEqualTo("policies.txt");
		assertThat((Number) wifiSources.get(0).get("score")).isNotNull();
		assertThat(openAi.chatRequests()).singleElement().asString().contains("sorriso2024").contains("legal guardian");

		openAi.script("", List.of("Yes, Dr. Marcos Lima sees children from age two."), 1);
		Map<String, Object> children = chat(api.http(), call, secretary, "Do you treat children?", true);
		List<Map<String, Object>> childrenSources = (List<Map<String, Object>>) children.get("rag_sources");
		assertThat(childrenSources).isNotEmpty();
		assertThat(childrenSources.get(0).get("document")).isEqualTo("faq.md");

		openAi.script("", List.of("Let me check."), 1);
		Map<String, Object> without = chat(api.http(), call, secretary, "What is the password of the guest Wi-Fi?",
				false);
		assertThat((List<?>) without.get("rag_sources")).isEmpty();
		// History still holds the earlier answer; the document itself is no longer in the prompt.
		assertThat(openAi.chatRequests()).singleElement().asString().doesNotContain("legal guardian");

		List<String> stored = this.database
			.sql("SELECT coalesce(m.rag_sources::text, '') FROM v_voice_messages m JOIN v_voice_conversations c "
					+ "USING (voice_conversation_uuid) WHERE c.domain_uuid = :d AND c.call_uuid = :call "
					+ "AND m.role = 'assistant' ORDER BY m.turn_number")
			.bind("d", domain.value())
			.bind("call", call)
			.map((row, metadata) -> row.get(0, String.class))
			.all()
			.collectList()
			.block();
		assertThat(stored).hasSize(3);
		assertThat(stored.get(0)).contains("policies.txt");
		assertThat(stored.get(1)).contains("faq.md");
	}

	private static Map<String, Object> chat(WebTestClient http, UUID call, UUID secretary, String message,
			boolean useRag) {
		return http.post().uri("/api/v1/chat")
			.bodyValue(Map.of("session_id", call.toString(), "secretary_uuid", secretary.toString(), "user_message",
					message, "use_rag", useRag))
			.exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
	}

}
