package org.voiceai.providers.deepgram;

import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;

import org.voiceai.audio.AudioFormat;
import org.voiceai.audio.Wav;
import org.voiceai.providers.ProviderConfigException;
import org.voiceai.providers.ProviderFactory;
import org.voiceai.providers.error.ProviderBadAudioException;
import org.voiceai.providers.http.ProviderHttp;
import org.voiceai.providers.stt.SpeechToText;
import org.voiceai.providers.stt.SpeechToTextContract;
import org.voiceai.providers.stt.SpeechToTextWavs;
import org.voiceai.providers.stt.Transcription;
import org.voiceai.providers.stt.TranscriptionRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code deepgram} against a fake of the pre-recorded {@code POST /v1/listen}. */
class DeepgramSpeechToTextTest extends SpeechToTextContract {

	static final String TEXT = "Olá, quero falar com o financeiro.";

	@Override
	protected ProviderFactory<SpeechToText> factory(ProviderHttp http) {
		return new DeepgramSpeechToTextFactory(http);
	}

	@Override
	protected Map<String, Object> config(String baseUrl) {
		return Map.of("api_key", API_KEY, "base_url", baseUrl);
	}

	@Override
	protected MappingBuilder endpoint() {
		return post(urlPathEqualTo("/v1/listen"));
	}

	@Override
	protected ResponseDefinitionBuilder success() {
		return listen(TEXT, 0.97, 1.5, null);
	}

	@Override
	protected String successText() {
		return TEXT;
	}

	@Override
	protected ResponseDefinitionBuilder authFailure() {
		return error(401, "INVALID_AUTH", "Invalid credentials.");
	}

	@Override
	protected ResponseDefinitionBuilder rateLimited() {
		return error(429, "TOO_MANY_REQUESTS", "Too many requests. Please try again later.");
	}

	@Override
	protected ResponseDefinitionBuilder serverError() {
		return error(503, "SERVICE_UNAVAILABLE", "Service temporarily unavailable.");
	}

	@Override
	protected void verifyRequest(LoggedRequest request, byte[] wav) {
		assertThat(request.getHeader("Authorization")).isEqualTo("Token " + API_KEY);
		assertThat(request.getHeader("Content-Type")).isEqualTo("audio/wav");
		assertThat(request.getQueryParams().keySet()).containsExactlyInAnyOrder("model", "language", "smart_format",
				"punctuate");
		assertThat(request.queryParameter("model").firstValue()).isEqualTo("nova-3");
		assertThat(request.queryParameter("language").firstValue()).isEqualTo("pt-BR");
		assertThat(request.queryParameter("smart_format").firstValue()).isEqualTo("true");
		assertThat(request.queryParameter("punctuate").firstValue()).isEqualTo("true");
		// 8 kHz 16-bit mono goes as recorded, byte for byte.
		assertThat(request.getBody()).isEqualTo(wav);
	}

	static ResponseDefinitionBuilder listen(String transcript, double confidence, double duration,
			String detectedLanguage) {
		String detected = (detectedLanguage != null)
				? "\"detected_language\":\"" + detectedLanguage + "\",\"language_confidence\":0.92," : "";
		return okJson("""
				{"metadata":{"transaction_key":"deprecated","request_id":"5d1c0f6e-8a43-4d2b-9b7e-2f3c1a0e9d84",
				  "sha256":"3b1f0c","created":"2026-11-22T10:15:00.000Z","duration":%s,"channels":1,
				  "models":["30089e05-99d1-4376-b32e-c263170674af"],
				  "model_info":{"30089e05-99d1-4376-b32e-c263170674af":
				    {"name":"general-nova-3","version":"2025-01-01.0","arch":"nova-3"}}},
				 "results":{"channels":[{%s"alternatives":[{"transcript":"%s","confidence":%s,
				   "words":[{"word":"olá","start":0.08,"end":0.4,"confidence":0.99,"punctuated_word":"Olá,"}]}]}]}}"""
			.formatted(duration, detected, transcript, confidence));
	}

	static ResponseDefinitionBuilder error(int status, String code, String message) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withHeader("dg-request-id", "a9e4b0c2-7d15-4f3e-8c6a-1b2d3e4f5a6b")
			.withBody("""
					{"err_code":"%s","err_msg":"%s","request_id":"a9e4b0c2-7d15-4f3e-8c6a-1b2d3e4f5a6b"}"""
				.formatted(code, message));
	}

	@Test
	void confidenceDurationAndRequestedLanguageAreReported() {
		this.server.stubFor(endpoint().willReturn(listen("Bom dia.", 0.8731, 1.52, null)));

		Transcription result = transcribe(provider(), telephoneWav());

		assertThat(result.text()).isEqualTo("Bom dia.");
		assertThat(result.confidence()).isEqualTo(0.8731);
		assertThat(result.audioDuration()).isEqualTo(Duration.ofMillis(1520));
		assertThat(result.language()).isEqualTo("pt-BR");
	}

	@Test
	void detectLanguageAsksDeepgramAndReportsWhatItHeard() {
		this.server.stubFor(endpoint().willReturn(listen("Buenos días.", 0.91, 1.5, "es")));

		Transcription result = transcribe(provider(Map.of("detect_language", "true")), telephoneWav());

		LoggedRequest request = requests().get(0);
		assertThat(request.queryParameter("detect_language").firstValue()).isEqualTo("true");
		assertThat(request.getQueryParams()).doesNotContainKey("language");
		assertThat(result.language()).isEqualTo("es");
	}

	@Test
	void rowOptionsAreSentAsQueryParameters() {
		this.server.stubFor(endpoint().willReturn(success()));

		provider(Map.of("model", "nova-2-phonecall", "language", "en-US", "smart_format", "false", "punctuate", "0"))
			.transcribe(new TranscriptionRequest(telephoneWav(), null, null))
			.block(WAIT);

		LoggedRequest request = requests().get(0);
		assertThat(request.queryParameter("model").firstValue()).isEqualTo("nova-2-phonecall");
		assertThat(request.queryParameter("language").firstValue()).isEqualTo("en-US");
		assertThat(request.queryParameter("smart_format").firstValue()).isEqualTo("false");
		assertThat(request.queryParameter("punctuate").firstValue()).isEqualTo("false");
	}

	@Test
	void silenceGivesEmptyTextWithoutConfidence() {
		this.server.stubFor(endpoint().willReturn(listen("", 0.0, 1.5, null)));

		Transcription result = transcribe(provider(), telephoneWav());

		assertThat(result.text()).isEmpty();
		assertThat(result.confidence()).isNull();
	}

	@Test
	void muLawRecordingIsSentAs16BitPcmWav() {
		this.server.stubFor(endpoint().willReturn(success()));

		transcribe(provider(), SpeechToTextWavs.tone(AudioFormat.ULAW_8K, UTTERANCE));

		Wav.Audio sent = Wav.read(requests().get(0).getBody());
		assertThat(sent.format()).isEqualTo(AudioFormat.PCM16_8K);
		assertThat(sent.duration()).isEqualTo(UTTERANCE);
	}

	@Test
	void corruptAudioAnswerIsBadAudio() {
		this.server.stubFor(endpoint().willReturn(
				error(400, "Bad Request", "Bad Request: failed to process audio: corrupt or unsupported data")));

		assertThatThrownBy(() -> transcribe(provider(), telephoneWav())).isInstanceOf(ProviderBadAudioException.class)
			.hasMessage("deepgram: HTTP 400: Bad Request: failed to process audio: corrupt or unsupported data");
		assertThat(requests()).hasSize(1);
	}

	@Test
	void defaultsAndTheRequiredKey() {
		DeepgramSpeechToTextSettings settings = ((DeepgramSpeechToText) new DeepgramSpeechToTextFactory(this.http)
			.create(row(Map.of("api_key", API_KEY)))).settings();

		assertThat(settings.baseUrl()).hasToString("https://api.deepgram.com");
		assertThat(settings.model()).isEqualTo("nova-3");
		assertThat(settings.language()).isEqualTo("pt-BR");
		assertThat(settings.smartFormat()).isTrue();
		assertThat(settings.punctuate()).isTrue();
		assertThat(settings.detectLanguage()).isFalse();
		assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(settings.toString()).doesNotContain(API_KEY);
		assertThatThrownBy(() -> new DeepgramSpeechToTextFactory(this.http).create(row(Map.of())))
			.isInstanceOf(ProviderConfigException.class)
			.hasMessageContaining("config key 'api_key' is missing");
	}

}
