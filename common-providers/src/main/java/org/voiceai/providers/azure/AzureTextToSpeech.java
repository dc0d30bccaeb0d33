package org.voiceai.providers.azure;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import org.voiceai.providers.azure.internal.TtsVoiceListEntry;
import org.voiceai.providers.error.ProviderBadRequestException;
import org.voiceai.providers.http.ProviderHttp;
import org.voiceai.providers.http.RetryPolicy;
import org.voiceai.providers.tts.SpeechAudio;
import org.voiceai.providers.tts.SpeechInput;
import org.voiceai.providers.tts.SpeechRequest;
import org.voiceai.providers.tts.SynthesizedAudio;
import org.voiceai.providers.tts.TextToSpeech;
import org.voiceai.providers.tts.Voice;
import org.voiceai.providers.tts.VoiceLanguage;

/**
 * Azure neural voices over the Speech service's REST API ({@code POST /cognitiveservices/v1} with SSML). Azure writes
 * a RIFF WAV at 8 or 16 kHz itself ({@code riff-8khz-16bit-mono-pcm}), so nothing is resampled.
 */
public final class AzureTextToSpeech implements TextToSpeech {

	static final String NAME = "azure_neural";

	/** Azure's limit on one SSML request to the real-time synthesis API. */
	static final int MAX_SSML_BYTES = 64 * 1024;

	private static final String KEY_HEADER = "Ocp-Apim-Subscription-Key";

	private static final MediaType SSML = MediaType.parseMediaType("application/ssml+xml");

	private static final ParameterizedTypeReference<List<TtsVoiceListEntry>> VOICE_LIST =
			new ParameterizedTypeReference<>() {
			};

	private final AzureTextToSpeechSettings settings;

	private final ProviderHttp http;

	private final WebClient client;

	public AzureTextToSpeech(AzureTextToSpeechSettings settings, ProviderHttp http) {
		this.settings = settings;
		this.http = http;
		this.client = http.client(settings.baseUrl(), settings.timeout());
	}

	@Override
	public Mono<SynthesizedAudio> synthesize(SpeechRequest request) {
		return Mono.defer(() -> {
			String text = SpeechInput.textWithinBytes(NAME, request, MAX_SSML_BYTES);
			String voice = (request.voice() != null) ? request.voice() : this.settings.voiceName();
			// Azure's prosody rate goes from half to double speed.
			String ssml = AzureTextToSpeechSsml.build(voice, request.language(),
					SpeechInput.speed(NAME, request, 0.5, 2.0), text);
			int bytes = ssml.getBytes(StandardCharsets.UTF_8).length;
			if (bytes > MAX_SSML_BYTES) {
				throw new ProviderBadRequestException(NAME, "text too long: the SSML request would be " + bytes
						+ " bytes; at most " + MAX_SSML_BYTES + " bytes are accepted per request", null);
			}
			WebClient.RequestHeadersSpec<?> call = this.client.post()
				.uri("/cognitiveservices/v1")
				.header(KEY_HEADER, this.settings.apiKey())
				.header("X-Microsoft-OutputFormat", "riff-" + (request.sampleRate() / 1000) + "khz-16bit-mono-pcm")
				.header(HttpHeaders.USER_AGENT, "voice-ai")
				.contentType(SSML)
				.bodyValue(ssml);
			return this.http.send(NAME, call, SpeechAudio.Body::read, RetryPolicy.DEFAULT);
		}).map((answer) -> SpeechAudio.fromWav(NAME, answer, request.sampleRate()));
	}

	/** The region's voices whose locale matches {@code language} (all voices when it is blank). */
	@Override
	public Flux<Voice> voices(String language) {
		WebClient.RequestHeadersSpec<?> call = this.client.get()
			.uri("/cognitiveservices/voices/list")
			.header(KEY_HEADER, this.settings.apiKey())
			.accept(MediaType.APPLICATION_JSON);
		return this.http.send(NAME, call, (response) -> response.bodyToMono(VOICE_LIST), RetryPolicy.DEFAULT)
			.flatMapIterable((voices) -> voices)
			.filter((entry) -> entry.shortName() != null && VoiceLanguage.matches(entry.locale(), language))
			.map((entry) -> new Voice(entry.shortName(), entry.displayName(), entry.locale(),
					(entry.gender() != null) ? entry.gender().toLowerCase(Locale.ROOT) : null));
	}

}
