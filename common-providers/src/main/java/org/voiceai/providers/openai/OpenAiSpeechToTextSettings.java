package org.voiceai.providers.openai;

import java.net.URI;
import java.time.Duration;

/**
 * How one provider row talks to an OpenAI-compatible {@code /audio/transcriptions} endpoint.
 *
 * @param provider the {@code provider_name} reported in results and errors
 * @param baseUrl e.g. {@code https://api.openai.com/v1}; the path {@code /audio/transcriptions} is appended
 * @param apiKey the bearer token, or {@code null} for a local server without authentication
 * @param model the transcription model
 * @param language default BCP-47 hint when the request carries none, or {@code null} to let the model detect it
 * @param prompt default vocabulary hint when the request carries none, or {@code null}
 * @param responseFormat {@code verbose_json} (adds duration and language) or {@code json}
 * @param timeout how long one HTTP attempt may wait for an answer
 */
public record OpenAiSpeechToTextSettings(String provider, URI baseUrl, String apiKey, String model, String language,
		String prompt, String responseFormat, Duration timeout) {

	@Override
	public String toString() {
		return "OpenAiSpeechToTextSettings[provider=" + this.provider + ", baseUrl=" + this.baseUrl + ", apiKey="
				+ ((this.apiKey != null) ? "***" : "none") + ", model=" + this.model + ", language=" + this.language
				+ ", responseFormat=" + this.responseFormat + ", timeout=" + this.timeout + "]";
	}

}
