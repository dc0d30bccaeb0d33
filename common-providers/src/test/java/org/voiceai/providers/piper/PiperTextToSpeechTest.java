package org.voiceai.providers.piper;

import java.util.Map;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import org.junit.jupiter.api.Test;

import org.voiceai.providers.ProviderConfigException;
import org.voiceai.providers.ProviderFactory;
import org.voiceai.providers.tts.SpeechRequest;
import org.voiceai.providers.tts.SynthesizedAudio;
import org.voiceai.providers.tts.TextToSpeech;
import org.voiceai.providers.tts.TextToSpeechContract;
import org.voiceai.providers.tts.Voice;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code piper_local} against a fake of piper1-gpl's HTTP server: {@code POST /} with JSON, answering a 22,050 Hz WAV
 * that Flask labels {@code text/html}.
 */
class PiperTextToSpeechTest extends TextToSpeechContract {

	static final int PIPER_RATE = 22_050;

	@Override
	protected ProviderFactory<TextToSpeech> factory() {
		return new PiperTextToSpeechFactory(this.http);
	}

	@Override
	protected Map<String, Object> config(String fakeUrl) {
		return Map.of("base_url", fakeUrl, "voice", "pt_BR-faber-medium");
	}

	@Override
	protected MappingBuilder synthesisEndpoint() {
		return post(urlPathEqualTo("/"));
	}

	@Override
	protected RequestPatternBuilder expectedRequest(SpeechRequest request) {
		return postRequestedFor(urlPathEqualTo("/")).withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("""
					{"text": "%s", "voice": "pt_BR-faber-medium", "length_scale": %s}"""
				.formatted(request.text(), 1.0 / request.speed())));
	}

	@Override
	protected int answerRate(int sampleRate) {
		return PIPER_RATE;
	}

	@Override
	protected ResponseDefinitionBuilder speech(short[] samples, int rate) {
		// Flask sends the bytes a view returns with its default type.
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "text/html; charset=utf-8")
			.withBody(wav(samples, rate));
	}

	/** Piper has no keys or quotas; these come from a proxy or Flask, as HTML pages. */
	@Override
	protected ResponseDefinitionBuilder vendorError(int status, String message) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "text/html; charset=utf-8")
			.withBody("<!doctype html>\n<html lang=en>\n<title>" + status + "</title>\n<h1>Error</h1>\n<p>" + message
					+ "</p>\n");
	}

	@Override
	protected String longestText() {
		return "a".repeat(5000);
	}

	@Override
	protected double minSpeed() {
		return 0.5;
	}

	@Override
	protected double maxSpeed() {
		return 2.0;
	}

	@Test
	void referenceSettingsShapeTheRequest() {
		this.fake.stubFor(post(urlPathEqualTo("/synthesize")).willReturn(speech(tone(PIPER_RATE, 100), PIPER_RATE)));
		Map<String, Object> config = Map.of("base_url", fakeUrl(), "synthesize_path", "/synthesize", "model_path",
				"data/piper/pt_BR-faber-medium.onnx", "speaker", "3", "length_scale", "1.2", "noise_scale", 0.5,
				"noise_w", "0.7");

		SynthesizedAudio audio = provider(config).synthesize(request(TEXT, 1.5, 16000)).block(WAIT);

		assertThat(audio.sampleRate()).isEqualTo(16000);
		this.fake.verify(postRequestedFor(urlPathEqualTo("/synthesize")).withRequestBody(equalToJson("""
				{"text": "%s", "voice": "pt_BR-faber-medium", "speaker_id": 3, "length_scale": %s,
				 "noise_scale": 0.5, "noise_w_scale": 0.7}""".formatted(TEXT, 1.2 / 1.5))));
	}

	@Test
	void aSpeakerNameIsSentAsSpeakerAndTheRequestVoiceWins() {
		this.fake.stubFor(synthesisEndpoint().willReturn(speech(tone(PIPER_RATE, 100), PIPER_RATE)));

		provider(Map.of("base_url", fakeUrl(), "speaker", "p123"))
			.synthesize(new SpeechRequest(TEXT, "en_US-libritts_r-medium", "en-US", 1.0, 8000))
			.block(WAIT);

		this.fake.verify(postRequestedFor(urlPathEqualTo("/")).withRequestBody(equalToJson("""
				{"text": "%s", "voice": "en_US-libritts_r-medium", "speaker": "p123", "length_scale": 1.0}"""
			.formatted(TEXT))));
	}

	@Test
	void voicesAreTheServersDownloadedVoicesForTheLanguage() {
		this.fake.stubFor(get(urlPathEqualTo("/voices")).willReturn(okJson("""
				{"pt_BR-faber-medium": {"audio": {"sample_rate": 22050, "quality": "medium"},
				   "language": {"code": "pt_BR", "family": "pt", "region": "BR", "name_native": "Português"},
				   "num_speakers": 1, "speaker_id_map": {}},
				 "en_US-lessac-medium": {"audio": {"sample_rate": 22050},
				   "language": {"code": "en_US", "family": "en", "region": "US"}, "num_speakers": 1}}""")));

		assertThat(provider().voices("pt-BR").collectList().block(WAIT))
			.containsExactly(new Voice("pt_BR-faber-medium", "pt_BR-faber-medium", "pt-BR", null));
	}

	@Test
	void baseUrlIsRequiredAndNoKeyIs() {
		assertThatThrownBy(() -> provider(Map.of("voice", "pt_BR-faber-medium")))
			.isInstanceOf(ProviderConfigException.class)
			.hasMessageContaining("base_url");
		assertThatThrownBy(() -> provider(Map.of("base_url", fakeUrl(), "length_scale", "0")))
			.isInstanceOf(ProviderConfigException.class)
			.hasMessageContaining("length_scale");
		assertThat(provider(Map.of("base_url", fakeUrl()))).isNotNull();
	}

}
