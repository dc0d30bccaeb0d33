package org.voiceai.service.tenant;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import org.voiceai.testing.EmbeddedDefaults;

import static org.assertj.core.api.Assertions.assertThat;

/** Limits are per domain and endpoint group; the 429 says when to come back. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "voice-ai.service.rate-limits.per-minute.providers=3")
@AutoConfigureWebTestClient
@EmbeddedDefaults
class RateLimitTest {

	@TestConfiguration
	static class MidMinute {

		/** Frozen in the middle of a minute, so the test never straddles a window boundary. */
		@Bean
		Clock clock() {
			return Clock.fixed(Instant.parse("2026-11-22T10:15:30Z"), ZoneOffset.UTC);
		}

	}

	@Autowired
	WebTestClient http;

	@Autowired
	DatabaseClient database;

	@Test
	void theFourthRequestInAMinuteIsRejectedWithRetryAfterAndOtherDomainsAreUnaffected() {
		String limited = domain();
		String other = domain();
		for (int i = 0; i < 3; i++) {
			request(limited).expectStatus().isEqualTo(503).expectHeader().valueEquals("X-RateLimit-Limit", "3");
		}
		String retryAfter = request(limited).expectStatus().isEqualTo(429)
			.expectHeader().valueEquals("X-RateLimit-Remaining", "0")
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst(HttpHeaders.RETRY_AFTER);
		assertThat(retryAfter).isEqualTo("30");
		request(other).expectStatus().isEqualTo(503);
	}

	private WebTestClient.ResponseSpec request(String domain) {
		return this.http.get().uri("/api/v1/providers/stt/resolve")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + EmbeddedDefaults.SERVICE_TOKEN)
			.header(TenantWebFilter.DOMAIN_HEADER, domain)
			.exchange();
	}

	private String domain() {
		UUID domain = UUID.randomUUID();
		this.database.sql("INSERT INTO v_domains (domain_uuid, domain_name) VALUES (:id, :name)")
			.bind("id", domain)
			.bind("name", domain + ".test")
			.then()
			.block();
		return domain.toString();
	}

}
