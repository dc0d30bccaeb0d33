package org.voiceai.service.webhook;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import org.voiceai.service.TestClock;
import org.voiceai.service.TestTenants;
import org.voiceai.service.conversations.ConversationRecorder;
import org.voiceai.service.conversations.EndRequest;
import org.voiceai.service.conversations.EndedConversation;
import org.voiceai.service.conversations.RecordedMessage;
import org.voiceai.tenant.DomainId;
import org.voiceai.testing.EmbeddedDefaults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Delivery of queued webhooks to a real local HTTP receiver: signed, retried with backoff while the receiver is down,
 * given up after the last attempt, refused when the URL points inside. The clock is moved by hand, so backoff is
 * exact and nothing waits for it; private networks are allowed here because the receiver is on 127.0.0.1.
 */
@SpringBootTest
@EmbeddedDefaults
@TestPropertySource(properties = { "voice-ai.webhooks.dispatch=false", "voice-ai.webhooks.allow-private-networks=true",
		"voice-ai.webhooks.signing-secret=" + WebhookDispatcherTest.SECRET, "voice-ai.webhooks.poll-interval=100ms",
		"voice-ai.webhooks.response-timeout=3s" })
// A context of its own (clock, permissive policy): closed afterwards so its embedded database does not linger.
@DirtiesContext
class WebhookDispatcherTest {

	static final String SECRET = "test-webhook-signing-secret";

	static WireMockServer receiver;

	@Autowired
	WebhookDispatcher dispatcher;

	@Autowired
	WebhookOutbox outbox;

	@Autowired
	WebhookProperties properties;

	@Autowired
	WebhookSigner signer;

	@Autowired
	ConversationRecorder recorder;

	@Autowired
	DatabaseClient database;

	@Autowired
	JsonMapper json;

	@Autowired
	TestClock clock;

	TestTenants tenants;

	DomainId domain;

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		TestClock testClock() {
			return new TestClock();
		}

	}

	@BeforeAll
	static void startReceiver() {
		receiver = new WireMockServer(options().dynamicPort());
		receiver.start();
	}

	@AfterAll
	static void stopReceiver() {
		receiver.stop();
	}

	@BeforeEach
	void newDomain() {
		this.tenants = new TestTenants(this.database);
		this.domain = this.tenants.domain();
	}

	@Test
	void aDeliveryIsPostedOnceSignedWithItsIdAndMarkedDelivered() throws Exception {
		receiver.stubFor(post(urlPathEqualTo("/hooks/ok")).willReturn(aResponse().withStatus(204)));
		UUID call = UUID.randomUUID();
		UUID secretary = this.tenants.secretary(this.domain, "Ana", receiver.baseUrl() + "/hooks/ok?key=abc");
		UUID conversation = this.recorder.open(this.domain, call, secretary, "5511999990000", "Maria", "turn_based")
			.block();
		this.recorder.record(this.domain, conversation, RecordedMessage.user("financeiro", null, null, null)).block();
		this.recorder.record(this.domain, conversation, RecordedMessage.assistant("Transferindo.", null, null, null,
				null, null)).block();
		EndedConversation ended = this.recorder.end(this.domain, call,
				new EndRequest(null, "transfer", "1001", "financeiro", 30, null)).block();

		this.dispatcher.dispatchDue().block();
		this.dispatcher.dispatchDue().block();

		List<LoggedRequest> requests = receiver.findAll(postRequestedFor(urlPathEqualTo("/hooks/ok")));
		assertThat(requests).hasSize(1);
		LoggedRequest request = requests.get(0);
		String body = request.getBodyAsString();
		String timestamp = request.getHeader("X-Voice-AI-Timestamp");
		assertThat(request.getHeader("Content-Type")).startsWith("application/json");
		assertThat(request.getHeader("X-Voice-AI-Event")).isEqualTo("call.ended");
		assertThat(request.getHeader("X-Voice-AI-Delivery")).isEqualTo(ended.webhookDeliveryUuid().toString());
		assertThat(timestamp).isEqualTo(Long.toString(this.clock.instant().getEpochSecond()));
		assertThat(request.getHeader("X-Voice-AI-Signature")).isEqualTo("sha256=" + hmac(SECRET, timestamp + "." + body));
		assertThat(request.queryParameter("key").firstValue()).isEqualTo("abc");
		JsonNode payload = this.json.readTree(body);
		assertThat(payload.path("event").asString()).isEqualTo("call.ended");
		assertThat(payload.path("call_uuid").asString()).isEqualTo(call.toString());
		assertThat(payload.path("domain_uuid").asString()).isEqualTo(this.domain.toString());
		assertThat(payload.path("secretary_name").asString()).isEqualTo("Ana");
		assertThat(payload.path("resolution").asString()).isEqualTo("transfer");
		assertThat(payload.path("transferred_to").asString()).isEqualTo("1001");
		assertThat(payload.path("duration_seconds").asInt()).isEqualTo(30);
		assertThat(payload.path("transcript")).hasSize(2);

		Map<String, Object> row = delivery(ended.webhookDeliveryUuid());
		assertThat(row).containsEntry("delivery_status", "delivered")
			.containsEntry("attempts", 1)
			.containsEntry("last_status_code", 204)
			.containsEntry("last_error", null);
		assertThat(row.get("delivered_at")).isNotNull();
	}

	@Test
	void aReceiverAnswering503IsRetriedWithDoublingBackoffUntilItAccepts() {
		String path = "/hooks/flaky";
		receiver.stubFor(post(urlPathEqualTo(path)).inScenario("flaky").whenScenarioStateIs(STARTED)
			.willReturn(aResponse().withStatus(503)).willSetStateTo("second"));
		receiver.stubFor(post(urlPathEqualTo(path)).inScenario("flaky").whenScenarioStateIs("second")
			.willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
		receiver.stubFor(post(urlPathEqualTo(path)).inScenario("flaky").whenScenarioStateIs("up")
			.willReturn(aResponse().withStatus(200)));
		UUID delivery = endedCallWithWebhook(receiver.baseUrl() + path);

		this.dispatcher.dispatchDue().block();
		Map<String, Object> first = delivery(delivery);
		assertThat(first).containsEntry("delivery_status", "pending")
			.containsEntry("attempts", 1)
			.containsEntry("last_status_code", 503)
			.containsEntry("last_error", "HTTP 503");
		assertThat(first.get("next_attempt_at")).isEqualTo(this.clock.instant().plusSeconds(5));

		this.dispatcher.dispatchDue().block();
		assertThat(delivery(delivery)).as("not due before the backoff").containsEntry("attempts", 1);

		this.clock.advance(Duration.ofSeconds(5));
		this.dispatcher.dispatchDue().block();
		Map<String, Object> second = delivery(delivery);
		assertThat(second).containsEntry("delivery_status", "pending").containsEntry("attempts", 2);
		assertThat(second.get("next_attempt_at")).isEqualTo(this.clock.instant().plusSeconds(10));

		this.clock.advance(Duration.ofSeconds(10));
		this.dispatcher.dispatchDue().block();
		assertThat(delivery(delivery)).containsEntry("delivery_status", "delivered")
			.containsEntry("attempts", 3)
			.containsEntry("last_status_code", 200);
		List<LoggedRequest> requests = receiver.findAll(postRequestedFor(urlPathEqualTo(path)));
		assertThat(requests).hasSize(3)
			.extracting((request) -> request.getHeader("X-Voice-AI-Delivery"))
			.containsOnly(delivery.toString());
	}

	@Test
	void afterTheLastAttemptTheDeliveryIsDead() {
		String path = "/hooks/broken";
		receiver.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(500)));
		UUID delivery = endedCallWithWebhook(receiver.baseUrl() + path);

		for (int attempt = 1; attempt <= this.properties.maxAttempts() + 2; attempt++) {
			this.dispatcher.dispatchDue().block();
			this.clock.advance(this.properties.maxBackoff());
		}

		assertThat(this.properties.maxAttempts()).isEqualTo(8);
		assertThat(delivery(delivery)).containsEntry("delivery_status", "dead")
			.containsEntry("attempts", 8)
			.containsEntry("last_status_code", 500)
			.containsEntry("last_error", "HTTP 500 (gave up after 8 attempts)");
		assertThat(receiver.findAll(postRequestedFor(urlPathEqualTo(path)))).hasSize(8);
	}

	@Test
	void aReceiverThatRefusesConnectionsIsRetriedByThePollerUntilItIsUp() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		UUID delivery = endedCallWithWebhook("http://127.0.0.1:" + port + "/hooks/late");
		WireMockServer late = new WireMockServer(options().port(port));
		this.dispatcher.start();
		try {
			// A claim counts the attempt at once; its outcome (last_error) is stored when it failed.
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(delivery(delivery).get("last_error")).isNotNull());
			assertThat(delivery(delivery)).containsEntry("attempts", 1).containsEntry("delivery_status", "pending");
			assertThat((String) delivery(delivery).get("last_error")).startsWith("cannot connect");

			late.stubFor(post(urlPathEqualTo("/hooks/late")).willReturn(aResponse().withStatus(200)));
			late.start();
			this.clock.advance(Duration.ofSeconds(5));
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(delivery(delivery))
				.containsEntry("delivery_status", "delivered")
				.containsEntry("attempts", 2));
			assertThat(late.findAll(postRequestedFor(urlPathEqualTo("/hooks/late")))).hasSize(1);
		}
		finally {
			this.dispatcher.stop();
			late.stop();
		}
		assertThat(this.dispatcher.isRunning()).isFalse();
	}

	@Test
	void aReceiverThatDoesNotAnswerInTimeIsRetried() {
		String path = "/hooks/slow";
		receiver.stubFor(post(urlPathEqualTo(path)).inScenario("slow").whenScenarioStateIs(STARTED)
			.willReturn(aResponse().withStatus(200).withFixedDelay(8000)).willSetStateTo("fast"));
		receiver.stubFor(post(urlPathEqualTo(path)).inScenario("slow").whenScenarioStateIs("fast")
			.willReturn(aResponse().withStatus(200)));
		UUID delivery = endedCallWithWebhook(receiver.baseUrl() + path);

		this.dispatcher.dispatchDue().block();
		assertThat(delivery(delivery)).containsEntry("delivery_status", "pending")
			.containsEntry("attempts", 1)
			.containsEntry("last_status_code", null)
			.containsEntry("last_error", "no answer within 3 s");

		this.clock.advance(Duration.ofSeconds(5));
		this.dispatcher.dispatchDue().block();
		assertThat(delivery(delivery)).containsEntry("delivery_status", "delivered").containsEntry("attempts", 2);
	}

	@Test
	void aUrlThatNowPointsInsideIsRefusedAtDeliveryAndDead() {
		String path = "/hooks/inside";
		receiver.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
		// Queued while allowed (as if its name resolved to a public address then); delivered by a strict instance.
		UUID delivery = endedCallWithWebhook(receiver.baseUrl() + path + "?token=receiver-secret");
		SafeUrlPolicy strict = new SafeUrlPolicy(false);
		WebhookClient strictClient = new WebhookClient(this.properties, strict, this.signer, this.clock);
		WebhookDispatcher strictDispatcher = new WebhookDispatcher(this.outbox, strictClient, strict, this.properties);

		try {
			strictDispatcher.dispatchDue().block();
		}
		finally {
			strictClient.close();
		}

		Map<String, Object> row = delivery(delivery);
		assertThat(row).containsEntry("delivery_status", "dead").containsEntry("attempts", 1);
		assertThat((String) row.get("last_error")).contains("loopback")
			.contains("allow-private-networks")
			.doesNotContain("receiver-secret");
		assertThat(receiver.findAll(postRequestedFor(urlPathEqualTo(path)))).isEmpty();
	}

	private UUID endedCallWithWebhook(String url) {
		UUID call = UUID.randomUUID();
		UUID secretary = this.tenants.secretary(this.domain, "Ana", url);
		this.recorder.open(this.domain, call, secretary, null, null, "turn_based").block();
		return this.recorder.end(this.domain, call, EndRequest.of("hangup")).block().webhookDeliveryUuid();
	}

	private Map<String, Object> delivery(UUID uuid) {
		return this.database.sql("SELECT delivery_status, attempts, next_attempt_at, last_status_code, last_error, "
				+ "delivered_at FROM v_voice_webhook_deliveries WHERE voice_webhook_delivery_uuid = :uuid")
			.bind("uuid", uuid)
			.map((row, metadata) -> {
				Map<String, Object> values = new HashMap<>();
				values.put("delivery_status", row.get("delivery_status", String.class));
				values.put("attempts", row.get("attempts", Integer.class));
				values.put("next_attempt_at", row.get("next_attempt_at", Instant.class));
				values.put("last_status_code", row.get("last_status_code", Integer.class));
				values.put("last_error", row.get("last_error", String.class));
				values.put("delivered_at", row.get("delivered_at", Instant.class));
				return values;
			})
			.one()
			.block();
	}

	private static String hmac(String key, String data) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
	}

}
