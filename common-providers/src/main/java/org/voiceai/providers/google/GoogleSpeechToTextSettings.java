package org.voiceai.providers.google;

import java.net.URI;
import java.time.Duration;

/**
 * How one provider row calls Google Cloud Speech-to-Text v1 {@code speech:recognize}.
 *
 * @param baseUrl {@code https://speech.googleapis.com} by default
 * @param apiKey an API key, sent as the {@code key} query parameter
 * @param language default BCP-47 language when the request carries none
 * @param model e.g. {@code latest_short} or {@code phone_call}, or {@code null} for Google's default
 * @param timeout how long one HTTP attempt may wait for an answer
 */
public record GoogleSpeechToTextSettings(URI baseUrl, String apiKey, String language, String model,
		Duration timeout) {

	@Override
	public String toString() {
		return "GoogleSpeechToTextSettings[baseUrl=" + this.baseUrl + ", apiKey=***, language=" + this.language
				+ ", model=" + this.model + ", timeout=" + this.timeout + "]";
	}

}
