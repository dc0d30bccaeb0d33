package org.voiceai.providers.elevenlabs;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import org.voiceai.providers.elevenlabs.internal.TtsRequest;
import org.voiceai.providers.elevenlabs.internal.TtsVoiceList;
import org.voiceai.providers.elevenlabs.internal.TtsVoiceSettings;
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
 * ElevenLabs text to speech ({@code POST /v1/text-to-speech/{voice_id}}). ElevenLabs produces raw 16-bit PCM at 8 and
 * 16 kHz itself ({@code output_format=pcm_8000|pcm_16000}), so nothing is resampled.
 */
public final class ElevenLabsTextToSpeech implements TextToSpeech {

	static final String NAME = "elevenlabs";

	private static final String KEY_HEADER = "xi-api-key";

	private final ElevenLabsTextToSpeechSettings settings;

	private final ProviderHttp http;

	private final WebClient client;

	public ElevenLabsTextToSpeech(ElevenLabsTextToSpeechSettings settings, ProviderHttp http) {
		this.settings = settings;
		this.http = http;
		this.client = http.client(settings.baseUrl(), settings.timeout());
	}

	@Override
	public Mono<SynthesizedAudio> synthesize(SpeechRequest request) {
		return Mono.defer(() -> {
			TtsRequest body = new TtsRequest(SpeechInput.text(NAME, request, this.settings.maxCharacters()),
					this.settings.modelId(),
					new TtsVoiceSettings(this.settings.stability(), this.settings.similarityBoost(),
							this.settings.style(), SpeechInput.speed(NAME, request, 0.7, 1.2)));
			String voiceId = (request.voice() != null) ? request.voice() : this.settings.voiceId();
			WebClient.RequestHeadersSpec<?> call = this.client.post()
				.uri((uri) -> uri.path("/v1/text-to-speech/{voice_id}")
					.queryParam("output_format", "pcm_" + request.sampleRate())
					.build(voiceId))
				.header(KEY_HEADER, this.settings.apiKey())
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(body);
			return this.http.send(NAME, call, SpeechAudio.Body::read, RetryPolicy.DEFAULT);
		}).map((answer) -> SpeechAudio.fromPcm16(NAME, answer, request.sampleRate(), request.sampleRate()));
	}

	/**
	 * The account's voices. Most ElevenLabs voices speak every language of the multilingual models and carry no
	 * language label; those are listed for any language.
	 */
	@Override
	public Flux<Voice> voices(String language) {
		WebClient.RequestHeadersSpec<?> call = this.client.get()
			.uri("/v1/voices")
			.header(KEY_HEADER, this.settings.apiKey())
			.accept(MediaType.APPLICATION_JSON);
		return this.http
			.send(NAME, call, (response) -> response.bodyToMono(TtsVoiceList.class), RetryPolicy.DEFAULT)
			.flatMapIterable((list) -> (list.voices() != null) ? list.voices() : List.of())
			.map((entry) -> new Voice(entry.voiceId(), entry.name(), VoiceLanguage.bcp47(entry.label("language")),
					entry.label("gender")))
			.filter((voice) -> VoiceLanguage.matches(voice.language(), language));
	}

}
