package org.voiceai.providers.azure;

import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.voiceai.audio.AudioFormat;
import org.voiceai.audio.Wav;
import org.voiceai.providers.ProviderConfigException;
import org.voiceai.providers.ProviderFactory;
import org.voiceai.providers.error.ProviderBadAudioException;
import org.voiceai.providers.error.ProviderUnavailableException;
import org.voiceai.providers.http.ProviderHttp;
import org.voiceai.providers.stt.SpeechToText;
import org.voiceai.providers.stt.SpeechToTextContract;
import org.voiceai.providers.stt.SpeechToTextWavs;
import org.voiceai.providers.stt.Transcription;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code azure_speech} against a fake of the short-audio recognition REST API. */
class AzureSpeechToTextTest extends SpeechToTextContract {

	static final String TEXT = "Olá, quero falar com o financeiro.";

	static final String PATH = "/speech/recognition/conversation/cognitiveservices/v1";

	@Override
	protected ProviderFactory<SpeechToText> factory(ProviderHttp http) {
		return new AzureSpeechToTextFactory(http);
	}

	@Override
	protected Map<String, Object> config(String baseUrl) {
		return Map.of("api_key", API_KEY, "base_url", baseUrl);
	}

	@Override
	protected MappingBuilder endpoint() {
		return post(urlPathEqualTo(PATH));
	}

	@Override
	protected ResponseDefinitionBuilder success() {
		return okJson("""
				{"RecognitionStatus":"Success","Offset":1800000,"Duration":12000000,"DisplayText":"%s",
				 "NBest":[{"Confidence":0.9543,"Lexical":"olá quero falar com o financeiro",
				   "ITN":"olá quero falar com o financeiro","MaskedITN":"olá quero falar com o financeiro",
				   "Display":"%s"}]}""".formatted(TEXT, TEXT));
	}

	@Override
	protected String successText() {
		return TEXT;
	}

	@Override
	protected ResponseDefinitionBuilder authFailure() {
		return aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody("""
				{"error":{"code":"401","message":"Access denied due to invalid subscription key or wrong API endpoint. \
				Make sure to provide a valid key for an active subscription and use a correct regional API endpoint \
				for your resource."}}""");
	}

	@Override
	protected ResponseDefinitionBuilder rateLimited() {
		return aResponse().withStatus(429).withHeader("Content-Type", "application/json").withBody("""
				{"error":{"code":"429","message":"Too many requests. Please retry later."}}""");
	}

	@Override
	protected ResponseDefinitionBuilder serverError() {
		// Azure's gateway often answers 5xx with no body at all.
		return aResponse().withStatus(503);
	}

	@Override
	protected void verifyRequest(LoggedRequest request, byte[] wav) {
		assertThat(request.getQueryParams().keySet()).containsExactlyInAnyOrder("language", "format");
		assertThat(request.queryParameter("language").firstValue()).isEqualTo("pt-BR");
		assertThat(request.queryParameter("format").firstValue()).isEqualTo("detailed");
		assertThat(request.getHeader("Ocp-Apim-Subscription-Key")).isEqualTo(API_KEY);
		assertThat(request.getHeader("Content-Type")).isEqualTo("audio/wav; codecs=audio/pcm; samplerate=16000");
		assertThat(request.getHeader("Accept")).isEqualTo("application/json");
		// Telephone audio is upsampled to the 16 kHz the API takes, keeping its length.
		Wav.Audio sent = Wav.read(request.getBody());
		assertThat(sent.format()).isEqualTo(AudioFormat.PCM16_16K);
		assertThat(sent.duration()).isEqualTo(Wav.read(wav).duration());
	}

	static ResponseDefinitionBuilder status(String status) {
		return okJson("""
				{"RecognitionStatus":"%s","Offset":0,"Duration":15000000}""".formatted(status));
	}

	@Test
	void confidenceAndLanguageAreReported() {
		this.server.stubFor(endpoint().willReturn(success()));

		Transcription result = transcribe(provider(), telephoneWav());

		assertThat(result.confidence()).isEqualTo(0.9543);
		assertThat(result.language()).isEqualTo("pt-BR");
	}

	@ParameterizedTest
	@ValueSource(strings = { "NoMatch", "InitialSilenceTimeout" })
	void nothingRecognisedIsEmptyText(String status) {
		this.server.stubFor(endpoint().willReturn(status(status)));

		Transcription result = transcribe(provider(), telephoneWav());

		assertThat(result.text()).isEmpty();
		assertThat(result.confidence()).isNull();
		assertThat(result.audioDuration()).isEqualTo(UTTERANCE);
	}

	@Test
	void babbleTimeoutIsBadAudio() {
		this.server.stubFor(endpoint().willReturn(status("BabbleTimeout")));

		assertThatThrownBy(() -> transcribe(provider(), telephoneWav())).isInstanceOf(ProviderBadAudioException.class)
			.hasMessageContaining("BabbleTimeout");
	}

	@Test
	void recognitionErrorIsUnavailable() {
		this.server.stubFor(endpoint().willReturn(status("Error")));

		assertThatThrownBy(() -> transcribe(provider(), telephoneWav()))
			.isInstanceOf(ProviderUnavailableException.class)
			.hasMessage("azure_speech: RecognitionStatus Error");
	}

	@Test
	void audioLongerThanSixtySecondsIsRejectedBeforeAnyRequest() {
		byte[] wav = SpeechToTextWavs.tone(AudioFormat.PCM16_8K, Duration.ofMillis(60_500));

		assertThatThrownBy(() -> transcribe(provider(), wav)).isInstanceOf(ProviderBadAudioException.class)
			.hasMessage("azure_speech: audio is 60.5 s long; this provider accepts at most 60.0 s per request");
		assertNoRequest();
	}

	@Test
	void sixteenKilohertzPcmIsSentAsRecorded() {
		this.server.stubFor(endpoint().willReturn(success()));
		byte[] wav = SpeechToTextWavs.tone(AudioFormat.PCM16_16K, UTTERANCE);

		transcribe(provider(), wav);

		assertThat(requests().get(0).getBody()).isEqualTo(wav);
	}

	@Test
	void subscriptionKeyIsAcceptedAndTheRegionNamesTheHost() {
		AzureSpeechToTextSettings settings = ((AzureSpeechToText) new AzureSpeechToTextFactory(this.http)
			.create(row(Map.of("subscription_key", API_KEY, "region", "westeurope")))).settings();

		assertThat(settings.apiKey()).isEqualTo(API_KEY);
		assertThat(settings.baseUrl()).hasToString("https://westeurope.stt.speech.microsoft.com");
		assertThat(settings.language()).isEqualTo("pt-BR");
		assertThat(settings.toString()).doesNotContain(API_KEY);
	}

	@Test
	void defaultRegionIsBrazilSouth() {
		AzureSpeechToTextSettings settings = ((AzureSpeechToText) new AzureSpeechToTextFactory(this.http)
			.create(row(Map.of("api_key", API_KEY)))).settings();

		assertThat(settings.baseUrl()).hasToString("https://brazilsouth.stt.speech.microsoft.com");
		assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void missingKeyOrOddRegionIsAConfigurationError() {
		AzureSpeechToTextFactory factory = new AzureSpeechToTextFactory(this.http);

		assertThatThrownBy(() -> factory.create(row(Map.of()))).isInstanceOf(ProviderConfigException.class)
			.hasMessageContaining("config key 'api_key' is missing (subscription_key is accepted too)");
		assertThatThrownBy(() -> factory.create(row(Map.of("api_key", API_KEY, "region", "evil.example/x"))))
			.isInstanceOf(ProviderConfigException.class)
			.hasMessageContaining("config key 'region' must be an Azure region name");
	}

}
