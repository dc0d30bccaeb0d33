package org.voiceai.service.turn;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import org.voiceai.audio.AudioFormat;
import org.voiceai.audio.Wav;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.manager.ProviderDraft;
import org.voiceai.providers.manager.ProviderRowRepository;
import org.voiceai.service.FakeOpenAi;
import org.voiceai.service.TestTenants;
import org.voiceai.service.tenant.TenantWebFilter;
import org.voiceai.tenant.DomainId;
import org.voiceai.testing.EmbeddedDefaults;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * /turn end to end against fakes on OpenAI's transcription, streaming chat and speech protocols: the first sentence
 * is sent to speech while the model's stream is still open, the rest after it, and the reply is one WAV of both; the
 * turn is stored like a /chat turn; silence answers "no speech" without calling the model.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@EmbeddedDefaults
@TestPropertySource(properties = "voice-ai.providers.attempt-timeout=30s")
class TurnTest {

	private static final FakeOpenAi openAi = new FakeOpenAi();

	private static final String FIRST = "Claro, posso ajudar com isso.";

	private static final String REST = "O horário é das 8h às 18h.";

	@Autowired
	WebTestClient http;

	@Autowired
	DatabaseClient database;

	@Autowired
	ProviderRowRepository providers;

	DomainId domain;

	UUID secretary;

	@AfterAll
	static void stopFake() {
		openAi.close();
	}

	@BeforeEach
	void tenant() {
		TestTenants tenants = new TestTenants(this.database);
		this.domain = tenants.domain();
		this.secretary = tenants.secretary(this.domain, "Ana", null);
		provider(ProviderType.STT, "whisper_api");
		provider(ProviderType.LLM, "openai");
		provider(ProviderType.TTS, "openai_tts");
	}

	@Test
	void speaksTheFirstSentenceWhileTheModelStillWritesAndJoinsTheRest() throws Exception {
		openAi.script("Qual é o horário de vocês?", List.of("Claro, posso", " ajudar com isso.", " O horário é",
				" das 8h às 18h."), 3);
		UUID call = UUID.randomUUID();

		Map<?, ?> reply = turn(Map.of("session_id", call.toString(), "secretary_uuid", this.secretary.toString(),
				"audio_base64", Base64.getEncoder().encodeToString(wav()))).expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody();

		assertThat(reply.get("transcript")).isEqualTo("Qual é o horário de vocês?");
		assertThat(reply.get("text")).as("reply %s after %s", reply, openAi.events()).isEqualTo(FIRST + " " + REST);
		assertThat(reply.get("action")).isEqualTo("continue");
		assertThat(reply.get("no_speech")).isEqualTo(false);
		// The speech request for the first sentence released the model's held-back stream, and the rest followed it.
		assertThat(openAi.heldUntilSpeech()).isTrue();
		assertThat(openAi.events()).containsExactly("stt", "llm-start", "tts:" + FIRST, "llm-end", "tts:" + REST);

		Wav.Audio audio = Wav.read(Files.readAllBytes(Path.of((String) reply.get("audio_file"))));
		assertThat(audio.format()).isEqualTo(AudioFormat.PCM16_8K);
		long expectedMillis = (FIRST.length() + REST.length()) * 10L;
		assertThat(audio.duration().toMillis()).isBetween(expectedMillis - 5, expectedMillis + 5);
		assertThat(((Number) reply.get("duration_ms")).longValue()).isEqualTo(audio.duration().toMillis());
		String url = (String) reply.get("audio_url");
		this.http.get().uri(url.substring(url.indexOf("/audio/"))).exchange().expectStatus().isOk();
		@SuppressWarnings("unchecked")
		Map<String, Object> latency = (Map<String, Object>) reply.get("latency");
		assertThat(latency.keySet()).contains("stt_ms", "llm_ms", "tts_ms", "first_audio_ms", "total_ms");
		assertThat(((Number) latency.get("first_audio_ms")).intValue())
			.isLessThanOrEqualTo(((Number) latency.get("total_ms")).intValue());

		List<Map<String, Object>> stored = this.database
			.sql("SELECT m.role, m.content FROM v_voice_messages m JOIN v_voice_conversations c "
					+ "USING (voice_conversation_uuid) WHERE c.domain_uuid = :d AND c.call_uuid = :call "
					+ "ORDER BY m.turn_number")
			.bind("d", this.domain.value())
			.bind("call", call)
			.fetch()
			.all()
			.collectList()
			.block();
		assertThat(stored).extracting((row) -> row.get("content"))
			.containsExactly("Qual é o horário de vocês?", FIRST + " " + REST);
	}

	@Test
	void aReplyWithoutASentenceBreakIsSpokenWholeAfterTheModelFinishes() {
		openAi.script("Oi", List.of("Pois", " não?"), 2);

		turn(Map.of("session_id", UUID.randomUUID().toString(), "secretary_uuid", this.secretary.toString(),
				"audio_base64", Base64.getEncoder().encodeToString(wav()))).expectStatus().isOk()
			.expectBody().jsonPath("$.text").isEqualTo("Pois não?").jsonPath("$.audio_file").isNotEmpty();

		assertThat(openAi.events()).containsExactly("stt", "llm-start", "llm-end", "tts:Pois não?");
	}

	@Test
	void silenceAnswersNoSpeechWithoutCallingTheModel() {
		openAi.script("  ", List.of("never"), 1);

		turn(Map.of("session_id", UUID.randomUUID().toString(), "secretary_uuid", this.secretary.toString(),
				"audio_base64", Base64.getEncoder().encodeToString(wav()))).expectStatus().isOk()
			.expectBody()
			.jsonPath("$.no_speech").isEqualTo(true)
			.jsonPath("$.transcript").isEqualTo("")
			.jsonPath("$.text").isEqualTo("")
			.jsonPath("$.action").isEqualTo("continue")
			.jsonPath("$.audio_file").doesNotExist()
			.jsonPath("$.latency.stt_ms").isNumber();

		assertThat(openAi.events()).containsExactly("stt");
	}

	@Test
	void acceptsAnUploadAndRefusesBadInputBeforeAnyProviderCall() {
		openAi.script("Oi", List.of("Olá! Em que posso ajudar?"), 1);
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("file", new ByteArrayResource(wav()) {
			@Override
			public String getFilename() {
				return "utterance.wav";
			}
		}).contentType(MediaType.parseMediaType("audio/wav"));
		body.part("session_id", UUID.randomUUID().toString());
		body.part("secretary_uuid", this.secretary.toString());
		body.part("sample_rate", "16000");

		this.http.post().uri("/api/v1/turn")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + EmbeddedDefaults.SERVICE_TOKEN)
			.header(TenantWebFilter.DOMAIN_HEADER, this.domain.toString())
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.transcript").isEqualTo("Oi").jsonPath("$.sample_rate").isEqualTo(16000);

		openAi.script("Oi", List.of("never"), 1);
		turn(Map.of("session_id", UUID.randomUUID().toString(), "secretary_uuid", this.secretary.toString(),
				"audio_base64", Base64.getEncoder().encodeToString("not a wav".getBytes()))).expectStatus()
			.isBadRequest();
		turn(Map.of("session_id", UUID.randomUUID().toString(), "secretary_uuid", this.secretary.toString(),
				"audio_file", "../../etc/passwd")).expectStatus().isBadRequest();
		turn(Map.of("secretary_uuid", this.secretary.toString(), "audio_base64",
				Base64.getEncoder().encodeToString(wav()))).expectStatus().isBadRequest();
		turn(Map.of("session_id", UUID.randomUUID().toString(), "secretary_uuid", UUID.randomUUID().toString(),
				"audio_base64", Base64.getEncoder().encodeToString(wav()))).expectStatus().isNotFound();
		assertThat(openAi.events()).isEmpty();
	}

	private WebTestClient.ResponseSpec turn(Map<String, ?> body) {
		return this.http.post().uri("/api/v1/turn")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + EmbeddedDefaults.SERVICE_TOKEN)
			.header(TenantWebFilter.DOMAIN_HEADER, this.domain.toString())
			.bodyValue(body)
			.exchange();
	}

	private void provider(ProviderType<?> type, String name) {
		Map<String, Object> config = new LinkedHashMap<>();
		config.put("api_key", "sk-test-" + name);
		config.put("base_url", openAi.baseUrl());
		if (type == ProviderType.LLM) {
			config.put("model", "gpt-4o-mini");
		}
		this.providers.insert(this.domain, new ProviderDraft(type, name, name, config, true, 0, true)).block();
	}

	/** Half a second of a quiet 8 kHz tone: what the fake transcribes is scripted, the WAV only has to be valid. */
	private static byte[] wav() {
		byte[] pcm = new byte[8000];
		for (int i = 0; i < pcm.length / 2; i++) {
			short sample = (short) (2000 * Math.sin(2 * Math.PI * 440 * i / 8000.0));
			pcm[2 * i] = (byte) sample;
			pcm[2 * i + 1] = (byte) (sample >> 8);
		}
		return Wav.write(AudioFormat.PCM16_8K, pcm);
	}

}
