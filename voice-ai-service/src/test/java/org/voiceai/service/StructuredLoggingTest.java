package org.voiceai.service;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import org.voiceai.testing.EmbeddedDefaults;

import static org.assertj.core.api.Assertions.assertThat;

/** Log lines are JSON and carry the domain and call of the request that caused them. */
// JSON (ECS) is the default log format: voice-ai-defaults.properties.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@EmbeddedDefaults
@ExtendWith(OutputCaptureExtension.class)
class StructuredLoggingTest {

	@Autowired
	WebTestClient http;

	@Test
	void logLinesAreJsonWithDomainAndCallUuid(CapturedOutput output) {
		String call = UUID.randomUUID().toString();
		this.http.get().uri("/api/v1/providers/llm/resolve")
			.header("X-Domain-UUID", VoiceAiServiceApplicationTest.DEMO_DOMAIN)
			.header("X-Call-UUID", call)
			.header("Authorization", "Bearer " + EmbeddedDefaults.SERVICE_TOKEN)
			.exchange()
			.expectStatus().isEqualTo(503);

		JsonMapper json = JsonMapper.builder().build();
		List<JsonNode> lines = output.getOut().lines().filter((line) -> line.startsWith("{")).map(json::readTree)
			.filter((line) -> line.path("message").asString().startsWith("No enabled llm provider"))
			.toList();
		assertThat(lines).hasSize(1);
		assertThat(lines.get(0).path("domain_uuid").asString()).isEqualTo(VoiceAiServiceApplicationTest.DEMO_DOMAIN);
		assertThat(lines.get(0).path("call_uuid").asString()).isEqualTo(call);
		assertThat(lines.get(0).path("log").path("level").asString()).isEqualTo("WARN");
	}

}
