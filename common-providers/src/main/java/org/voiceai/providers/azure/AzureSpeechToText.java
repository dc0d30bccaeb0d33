package org.voiceai.providers.azure;

import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

import org.voiceai.audio.AudioFormat;
import org.voiceai.providers.azure.internal.SttRecognitionResponse;
import org.voiceai.providers.error.ProviderBadAudioException;
import org.voiceai.providers.error.ProviderUnavailableException;
import org.voiceai.providers.http.ProviderHttp;
import org.voiceai.providers.http.RetryPolicy;
import org.voiceai.providers.stt.SpeechToText;
import org.voiceai.providers.stt.SpeechToTextAudio;
import org.voiceai.providers.stt.Transcription;
import org.voiceai.providers.stt.TranscriptionRequest;

/**
 * Azure Speech short-audio REST recognition ({@code format=detailed}). The API takes 16 kHz 16-bit mono WAV and at
 * most 60 s, so telephone audio is decoded and upsampled, and longer audio is refused before any request.
 */
public final class AzureSpeechToText implements SpeechToText {

	static final String NAME = "azure_speech";

	private static final Duration MAX_AUDIO = Duration.ofSeconds(60);

	// The value's "codecs=audio/pcm" is not a valid MIME parameter for Spring's parser, so it is set as plain text.
	private static final String CONTENT_TYPE = "audio/wav; codecs=audio/pcm; samplerate=16000";

	private static final DefaultDataBufferFactory BUFFERS = DefaultDataBufferFactory.sharedInstance;

	private final ProviderHttp http;

	private final WebClient client;

	private final AzureSpeechToTextSettings settings;

	public AzureSpeechToText(ProviderHttp http, AzureSpeechToTextSettings settings) {
		this.http = http;
		this.client = http.client(settings.baseUrl(), settings.timeout());
		this.settings = settings;
	}

	public AzureSpeechToTextSettings settings() {
		return this.settings;
	}

	@Override
	public Mono<Transcription> transcribe(TranscriptionRequest request) {
		return Mono.defer(() -> {
			SpeechToTextAudio audio = SpeechToTextAudio.read(NAME, request.wav()).requireAtMost(MAX_AUDIO);
			String language = (request.language() != null) ? request.language() : this.settings.language();
			byte[] wav = audio.wav(AudioFormat.PCM16_16K);
			WebClient.RequestHeadersSpec<?> call = this.client.post()
				.uri((uri) -> uri.path("/speech/recognition/conversation/cognitiveservices/v1")
					.queryParam("language", language)
					.queryParam("format", "detailed")
					.build())
				.header("Ocp-Apim-Subscription-Key", this.settings.apiKey())
				.header(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE)
				.accept(MediaType.APPLICATION_JSON)
				// A fresh buffer per subscription: a retry sends the body again, and a written buffer is released.
				.body(BodyInserters.fromDataBuffers(Mono.fromSupplier(() -> BUFFERS.wrap(wav))));
			return this.http
				.send(NAME, call, (response) -> response.bodyToMono(SttRecognitionResponse.class), RetryPolicy.DEFAULT)
				.map((body) -> transcription(body, language, audio));
		});
	}

	private static Transcription transcription(SttRecognitionResponse body, String language, SpeechToTextAudio audio) {
		String status = (body.recognitionStatus() != null) ? body.recognitionStatus() : "missing";
		return switch (status) {
			case "Success" -> {
				SttRecognitionResponse.Best best = (body.nBest() != null && !body.nBest().isEmpty())
						? body.nBest().get(0) : null;
				String text = (best != null && best.display() != null) ? best.display() : body.displayText();
				yield new Transcription((text != null) ? text.trim() : "", language,
						(best != null) ? best.confidence() : null, audio.duration(), NAME);
			}
			// Speech was not recognised, or there was only silence: the caller said nothing usable.
			case "NoMatch", "InitialSilenceTimeout" -> new Transcription("", language, null, audio.duration(), NAME);
			case "BabbleTimeout" -> throw new ProviderBadAudioException(NAME,
					"RecognitionStatus BabbleTimeout: the audio holds only noise, no speech", null);
			default -> throw new ProviderUnavailableException(NAME, "RecognitionStatus " + status, null);
		};
	}

}
