package org.voiceai.providers.openai;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

import org.voiceai.providers.http.ProviderHttp;
import org.voiceai.providers.http.RetryPolicy;
import org.voiceai.providers.openai.internal.SttTranscriptionResponse;
import org.voiceai.providers.stt.SpeechToText;
import org.voiceai.providers.stt.SpeechToTextAudio;
import org.voiceai.providers.stt.SpeechToTextBadAudioAnswers;
import org.voiceai.providers.stt.Transcription;
import org.voiceai.providers.stt.TranscriptionRequest;

/**
 * Speech-to-text over OpenAI's {@code POST /audio/transcriptions} (multipart), which Groq and local Whisper servers
 * (faster-whisper-server, speaches) speak too. The WAV goes as 16-bit PCM mono at its recorded rate: telephone
 * audio needs no resampling, only G.711 decoding.
 */
public final class OpenAiSpeechToText implements SpeechToText {

	private static final MediaType AUDIO_WAV = MediaType.parseMediaType("audio/wav");

	private final ProviderHttp http;

	private final WebClient client;

	private final OpenAiSpeechToTextSettings settings;

	private final SpeechToTextBadAudioAnswers badAudio;

	public OpenAiSpeechToText(ProviderHttp http, OpenAiSpeechToTextSettings settings) {
		this.http = http;
		this.client = http.client(settings.baseUrl(), settings.timeout());
		this.settings = settings;
		// OpenAI and Groq wordings for a file they cannot decode or that is too short to transcribe.
		this.badAudio = new SpeechToTextBadAudioAnswers(settings.provider(), List.of("invalid file format",
				"could not be decoded", "audio file is too short", "could not process file", "file must be one of"));
	}

	public OpenAiSpeechToTextSettings settings() {
		return this.settings;
	}

	@Override
	public Mono<Transcription> transcribe(TranscriptionRequest request) {
		return Mono.defer(() -> {
			SpeechToTextAudio audio = SpeechToTextAudio.read(this.settings.provider(), request.wav());
			String language = (request.language() != null) ? request.language() : this.settings.language();
			String prompt = (request.prompt() != null) ? request.prompt() : this.settings.prompt();
			WebClient.RequestHeadersSpec<?> call = this.client.post()
				.uri("/audio/transcriptions")
				.headers((headers) -> {
					if (this.settings.apiKey() != null) {
						headers.setBearerAuth(this.settings.apiKey());
					}
				})
				.accept(MediaType.APPLICATION_JSON)
				.body(BodyInserters.fromMultipartData(form(audio, language, prompt).build()));
			return this.http
				.send(this.settings.provider(), call,
						(response) -> response.bodyToMono(SttTranscriptionResponse.class), RetryPolicy.DEFAULT)
				.onErrorMap(this.badAudio::recognise)
				.map((body) -> transcription(body, language, audio));
		});
	}

	private MultipartBodyBuilder form(SpeechToTextAudio audio, String language, String prompt) {
		MultipartBodyBuilder form = new MultipartBodyBuilder();
		form.part("file", audio.wav(audio.pcm16Mono())).filename("audio.wav").contentType(AUDIO_WAV);
		form.part("model", this.settings.model());
		if (language != null) {
			form.part("language", isoLanguage(language));
		}
		if (prompt != null && !prompt.isBlank()) {
			form.part("prompt", prompt);
		}
		form.part("response_format", this.settings.responseFormat());
		return form;
	}

	private Transcription transcription(SttTranscriptionResponse body, String requested, SpeechToTextAudio audio) {
		String text = (body.text() != null) ? body.text().trim() : "";
		String language = (requested != null) ? requested : body.language();
		Duration duration = (body.duration() != null && body.duration() > 0)
				? Duration.ofMillis(Math.round(body.duration() * 1000)) : audio.duration();
		return new Transcription(text, language, null, duration, this.settings.provider());
	}

	/** The API takes ISO-639-1 ("pt"), while calls carry BCP-47 ("pt-BR", or FreeSWITCH's "pt_BR"). */
	static String isoLanguage(String language) {
		return language.trim().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
	}

}
