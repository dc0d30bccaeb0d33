package org.voiceai.providers.azure;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import org.voiceai.providers.ProviderConfigException;
import org.voiceai.providers.ProviderFactory;
import org.voiceai.providers.tts.SpeechRequest;
import org.voiceai.providers.tts.TextToSpeech;
import org.voiceai.providers.tts.TextToSpeechContract;
import org.voiceai.providers.tts.Voice;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code azure_neural} against a fake of {@code POST /cognitiveservices/v1} taking SSML and answering RIFF WAV. */
class AzureTextToSpeechTest extends TextToSpeechContract {

	static final String VOICE = "pt-BR-FranciscaNeural";

	@Override
	protected ProviderFactory<TextToSpeech> factory() {
		return new AzureTextToSpeechFactory(this.http);
	}

	@Override
	protected Map<String, Object> config(String fakeUrl) {
		return Map.of("api_key", API_KEY, "base_url", fakeUrl, "region", "brazilsouth");
	}

	@Override
	protected MappingBuilder synthesisEndpoint() {
		return post(urlPathEqualTo("/cognitiveservices/v1"));
	}

	@Override
	protected RequestPatternBuilder expectedRequest(SpeechRequest request) {
		return postRequestedFor(urlPathEqualTo("/cognitiveservices/v1"))
			.withHeader("Ocp-Apim-Subscription-Key", equalTo(API_KEY))
			.withHeader("Content-Type", equalTo("application/ssml+xml"))
			.withHeader("X-Microsoft-OutputFormat",
					equalTo("riff-" + request.sampleRate() / 1000 + "khz-16bit-mono-pcm"))
			.withHeader("User-Agent", equalTo("voice-ai"))
			.withRequestBody(equalTo(ssml("pt-BR", VOICE, request.speed(), request.text())));
	}

	private static String ssml(String lang, String voice, double speed, String escapedText) {
		String spoken = (speed == 1.0) ? escapedText
				: "<prosody rate='" + String.format(Locale.ROOT, "%+.0f%%", (speed - 1) * 100) + "'>" + escapedText
						+ "</prosody>";
		return "<speak version='1.0' xmlns='http://www.w3.org/2001/10/synthesis' xml:lang='" + lang + "'><voice name='"
				+ voice + "'>" + spoken + "</voice></speak>";
	}

	@Override
	protected int answerRate(int sampleRate) {
		return sampleRate;
	}

	@Override
	protected ResponseDefinitionBuilder speech(short[] samples, int rate) {
		return aResponse().withStatus(200).withHeader("Content-Type", "audio/x-wav").withBody(wav(samples, rate));
	}

	@Override
	protected ResponseDefinitionBuilder vendorError(int status, String message) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"code\":\"" + status + "\",\"message\":\"" + message + "\"}}");
	}

	/** Azure limits the SSML document, not the text: what is left of 64 KB after the markup. */
	@Override
	protected String longestText() {
		return "a".repeat(65_536 - ssml("pt-BR", VOICE, 1.0, "").getBytes(StandardCharsets.UTF_8).length);
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
	void textIsEscapedAndCharactersXmlForbidsAreDropped() throws Exception {
		this.fake.stubFor(synthesisEndpoint().willReturn(speech(tone(8000, 100), 8000)));
		String text = "Tom & Jerry <b>\"oi\"</b> it's\u0001 fim";

		provider().synthesize(request(text, 1.0, 8000)).block(WAIT);

		String escaped = "Tom &amp; Jerry &lt;b&gt;&quot;oi&quot;&lt;/b&gt; it&apos;s fim";
		this.fake.verify(postRequestedFor(urlPathEqualTo("/cognitiveservices/v1"))
			.withRequestBody(equalTo(ssml("pt-BR", VOICE, 1.0, escaped))));
		byte[] sent = this.fake.getAllServeEvents().get(0).getRequest().getBody();
		Document document = DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(new ByteArrayInputStream(sent));
		assertThat(document.getDocumentElement().getTextContent()).isEqualTo("Tom & Jerry <b>\"oi\"</b> it's fim");
	}

	@Test
	void speedBecomesAProsodyRateAndTheVoicesLocaleIsTheDefaultLanguage() {
		this.fake.stubFor(synthesisEndpoint().willReturn(speech(tone(16_000, 100), 16_000)));

		provider().synthesize(new SpeechRequest(TEXT, "en-US-AvaMultilingualNeural", null, 1.2, 16000)).block(WAIT);

		this.fake.verify(postRequestedFor(urlPathEqualTo("/cognitiveservices/v1")).withRequestBody(equalTo(
				"<speak version='1.0' xmlns='http://www.w3.org/2001/10/synthesis' xml:lang='en-US'>"
						+ "<voice name='en-US-AvaMultilingualNeural'><prosody rate='+20%'>" + TEXT
						+ "</prosody></voice></speak>")));
	}

	@Test
	void voicesAreTheRegionsVoicesForTheLanguage() {
		this.fake.stubFor(get(urlPathEqualTo("/cognitiveservices/voices/list")).willReturn(okJson("""
				[{"Name": "Microsoft Server Speech Text to Speech Voice (pt-BR, FranciscaNeural)",
				  "DisplayName": "Francisca", "LocalName": "Francisca", "ShortName": "pt-BR-FranciscaNeural",
				  "Gender": "Female", "Locale": "pt-BR", "LocaleName": "Portuguese (Brazil)",
				  "SampleRateHertz": "48000", "VoiceType": "Neural", "Status": "GA"},
				 {"DisplayName": "Antonio", "ShortName": "pt-BR-AntonioNeural", "Gender": "Male", "Locale": "pt-BR"},
				 {"DisplayName": "Ava", "ShortName": "en-US-AvaNeural", "Gender": "Female", "Locale": "en-US"}]""")));

		assertThat(provider().voices("pt-BR").collectList().block(WAIT)).containsExactly(
				new Voice("pt-BR-FranciscaNeural", "Francisca", "pt-BR", "female"),
				new Voice("pt-BR-AntonioNeural", "Antonio", "pt-BR", "male"));
		assertThat(provider().voices("").collectList().block(WAIT)).hasSize(3);
		this.fake.verify(2, getRequestedFor(urlPathEqualTo("/cognitiveservices/voices/list"))
			.withHeader("Ocp-Apim-Subscription-Key", equalTo(API_KEY)));
	}

	@Test
	void referenceKeyNamesDefaultsAndRegionUrl() {
		AzureTextToSpeechSettings settings = AzureTextToSpeechSettings
			.from(rowConfig(Map.of("subscription_key", API_KEY, "region", "westeurope")));

		assertThat(settings.apiKey()).isEqualTo(API_KEY);
		assertThat(settings.baseUrl()).hasToString("https://westeurope.tts.speech.microsoft.com");
		assertThat(settings.voiceName()).isEqualTo("pt-BR-FranciscaNeural");
		assertThat(AzureTextToSpeechSettings.from(rowConfig(Map.of("api_key", API_KEY))).baseUrl())
			.hasToString("https://brazilsouth.tts.speech.microsoft.com");
		assertThat(settings.toString()).doesNotContain(API_KEY);
	}

	@Test
	void regionThatIsNotARegionNameIsAConfigProblem() {
		assertThatThrownBy(() -> provider(Map.of("api_key", API_KEY, "region", "evil.example.com/x")))
			.isInstanceOf(ProviderConfigException.class)
			.hasMessageContaining("region");
		assertThatThrownBy(() -> provider(Map.of("region", "brazilsouth")))
			.isInstanceOf(ProviderConfigException.class)
			.hasMessageContaining("api_key");
	}

}
