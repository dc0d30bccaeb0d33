package org.voiceai.realtime;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import org.voiceai.providers.manager.ProviderManager;
import org.voiceai.realtime.esl.EslCommandException;
import org.voiceai.realtime.esl.EslCommands;
import org.voiceai.realtime.esl.EslGateway;
import org.voiceai.testing.EmbeddedDefaults;

import static org.assertj.core.api.Assertions.assertThat;

/** The realtime bridge starts on the embedded defaults with health, readiness and metrics. */
// Nothing listens on port 1: the bridge must start and be ready without FreeSWITCH's event socket.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "voice-ai.esl.port=1")
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

	@Autowired
	EslGateway esl;

	@Autowired
	EslCommands commands;

	@Test
	void readinessIncludesDatabaseAndSharedState() {
		this.http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.status").isEqualTo("UP")
			.jsonPath("$.components.r2dbc.status").isEqualTo("UP")
			.jsonPath("$.components.sharedState.status").isEqualTo("UP");
		this.http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
	}

	@Test
	void reportsEslWithoutGatingReadiness() {
		this.http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.components.esl").doesNotExist();
		this.http.get().uri("/actuator/health/call-control").exchange().expectStatus().isEqualTo(503).expectBody()
			.jsonPath("$.status").isEqualTo("DOWN")
			.jsonPath("$.components.esl.details.address").isEqualTo("127.0.0.1:1")
			.jsonPath("$.components.esl.details.error").exists();
		assertThat(this.esl.isConnected()).isFalse();
		StepVerifier.create(this.commands.kill("6f1c2a1e-3b4d-4e5f-8a9b-0c1d2e3f4a5b"))
			.expectError(EslCommandException.class)
			.verify(Duration.ofSeconds(5));
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
