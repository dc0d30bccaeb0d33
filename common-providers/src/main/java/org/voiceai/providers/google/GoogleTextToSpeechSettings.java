package org.voiceai.providers.google;

import java.net.URI;
import java.time.Duration;

import org.voiceai.providers.ProviderConfig;

/**
 * A {@code google_tts} row's configuration; key names and defaults are the Python reference's, except that we
 * authenticate with an API key where the reference read a service-account file ({@code credentials_path}).
 *
 * @param apiKey {@code api_key}, sent as the {@code key} query parameter
 * @param baseUrl {@code base_url}, default {@value #DEFAULT_BASE_URL}
 * @param languageCode {@code language_code}, default {@value #DEFAULT_LANGUAGE_CODE}
 * @param voiceName {@code voice_name}, default {@value #DEFAULT_VOICE_NAME}
 * @param timeout {@code timeout_seconds}, default 30
 */
public record GoogleTextToSpeechSettings(String apiKey, URI baseUrl, String languageCode, String voiceName,
		Duration timeout) {

	public static final String DEFAULT_BASE_URL = "https://texttospeech.googleapis.com";

	public static final String DEFAULT_LANGUAGE_CODE = "pt-BR";

	public static final String DEFAULT_VOICE_NAME = "pt-BR-Wavenet-A";

	public static GoogleTextToSpeechSettings from(ProviderConfig config) {
		String apiKey = config.string("api_key")
			.orElseThrow(() -> config.problem("api_key", config.has("credentials_path")
					? "is missing: service-account files (credentials_path) are not supported; create an API key "
							+ "restricted to the Cloud Text-to-Speech API"
					: "is missing"));
		return new GoogleTextToSpeechSettings(apiKey, config.url("base_url", DEFAULT_BASE_URL),
				config.string("language_code", DEFAULT_LANGUAGE_CODE), config.string("voice_name", DEFAULT_VOICE_NAME),
				config.seconds("timeout_seconds", Duration.ofSeconds(30)));
	}

	@Override
	public String toString() {
		return "GoogleTextToSpeechSettings[baseUrl=" + this.baseUrl + ", languageCode=" + this.languageCode
				+ ", voiceName=" + this.voiceName + ", timeout=" + this.timeout + "]";
	}

}
