package org.voiceai.realtime.provider.pipeline;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.voiceai.audio.AudioEncoding;
import org.voiceai.audio.AudioFormat;
import org.voiceai.providers.ProviderConfig;

/**
 * A {@code custom_pipeline} row's configuration: the Deepgram live transcription it listens with, and which of the
 * domain's chat-model and text-to-speech rows answer.
 *
 * @param apiKey {@code api_key}, the Deepgram key
 * @param baseUrl {@code base_url}, default {@value #DEFAULT_BASE_URL}; {@code /v1/listen} is appended
 * @param model {@code model}, default {@value #DEFAULT_MODEL}
 * @param language {@code language}: the Deepgram language; blank means the call's language
 * @param endpointing {@code endpointing_ms}, default 300: silence after speech that ends the caller's turn
 * @param utteranceEnd {@code utterance_end_ms}, default 1000: gap in the words that ends the turn when endpointing
 *        did not (noisy lines), at least 1000 as Deepgram requires
 * @param keepAlive {@code keepalive_seconds}, default 5: how often {@code KeepAlive} is sent while no caller audio
 *        flows; Deepgram closes a connection that hears nothing for 10 seconds
 * @param llmProvider {@code llm_provider}: name or UUID of the domain's chat-model row; blank means the default
 * @param ttsProvider {@code tts_provider}: name or UUID of the domain's text-to-speech row; blank means the default
 * @param voice {@code voice}: the text-to-speech voice; blank means the row's own default
 * @param temperature {@code temperature}, or {@code null} for the chat row's setting
 * @param maxTokens {@code max_tokens}, or {@code null} for the chat row's setting
 * @param connectTimeout {@code connect_timeout_seconds}, default 10
 */
public record CustomPipelineSettings(String apiKey, URI baseUrl, String model, String language, Duration endpointing,
		Duration utteranceEnd, Duration keepAlive, String llmProvider, String ttsProvider, String voice,
		Double temperature, Integer maxTokens, Duration connectTimeout) {

	public static final String DEFAULT_BASE_URL = "wss://api.deepgram.com";

	public static final String DEFAULT_MODEL = "nova-3";

	static final String LISTEN_PATH = "/v1/listen";

	public static CustomPipelineSettings from(ProviderConfig config) {
		URI baseUrl = config.url("base_url", DEFAULT_BASE_URL);
		String scheme = baseUrl.getScheme();
		if (!"ws".equalsIgnoreCase(scheme) && !"wss".equalsIgnoreCase(scheme)) {
			throw config.problem("base_url", "must be a ws:// or wss:// URL, got '" + baseUrl + "'");
		}
		int endpointing = config.integer("endpointing_ms", 300);
		if (endpointing < 10 || endpointing > 5000) {
			throw config.problem("endpointing_ms", "must be between 10 and 5000 milliseconds");
		}
		int utteranceEnd = config.integer("utterance_end_ms", 1000);
		if (utteranceEnd < 1000 || utteranceEnd > 5000) {
			throw config.problem("utterance_end_ms", "must be between 1000 and 5000 milliseconds");
		}
		Duration keepAlive = config.seconds("keepalive_seconds", Duration.ofSeconds(5));
		if (keepAlive.compareTo(Duration.ofSeconds(9)) > 0) {
			throw config.problem("keepalive_seconds", "must be at most 9: Deepgram closes after 10 idle seconds");
		}
		Double temperature = null;
		if (config.has("temperature")) {
			temperature = config.decimal("temperature", 0);
			if (temperature < 0 || temperature > 2) {
				throw config.problem("temperature", "must be between 0 and 2");
			}
		}
		Integer maxTokens = null;
		if (config.has("max_tokens")) {
			maxTokens = config.integer("max_tokens", 0);
			if (maxTokens < 1) {
				throw config.problem("max_tokens", "must be at least 1");
			}
		}
		return new CustomPipelineSettings(config.requireString("api_key"), baseUrl,
				config.string("model", DEFAULT_MODEL), config.string("language", null), Duration.ofMillis(endpointing),
				Duration.ofMillis(utteranceEnd), keepAlive, config.string("llm_provider", null),
				config.string("tts_provider", null), config.string("voice", null), temperature, maxTokens,
				config.seconds("connect_timeout_seconds", Duration.ofSeconds(10)));
	}

	/**
	 * What Deepgram hears: μ-law as the phone line carried it for a μ-law caller (Deepgram takes it natively, half the
	 * bytes), else 16-bit PCM at the caller's rate (8 or 16 kHz; other rates are converted to 16 kHz).
	 */
	static AudioFormat inputFormat(AudioFormat callerFormat) {
		if (AudioFormat.ULAW_8K.equals(callerFormat)) {
			return AudioFormat.ULAW_8K;
		}
		return (callerFormat != null && callerFormat.sampleRate() == 8000) ? AudioFormat.PCM16_8K
				: AudioFormat.PCM16_16K;
	}

	/** Speech comes back as 16-bit PCM at the caller's rate when text-to-speech offers it (8 or 16 kHz). */
	static AudioFormat outputFormat(AudioFormat callerFormat) {
		return (callerFormat != null && callerFormat.sampleRate() == 8000) ? AudioFormat.PCM16_8K
				: AudioFormat.PCM16_16K;
	}

	/** The live transcription URL for audio in {@code input} and a call in {@code callLanguage}. */
	URI listenUri(AudioFormat input, String callLanguage) {
		String language = (this.language != null) ? this.language : callLanguage;
		StringBuilder uri = new StringBuilder(this.baseUrl.toString()).append(LISTEN_PATH)
			.append("?model=").append(encode(this.model))
			.append("&encoding=").append((input.encoding() == AudioEncoding.ULAW) ? "mulaw" : "linear16")
			.append("&sample_rate=").append(input.sampleRate())
			.append("&channels=1");
		if (language != null && !language.isBlank()) {
			uri.append("&language=").append(encode(language));
		}
		uri.append("&interim_results=true&endpointing=").append(this.endpointing.toMillis())
			.append("&utterance_end_ms=").append(this.utteranceEnd.toMillis())
			.append("&vad_events=true&punctuate=true&smart_format=true");
		return URI.create(uri.toString());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		return "CustomPipelineSettings[baseUrl=" + this.baseUrl + ", model=" + this.model + ", language="
				+ this.language + ", endpointing=" + this.endpointing + ", utteranceEnd=" + this.utteranceEnd
				+ ", llmProvider=" + this.llmProvider + ", ttsProvider=" + this.ttsProvider + ", voice=" + this.voice
				+ "]";
	}

}
