package org.voiceai.service.tenant;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import org.voiceai.tenant.ServiceToken;
import org.voiceai.testing.EmbeddedDefaults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every /api call needs the service token and an existing, enabled domain; health stays open for probes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@EmbeddedDefaults
class TenantGuardTest {

	private static final String DEMO = "5f0c5e2a-6d1b-4c55-9a51-000000000001";

	private static final String PATH = "/api/v1/providers/stt/resolve";

	@Autowired
	WebTestClient http;

	@Autowired
	DatabaseClient database;

	@Test
	void missingOrWrongTokenIsUnauthorized() {
		this.http.get().uri(PATH).header(TenantWebFilter.DOMAIN_HEADER, DEMO).exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.expectBody().jsonPath("$.type").isEqualTo("https://voice-ai.org/problems/unauthorized");
		this.http.get().uri(PATH).header(TenantWebFilter.DOMAIN_HEADER, DEMO)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + EmbeddedDefaults.SERVICE_TOKEN + "x")
			.exchange()
			.expectStatus().isUnauthorized();
	}

	@Test
	void unknownDomainIsNotFoundAndDisabledDomainIsForbidden() {
		UUID disabled = UUID.randomUUID();
		this.database.sql("INSERT INTO v_domains (domain_uuid, domain_name, domain_enabled) VALUES (:id, :n, false)")
			.bind("id", disabled)
			.bind("n", disabled + ".test")
			.then()
			.block();

		authorized(UUID.randomUUID().toString()).expectStatus().isNotFound()
			.expectBody().jsonPath("$.detail").value((detail) -> assertThat((String) detail).endsWith("does not exist"));
		authorized(disabled.toString()).expectStatus().isForbidden();
		authorized(null).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.detail").isEqualTo("X-Domain-UUID: domain_uuid is required");
		authorized(DEMO).expectStatus().isEqualTo(503);
	}

	@Test
	void healthAndApiDocsNeedNoToken() {
		this.http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
		// The first generation of the document can take longer than the client's default 5 s on a busy machine.
		this.http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.components.securitySchemes.serviceToken.scheme").isEqualTo("bearer");
	}

	@Test
	void theEmbeddedDefaultGeneratesAndKeepsATokenAndProductionRefusesToStartWithout(@TempDir Path home)
			throws Exception {
		ServiceToken generated = ServiceToken.resolve("", true, home);
		String stored = Files.readString(home.resolve("service.token")).trim();
		assertThat(generated.matches("Bearer " + stored)).isTrue();
		assertThat(ServiceToken.resolve(null, true, home).matches("Bearer " + stored)).as("same token next start")
			.isTrue();
		assertThat(Files.getPosixFilePermissions(home.resolve("service.token"))).hasSize(2);

		assertThatThrownBy(() -> ServiceToken.resolve(" ", false, home)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("VOICE_AI_SERVICE_TOKEN is not set");
		assertThatThrownBy(() -> ServiceToken.resolve("short", false, home)).hasMessageContaining("too short");
	}

	private WebTestClient.ResponseSpec authorized(String domain) {
		WebTestClient.RequestHeadersSpec<?> request = this.http.get().uri(PATH)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + EmbeddedDefaults.SERVICE_TOKEN);
		if (domain != null) {
			request = request.header(TenantWebFilter.DOMAIN_HEADER, domain);
		}
		return request.exchange();
	}

}
