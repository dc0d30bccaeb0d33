package org.voiceai.realtime;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import org.voiceai.providers.manager.ProviderManager;
import org.voiceai.testing.EmbeddedDefaults;

import static org.assertj.core.api.Assertions.assertThat;

/** The realtime bridge starts on the embedded defaults with health, readiness and metrics. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@AutoConfigureMetrics
@EmbeddedDefaults
class VoiceAiRealtimeApplicationTest {

	@Autowired
	WebTestClient http;

	@Autowired
	DatabaseClient database;

	@Autowired
	ProviderManager providers;

	@Test
	void readinessIncludesDatabaseAndSharedState() {
		this.http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.status").isEqualTo("UP")
			.jsonPath("$.components.r2dbc.status").isEqualTo("UP")
			.jsonPath("$.components.sharedState.status").isEqualTo("UP");
		this.http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
	}

	@Test
	void exposesPrometheusMetrics() {
		String metrics = this.http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(metrics).contains("jvm_threads_live_threads");
	}

	@Test
	void seesTheMigratedSchemaAndHasTheProviderManager() {
		Long secretaries = this.database.sql("SELECT count(*) FROM v_voice_secretaries")
			.map((row, meta) -> row.get(0, Long.class)).one().block();
		assertThat(secretaries).isZero();
		assertThat(this.providers).isNotNull();
	}

}
