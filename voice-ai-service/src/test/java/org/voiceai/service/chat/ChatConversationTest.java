package org.voiceai.service.chat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import org.voiceai.providers.ProviderType;
import org.voiceai.providers.manager.ProviderDraft;
import org.voiceai.providers.manager.ProviderRowRepository;
import org.voiceai.service.TestTenants;
import org.voiceai.service.tenant.TenantWebFilter;
import org.voiceai.tenant.DomainId;
import org.voiceai.testing.EmbeddedDefaults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A three-turn call through /chat against a fake speaking OpenAI's Chat Completions protocol: history is kept by
 * the service, "financeiro" resolves to that destination's extension, a goodbye hangs up, every message is stored
 * with its latency, and the end-of-call webhook reaches a local receiver.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@EmbeddedDefaults
@TestPropertySource(properties = { "voice-ai.providers.attempt-timeout=30s",
		"voice-ai.webhooks.allow-private-networks=true", "voice-ai.webhooks.poll-interval=200ms",
		"voice-ai.webhooks.signing-secret=test-webhook-secret-0123456789" })
class ChatConversationTest {

	private static final WireMockServer openAi = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	private static final WireMockServer receiver = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	@Autowired
	WebTestClient anonymous;

	@Autowired
	DatabaseClient database;

	@Autowired
	ProviderRowRepository providers;

	WebTestClient http;

	@BeforeAll
	static void startFakes() {
		openAi.start();
		receiver.start();
	}

	@AfterAll
	static void stopFakes() {
		openAi.stop();
		receiver.stop();
	}

	@BeforeEach
	void reset() {
		openAi.resetAll();
		receiver.resetAll();
		this.http = this.anonymous;
	}

	@Test
	void threeTurnsRememberedServerSideWithTransferHangupStoredMessagesAndWebhook() {
		TestTenants tenants = new TestTenants(this.database);
		DomainId domain = tenants.domain();
		UUID secretary = tenants.secretary(domain, "Ana", receiver.baseUrl() + "/hooks/call-ended");
		this.database.sql("INSERT INTO v_voice_transfer_destinations (domain_uuid, name, aliases, destination_number, "
				+ "department) VALUES (:d, 'Financeiro', '[\"contas\", \"boletos\"]', '1001', 'Cobrança'), "
				+ "(:d, 'Suporte', '[]', '1002', NULL)")
			.bind("d", domain.value())
			.then()
			.block();
		Map<String, Object> config = new LinkedHashMap<>();
		config.put("api_key", "sk-test-key");
		config.put("base_url", openAi.baseUrl() + "/v1");
		config.put("model", "gpt-4o-mini");
		this.providers.insert(domain, new ProviderDraft(ProviderType.LLM, "openai", "OpenAI", config, true, 0, true))
			.block();
		receiver.stubFor(post("/hooks/call-ended").willReturn(aResponse().withStatus(200)));
		stubTurn(Scenario.STARTED, "second", text("Olá! Em que posso ajudar?"));
		stubTurn("second", "third", toolCall("Vou transferir você para o financeiro.", "transfer_call",
				"{\"destination\": \"financeiro\"}"));
		stubTurn("third", "done", toolCall("Obrigada pela ligação, até logo!", "end_call", "{\"reason\": \"bye\"}"));
		UUID call = UUID.randomUUID();

		chat(domain, call, secretary, "Oi, bom dia").expectStatus().isOk().expectBody()
			.jsonPath("$.text").isEqualTo("Olá! Em que posso ajudar?")
			.jsonPath("$.action").isEqualTo("continue")
			.jsonPath("$.provider").isEqualTo("openai")
			.jsonPath("$.tokens_used").isEqualTo(42)
			.jsonPath("$.latency.llm_ms").isNumber();
		chat(domain, call, secretary, "Preciso da segunda via do boleto").expectStatus().isOk().expectBody()
			.jsonPath("$.action").isEqualTo("transfer")
			.jsonPath("$.transfer_extension").isEqualTo("1001")
			.jsonPath("$.transfer_destination").isEqualTo("Financeiro");
		chat(domain, call, secretary, "Na verdade era só isso, tchau").expectStatus().isOk().expectBody()
			.jsonPath("$.action").isEqualTo("hangup")
			.jsonPath("$.text").isEqualTo("Obrigada pela ligação, até logo!");

		// Lua sent only the new message; the service added the earlier turns and the open destinations.
		openAi.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
			.withHeader("Authorization", equalTo("Bearer sk-test-key"))
			.withRequestBody(containing("Oi, bom dia"))
			.withRequestBody(containing("Olá! Em que posso ajudar?"))
			.withRequestBody(containing("Na verdade era só isso"))
			.withRequestBody(containing("transfer_call"))
			.withRequestBody(containing("Financeiro (Cobrança)")));
		List<Map<String, Object>> messages = this.database
			.sql("SELECT role, content, llm_latency_ms, total_latency_ms FROM v_voice_messages m "
					+ "JOIN v_voice_conversations c USING (voice_conversation_uuid) "
					+ "WHERE c.domain_uuid = :d AND c.call_uuid = :call ORDER BY turn_number")
			.bind("d", domain.value())
			.bind("call", call)
			.fetch()
			.all()
			.collectList()
			.block();
		assertThat(messages).extracting((row) -> row.get("role"))
			.containsExactly("user", "assistant", "user", "assistant", "user", "assistant");
		assertThat(messages.get(1).get("llm_latency_ms")).isNotNull();
		assertThat(messages.get(1).get("total_latency_ms")).isNotNull();

		this.http.post().uri("/api/v1/conversations/" + call + "/end")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + EmbeddedDefaults.SERVICE_TOKEN)
			.header(TenantWebFilter.DOMAIN_HEADER, domain.toString())
			.bodyValue(Map.of("final_action", "hangup"))
			.exchange()
			.expectStatus().isOk();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> receiver.verify(
				postRequestedFor(urlEqualTo("/hooks/call-ended")).withRequestBody(containing("Oi, bom dia"))
					.withRequestBody(matchingJsonPath("$.resolution", equalTo("hangup")))));
	}

	@Test
	void anotherDomainCannotChatAsThisDomainsSecretary() {
		TestTenants tenants = new TestTenants(this.database);
		DomainId owner = tenants.domain();
		DomainId intruder = tenants.domain();
		UUID secretary = tenants.secretary(owner, "Ana", null);

		chat(intruder, UUID.randomUUID(), secretary, "Oi").expectStatus().isNotFound();
		openAi.verify(0, postRequestedFor(WireMock.anyUrl()));
	}

	private WebTestClient.ResponseSpec chat(DomainId domain, UUID call, UUID secretary, String message) {
		return this.http.post().uri("/api/v1/chat")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + EmbeddedDefaults.SERVICE_TOKEN)
			.header(TenantWebFilter.DOMAIN_HEADER, domain.toString())
			.bodyValue(Map.of("session_id", call.toString(), "secretary_uuid", secretary.toString(), "user_message",
					message))
			.exchange();
	}

	private static void stubTurn(String state, String next, String body) {
		openAi.stubFor(post("/v1/chat/completions").inScenario("call")
			.whenScenarioStateIs(state)
			.willSetStateTo(next)
			.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body)));
	}

	private static String text(String content) {
		return completion("{\"role\": \"assistant\", \"content\": \"" + content + "\"}", "stop");
	}

	private static String toolCall(String content, String tool, String arguments) {
		return completion("{\"role\": \"assistant\", \"content\": \"" + content + "\", \"tool_calls\": [{\"id\": "
				+ "\"call_1\", \"type\": \"function\", \"function\": {\"name\": \"" + tool + "\", \"arguments\": "
				+ toJsonString(arguments) + "}}]}", "tool_calls");
	}

	private static String completion(String message, String finishReason) {
		return "{\"id\": \"chatcmpl-1\", \"object\": \"chat.completion\", \"created\": 1767225600, \"model\": "
				+ "\"gpt-4o-mini\", \"choices\": [{\"index\": 0, \"message\": " + message + ", \"finish_reason\": \""
				+ finishReason + "\"}], \"usage\": {\"prompt_tokens\": 30, \"completion_tokens\": 12, "
				+ "\"total_tokens\": 42}}";
	}

	private static String toJsonString(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

}
