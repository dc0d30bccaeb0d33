package org.voiceai.providers.deepgram;

import java.net.URI;
import java.time.Duration;

/**
 * How one provider row calls Deepgram's pre-recorded {@code POST /v1/listen}.
 *
 * @param baseUrl {@code https://api.deepgram.com} by default
 * @param apiKey sent as {@code Authorization: Token <key>}
 * @param model e.g. {@code nova-3}
 * @param language default BCP-47 language when the request carries none
 * @param detectLanguage ask Deepgram to detect the language instead of sending one
 * @param smartFormat Deepgram's {@code smart_format} (numbers, dates, punctuation)
 * @param punctuate Deepgram's {@code punctuate}
 * @param timeout how long one HTTP attempt may wait for an answer
 */
public record DeepgramSpeechToTextSettings(URI baseUrl, String apiKey, String model, String language,
		boolean detectLanguage, boolean smartFormat, boolean punctuate, Duration timeout) {

	@Override
	public String toString() {
		return "DeepgramSpeechToTextSettings[baseUrl=" + this.baseUrl + ", apiKey=***, model=" + this.model
				+ ", language=" + this.language + ", detectLanguage=" + this.detectLanguage + ", smartFormat="
				+ this.smartFormat + ", punctuate=" + this.punctuate + ", timeout=" + this.timeout + "]";
	}

}
