package org.voiceai.providers.piper;

import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import org.voiceai.providers.http.ProviderHttp;
import org.voiceai.providers.http.RetryPolicy;
import org.voiceai.providers.piper.internal.TtsSynthesizeRequest;
import org.voiceai.providers.piper.internal.TtsVoiceConfig;
import org.voiceai.providers.tts.SpeechAudio;
import org.voiceai.providers.tts.SpeechInput;
import org.voiceai.providers.tts.SpeechRequest;
import org.voiceai.providers.tts.SynthesizedAudio;
import org.voiceai.providers.tts.TextToSpeech;
import org.voiceai.providers.tts.Voice;
import org.voiceai.providers.tts.VoiceLanguage;

/**
 * Piper through its HTTP server (OHF-Voice/piper1-gpl). Piper always answers a WAV at its voice's own rate (22,050 Hz
 * for medium and high voices), which is resampled to the rate FreeSWITCH wants.
 */
public final class PiperTextToSpeech implements TextToSpeech {

	static final String NAME = "piper_local";

	/** Piper has no limit of its own; ours bounds how long one request keeps a local CPU busy. */
	static final int MAX_CHARACTERS = 5000;

	private static final ParameterizedTypeReference<Map<String, TtsVoiceConfig>> VOICE_MAP =
			new ParameterizedTypeReference<>() {
			};

	private final PiperTextToSpeechSettings settings;

	private final ProviderHttp http;

	private final WebClient client;

	public PiperTextToSpeech(PiperTextToSpeechSettings settings, ProviderHttp http) {
		this.settings = settings;
		this.http = http;
		this.client = http.client(settings.baseUrl(), settings.timeout());
	}

	@Override
	public Mono<SynthesizedAudio> synthesize(SpeechRequest request) {
		return Mono.defer(() -> {
			String text = SpeechInput.text(NAME, request, MAX_CHARACTERS);
			// Piper takes any length scale; speeds outside 0.5–2x are kept at the bound, where speech stays clear.
			double speed = SpeechInput.speed(NAME, request, 0.5, 2.0);
			TtsSynthesizeRequest body = new TtsSynthesizeRequest(text,
					(request.voice() != null) ? request.voice() : this.settings.voice(), this.settings.speakerName(),
					this.settings.speakerId(), this.settings.lengthScale() / speed, this.settings.noiseScale(),
					this.settings.noiseW());
			WebClient.RequestHeadersSpec<?> call = this.client.post()
				.uri(this.settings.synthesizePath())
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(body);
			return this.http.send(NAME, call, SpeechAudio.Body::read, RetryPolicy.DEFAULT);
		}).map((answer) -> SpeechAudio.fromWav(NAME, answer, request.sampleRate()));
	}

	/** The voices downloaded on the Piper server whose language matches {@code language}. */
	@Override
	public Flux<Voice> voices(String language) {
		WebClient.RequestHeadersSpec<?> call = this.client.get().uri("/voices").accept(MediaType.APPLICATION_JSON);
		return this.http.send(NAME, call, (response) -> response.bodyToMono(VOICE_MAP), RetryPolicy.DEFAULT)
			.flatMapIterable(Map::entrySet)
			.map((entry) -> new Voice(entry.getKey(), entry.getKey(),
					VoiceLanguage.bcp47(entry.getValue().languageCode()), null))
			.filter((voice) -> VoiceLanguage.matches(voice.language(), language));
	}

}
