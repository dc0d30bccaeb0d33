package org.voiceai.providers.openai;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import org.voiceai.providers.http.ProviderHttp;
import org.voiceai.providers.http.RetryPolicy;
import org.voiceai.providers.openai.internal.TtsSpeechRequest;
import org.voiceai.providers.tts.SpeechAudio;
import org.voiceai.providers.tts.SpeechInput;
import org.voiceai.providers.tts.SpeechRequest;
import org.voiceai.providers.tts.SynthesizedAudio;
import org.voiceai.providers.tts.TextToSpeech;
import org.voiceai.providers.tts.Voice;

/**
 * OpenAI speech ({@code POST /audio/speech}). OpenAI offers no 8 or 16 kHz output, so we ask for {@code pcm} (raw
 * 16-bit mono, always 24 kHz: nothing to decode) and resample it to the rate FreeSWITCH wants.
 */
public final class OpenAiTextToSpeech implements TextToSpeech {

	static final String NAME = "openai_tts";

	static final int MAX_CHARACTERS = 4096;

	static final int PCM_RATE = 24_000;

	/** OpenAI has no voice listing endpoint; these are its built-in voices, all multilingual. */
	static final List<String> VOICES = List.of("alloy", "ash", "ballad", "coral", "echo", "fable", "nova", "onyx",
			"sage", "shimmer", "verse", "marin", "cedar");

	private final OpenAiTextToSpeechSettings settings;

	private final ProviderHttp http;

	private final WebClient client;

	public OpenAiTextToSpeech(OpenAiTextToSpeechSettings settings, ProviderHttp http) {
		this.settings = settings;
		this.http = http;
		this.client = http.client(settings.baseUrl(), settings.timeout());
	}

	@Override
	public Mono<SynthesizedAudio> synthesize(SpeechRequest request) {
		return Mono.defer(() -> {
			TtsSpeechRequest body = new TtsSpeechRequest(this.settings.model(),
					SpeechInput.text(NAME, request, MAX_CHARACTERS),
					(request.voice() != null) ? request.voice() : this.settings.voice(), "pcm",
					SpeechInput.speed(NAME, request, 0.25, 4.0),
					this.settings.acceptsInstructions() ? this.settings.instructions() : null);
			WebClient.RequestHeadersSpec<?> call = this.client.post()
				.uri("/audio/speech")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.settings.apiKey())
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_OCTET_STREAM)
				.bodyValue(body);
			return this.http.send(NAME, call, SpeechAudio.Body::read, RetryPolicy.DEFAULT);
		}).map((answer) -> SpeechAudio.fromPcm16(NAME, answer, PCM_RATE, request.sampleRate()));
	}

	@Override
	public Flux<Voice> voices(String language) {
		return Flux.fromIterable(VOICES)
			.map((id) -> new Voice(id, Character.toUpperCase(id.charAt(0)) + id.substring(1), null, null));
	}

}
