package org.voiceai.service;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import org.voiceai.providers.manager.ProviderRowRepository;
import org.voiceai.testing.EmbeddedDefaults;

import static org.assertj.core.api.Assertions.assertThat;

/** The service as the README runs it: embedded PostgreSQL, in-memory shared state, real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@AutoConfigureMetrics
@EmbeddedDefaults
class VoiceAiServiceApplicationTest {

	/** The demo domain the embedded default creates (db/voice-ai-demo/afterMigrate__demo_domain.sql). */
	static final String DEMO_DOMAIN = "5f0c5e2a-6d1b-4c55-9a51-000000000001";

	@Autowired
	WebTestClient anonymous;

	WebTestClient http;

	@Autowired
	DatabaseClient database;

	@Autowired
	ProviderRowRepository providers;

	@BeforeEach
	void authenticate() {
		this.http = this.anonymous.mutate()
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + EmbeddedDefaults.SERVICE_TOKEN)
			.build();
	}

	@Test
	void healthLivenessAndReadinessAreUpWithDatabaseAndSharedState() {
		this.http.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.status").isEqualTo("UP");
		this.http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.status").isEqualTo("UP");
		this.http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.status").isEqualTo("UP")
			.jsonPath("$.components.r2dbc.status").isEqualTo("UP")
			.jsonPath("$.components.sharedState.status").isEqualTo("UP")
			.jsonPath("$.components.sharedState.details.kind").isEqualTo("in-memory");
	}

	@Test
	void prometheusMetricsAreExposed() {
		String metrics = this.http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(metrics).contains("jvm_memory_used_bytes").contains("process_uptime_seconds");
	}

	@Test
	void theSchemaExistsInTheEmbeddedDatabaseWithTheDemoDomain() {
		Map<String, Object> counts = this.database
			.sql("SELECT (SELECT count(*) FROM v_domains WHERE domain_uuid = '" + DEMO_DOMAIN + "') AS demo, "
					+ "(SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'v\\_voice\\_%') AS tables")
			.fetch()
			.one()
			.block();
		assertThat(counts).containsEntry("demo", 1L).containsEntry("tables", 9L);
	}

	@Test
	void resolvingAProviderNamesTheProblemWithoutStackTraceOrSecret() {
		this.http.get().uri("/api/v1/providers/stt/resolve").header("X-Domain-UUID", DEMO_DOMAIN).exchange()
			.expectStatus().isEqualTo(503)
			.expectBody()
			.jsonPath("$.detail").isEqualTo("No enabled stt provider is configured for domain " + DEMO_DOMAIN)
			.jsonPath("$.trace").doesNotExist();

		UUID domain = newDomain();
		this.database.sql("INSERT INTO v_voice_ai_providers (domain_uuid, provider_type, provider_name, config) "
				+ "VALUES (:domain, 'tts', 'acme_tts', '{\"api_key\": \"sk-very-secret\"}')")
			.bind("domain", domain)
			.then()
			.block();
		String body = this.http.get().uri("/api/v1/providers/tts/resolve").header("X-Domain-UUID", domain.toString())
			.exchange()
			.expectStatus().isEqualTo(503)
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(body).contains("domain " + domain)
			.contains("Provider 'acme_tts'")
			.contains("unknown provider_name")
			.doesNotContain("sk-very-secret")
			.doesNotContain("at org.");
	}

	@Test
	void badInputIsABadRequest() {
		this.http.get().uri("/api/v1/providers/stt/resolve").header("X-Domain-UUID", "not-a-uuid").exchange()
			.expectStatus().isBadRequest().expectBody()
			.jsonPath("$.detail").isEqualTo("X-Domain-UUID: domain_uuid is not a UUID: 'not-a-uuid'");
		this.http.get().uri("/api/v1/providers/fax/resolve").header("X-Domain-UUID", DEMO_DOMAIN).exchange()
			.expectStatus().isBadRequest().expectBody()
			.jsonPath("$.detail").isEqualTo("Unknown provider type 'fax'; use stt, tts, llm, embeddings or realtime");
		this.http.get().uri("/api/v1/providers/stt/resolve").exchange().expectStatus().isBadRequest();
	}

	@Test
	void openApiDocumentDescribesTheApi() {
		// The first generation of the document can take longer than the client's default 5 s on a busy machine.
		this.http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.paths['/api/v1/providers/{type}/resolve']").exists();
	}

	private UUID newDomain() {
		UUID domain = UUID.randomUUID();
		this.database.sql("INSERT INTO v_domains (domain_uuid, domain_name) VALUES (:id, :name)")
			.bind("id", domain)
			.bind("name", domain + ".test")
			.then()
			.block();
		return domain;
	}

}
