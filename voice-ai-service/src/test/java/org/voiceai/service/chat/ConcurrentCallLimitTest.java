package org.voiceai.service.chat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A domain's {@code max_concurrent_calls}: every turn of a call counts once, a new call over the limit gets 429 with
 * {@code Retry-After} and a problem naming the limit (and costs no model call), ending a call frees its place, and
 * another domain's calls are counted apart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@EmbeddedDefaults
@TestPropertySource(properties = { "voice-ai.providers.attempt-timeout=30s", "voice-ai.calls.retry-after=20s" })
class ConcurrentCallLimitTest {

	private static final WireMockServer openAi = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	@Autowired
	WebTestClient http;

	@Autowired
	DatabaseClient database;

	@Autowired
	ProviderRowRepository providers;

	@BeforeAll
	static void startFake() {
		openAi.start();
		openAi.stubFor(post("/v1/chat/completions").willReturn(aResponse().withHeader("Content-Type", "application/json")
			.withBody("{\"id\": \"chatcmpl-1\", \"object\": \"chat.completion\", \"created\": 1767225600, \"model\": "
					+ "\"gpt-4o-mini\", \"choices\": [{\"index\": 0, \"message\": {\"role\": \"assistant\", "
					+ "\"content\": \"Pois não?\"}, \"finish_reason\": \"stop\"}], \"usage\": {\"prompt_tokens\": 3, "
					+ "\"completion_tokens\": 2, \"total_tokens\": 5}}")));
	}

	@AfterAll
	static void stopFake() {
		openAi.stop();
	}

	@Test
	void newCallsOverTheDomainsLimitAreRefusedUntilOneEnds() {
		TestTenants tenants = new TestTenants(this.database);
		DomainId domain = tenants.domain();
		DomainId neighbour = tenants.domain();
		UUID secretary = secretaryWithModel(tenants, domain);
		UUID neighbourSecretary = secretaryWithModel(tenants, neighbour);
		this.database.sql("INSERT INTO v_voice_secretary_settings (domain_uuid, setting_name, setting_value, enabled) "
				+ "VALUES (:d, 'max_concurrent_calls', '2', true)")
			.bind("d", domain.value())
			.then()
			.block();
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		UUID third = UUID.randomUUID();

		chat(domain, first, secretary).expectStatus().isOk();
		chat(domain, first, secretary).expectStatus().isOk();
		chat(domain, second, secretary).expectStatus().isOk();
		chat(domain, first, secretary).expectStatus().isOk();
		openAi.resetRequests();
		chat(domain, third, secretary).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "20")
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://voice-ai.org/problems/concurrent-call-limit")
			.jsonPath("$.limit").isEqualTo(2)
			.jsonPath("$.detail").value((detail) -> assertThat((String) detail)
				.contains("2 calls in progress").contains("max_concurrent_calls"));
		openAi.verify(0, postRequestedFor(urlEqualTo("/v1/chat/completions")));
		// The neighbour's default limit (10) is untouched by this domain's calls.
		chat(neighbour, UUID.randomUUID(), neighbourSecretary).expectStatus().isOk();

		end(domain, first).expectStatus().isOk();
		end(domain, first).expectStatus().isOk();

		chat(domain, third, secretary).expectStatus().isOk();
		chat(domain, second, secretary).expectStatus().isOk();
		chat(domain, UUID.randomUUID(), secretary).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
	}

	private UUID secretaryWithModel(TestTenants tenants, DomainId domain) {
		Map<String, Object> config = new LinkedHashMap<>();
		config.put("api_key", "sk-test-key");
		config.put("base_url", openAi.baseUrl() + "/v1");
		config.put("model", "gpt-4o-mini");
		this.providers.insert(domain, new ProviderDraft(ProviderType.LLM, "openai", "OpenAI", config, true, 0, true))
			.block();
		return tenants.secretary(domain, "Ana", null);
	}

	private WebTestClient.ResponseSpec chat(DomainId domain, UUID call, UUID secretary) {
		return this.http.post().uri("/api/v1/chat")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + EmbeddedDefaults.SERVICE_TOKEN)
			.header(TenantWebFilter.DOMAIN_HEADER, domain.toString())
			.bodyValue(Map.of("session_id", call.toString(), "secretary_uuid", secretary.toString(), "user_message",
					"Alô?"))
			.exchange();
	}

	private WebTestClient.ResponseSpec end(DomainId domain, UUID call) {
		return this.http.post().uri("/api/v1/conversations/" + call + "/end")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + EmbeddedDefaults.SERVICE_TOKEN)
			.header(TenantWebFilter.DOMAIN_HEADER, domain.toString())
			.bodyValue(Map.of("final_action", "hangup"))
			.exchange();
	}

}
