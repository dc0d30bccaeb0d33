package org.voiceai.service.transcribe;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
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

import org.voiceai.audio.AudioFormat;
import org.voiceai.audio.Wav;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.manager.ProviderDraft;
import org.voiceai.providers.manager.ProviderRowRepository;
import org.voiceai.service.TestTenants;
import org.voiceai.service.audio.SharedAudioDirectory;
import org.voiceai.service.tenant.TenantWebFilter;
import org.voiceai.tenant.DomainId;
import org.voiceai.testing.EmbeddedDefaults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * /transcribe and /synthesize end to end, against fakes of OpenAI's transcription and speech endpoints: bad audio is
 * refused before any provider call, paths stay inside the shared directory, a failing provider falls over to the
 * next, and repeated phrases come from the speech cache.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@EmbeddedDefaults
@TestPropertySource(properties = { "voice-ai.providers.attempt-timeout=30s", "voice-ai.audio.max-upload=200KB" })
class TranscribeAndSynthesizeTest {

	private static final WireMockServer primary = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	private static final WireMockServer backup = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	@Autowired
	WebTestClient anonymous;

	@Autowired
	DatabaseClient database;

	@Autowired
	ProviderRowRepository providers;

	@Autowired
	SharedAudioDirectory audio;

	WebTestClient http;

	DomainId domain;

	@BeforeAll
	static void startFakes() {
		primary.start();
		backup.start();
	}

	@AfterAll
	static void stopFakes() {
		primary.stop();
		backup.stop();
	}

	@BeforeEach
	void setUp() {
		primary.resetAll();
		backup.resetAll();
		this.http = this.anonymous;
		this.domain = new TestTenants(this.database).domain();
		provider(ProviderType.STT, "whisper_api", primary, true, 0);
		provider(ProviderType.TTS, "openai_tts", primary, true, 0);
		primary.stubFor(post("/v1/audio/transcriptions").willReturn(aResponse().withHeader("Content-Type",
				"application/json")
			.withBody("{\"task\": \"transcribe\", \"language\": \"portuguese\", \"duration\": 0.5, "
					+ "\"text\": \"Quero falar com o financeiro\"}")));
		primary.stubFor(post("/v1/audio/speech").willReturn(aResponse().withHeader("Content-Type", "audio/pcm")
			.withBody(new byte[24000 * 2 / 2])));
	}

	@Test
	void transcribesInlineAndSharedDirectoryAudioAndRefusesBadAudioBeforeAnyProviderCall() throws Exception {
		String wav = Base64.getEncoder().encodeToString(wav(4000));
		call("/api/v1/transcribe", Map.of("audio_base64", wav, "language", "pt-BR")).expectStatus().isOk()
			.expectBody()
			.jsonPath("$.text").isEqualTo("Quero falar com o financeiro")
			.jsonPath("$.provider").isEqualTo("whisper_api");

		Path recording = this.audio.root().resolve("call_1.wav");
		Files.write(recording, wav(4000));
		call("/api/v1/transcribe", Map.of("audio_file", "call_1.wav")).expectStatus().isOk();
		call("/api/v1/transcribe", Map.of("audio_file", recording.toString())).expectStatus().isOk();
		primary.verify(3, postRequestedFor(urlEqualTo("/v1/audio/transcriptions")));

		call("/api/v1/transcribe", Map.of("audio_file", "../../../etc/passwd")).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.detail").isEqualTo("audio_file must be inside the shared audio directory");
		call("/api/v1/transcribe", Map.of("audio_base64", Base64.getEncoder().encodeToString("not a wav".getBytes())))
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.detail").isEqualTo("not a WAV file (no RIFF/WAVE header)");
		call("/api/v1/transcribe", Map.of("audio_base64", "")).expectStatus().isBadRequest();
		call("/api/v1/transcribe", Map.of("audio_base64", Base64.getEncoder().encodeToString(wav(160_000))))
			.expectStatus().isEqualTo(413);
		primary.verify(3, postRequestedFor(urlEqualTo("/v1/audio/transcriptions")));
	}

	@Test
	void aFailingProviderFallsOverToTheNextAndWithoutOneTheCallerGetsA502() {
		primary.stubFor(post("/v1/audio/transcriptions").willReturn(aResponse().withStatus(503)
			.withBody("{\"error\": {\"message\": \"overloaded\"}}")));
		String wav = Base64.getEncoder().encodeToString(wav(4000));
		call("/api/v1/transcribe", Map.of("audio_base64", wav)).expectStatus().isEqualTo(502)
			.expectBody().jsonPath("$.detail").value((detail) -> assertThat((String) detail).contains("overloaded")
				.doesNotContain("sk-test"));

		provider(ProviderType.STT, "groq", backup, false, 5);
		backup.stubFor(post("/v1/audio/transcriptions").willReturn(aResponse().withHeader("Content-Type",
				"application/json")
			.withBody("{\"text\": \"pelo backup\", \"language\": \"portuguese\", \"duration\": 0.5}")));
		call("/api/v1/transcribe", Map.of("audio_base64", wav, "provider", "whisper_api")).expectStatus().isOk()
			.expectBody().jsonPath("$.text").isEqualTo("pelo backup").jsonPath("$.provider").isEqualTo("groq");
	}

	@Test
	void synthesizesOnceThenServesFromTheCacheAndOverHttp() {
		Map<String, Object> request = Map.of("text", "Bom dia, clínica Sorriso.", "sample_rate", 8000);
		String url = call("/api/v1/synthesize", request).expectStatus().isOk().expectBody(Map.class)
			.returnResult().getResponseBody().get("audio_url").toString();
		call("/api/v1/synthesize", request).expectStatus().isOk().expectBody()
			.jsonPath("$.cached").isEqualTo(true)
			.jsonPath("$.sample_rate").isEqualTo(8000)
			.jsonPath("$.provider").isEqualTo("openai_tts");
		primary.verify(1, postRequestedFor(urlEqualTo("/v1/audio/speech")));

		byte[] served = this.http.get().uri(url.substring(url.indexOf("/audio/"))).exchange().expectStatus().isOk()
			.expectBody(byte[].class).returnResult().getResponseBody();
		assertThat(Wav.read(served).format()).isEqualTo(AudioFormat.PCM16_8K);
		this.http.get().uri("/audio/" + this.domain + "/../../secret.key").exchange().expectStatus().isNotFound();

		call("/api/v1/synthesize", Map.of("text", " ")).expectStatus().isBadRequest();
		call("/api/v1/synthesize", Map.of("text", "x".repeat(5001))).expectStatus().isBadRequest();
		call("/api/v1/synthesize", Map.of("text", "oi", "sample_rate", 44100)).expectStatus().isBadRequest();
		primary.verify(1, postRequestedFor(urlEqualTo("/v1/audio/speech")));
	}

	@Test
	void anotherDomainsSecretaryCannotBeUsedToSynthesize() {
		TestTenants tenants = new TestTenants(this.database);
		DomainId owner = tenants.domain();
		UUID secretary = tenants.secretary(owner, "Ana", null);

		call("/api/v1/synthesize", Map.of("text", "oi", "secretary_uuid", secretary.toString())).expectStatus()
			.isNotFound();
		call("/api/v1/secretaries/" + secretary + "/warm", Map.of()).expectStatus().isNotFound();
		primary.verify(0, postRequestedFor(anyUrl()));
	}

	private WebTestClient.ResponseSpec call(String path, Map<String, ?> body) {
		return this.http.post().uri(path)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + EmbeddedDefaults.SERVICE_TOKEN)
			.header(TenantWebFilter.DOMAIN_HEADER, this.domain.toString())
			.bodyValue(body)
			.exchange();
	}

	private void provider(ProviderType<?> type, String name, WireMockServer server, boolean isDefault, int priority) {
		Map<String, Object> config = new LinkedHashMap<>();
		config.put("api_key", "sk-test-" + name);
		config.put("base_url", server.baseUrl() + "/v1");
		this.providers.insert(this.domain, new ProviderDraft(type, name, name, config, isDefault, priority, true))
			.block();
	}

	/** A 16-bit mono 8 kHz WAV of {@code samples} samples of a 440 Hz tone. */
	private static byte[] wav(int samples) {
		ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < samples; i++) {
			pcm.putShort((short) (8000 * Math.sin(2 * Math.PI * 440 * i / 8000.0)));
		}
		return Wav.write(AudioFormat.PCM16_8K, pcm.array());
	}

}
