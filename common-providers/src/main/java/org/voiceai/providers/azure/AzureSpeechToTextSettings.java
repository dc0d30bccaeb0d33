package org.voiceai.providers.azure;

import java.net.URI;
import java.time.Duration;

/**
 * How one provider row calls Azure Speech's short-audio recognition REST API.
 *
 * @param baseUrl {@code https://<region>.stt.speech.microsoft.com} by default
 * @param apiKey the resource key, sent as {@code Ocp-Apim-Subscription-Key}
 * @param language default BCP-47 language when the request carries none (Azure needs one)
 * @param timeout how long one HTTP attempt may wait for an answer
 */
public record AzureSpeechToTextSettings(URI baseUrl, String apiKey, String language, Duration timeout) {

	@Override
	public String toString() {
		return "AzureSpeechToTextSettings[baseUrl=" + this.baseUrl + ", apiKey=***, language=" + this.language
				+ ", timeout=" + this.timeout + "]";
	}

}
