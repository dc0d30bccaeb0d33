package org.voiceai.providers.deepgram;

import java.time.Duration;

import org.voiceai.providers.ProviderConfig;
import org.voiceai.providers.ProviderFactory;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.http.ProviderHttp;
import org.voiceai.providers.stt.SpeechToText;

/** {@code deepgram}: builds {@link DeepgramSpeechToText} from a provider row. */
public final class DeepgramSpeechToTextFactory implements ProviderFactory<SpeechToText> {

	private final ProviderHttp http;

	public DeepgramSpeechToTextFactory(ProviderHttp http) {
		this.http = http;
	}

	@Override
	public ProviderType<SpeechToText> type() {
		return ProviderType.STT;
	}

	@Override
	public String name() {
		return DeepgramSpeechToText.NAME;
	}

	@Override
	public SpeechToText create(ProviderConfig config) {
		return new DeepgramSpeechToText(this.http,
				new DeepgramSpeechToTextSettings(config.url("base_url", "https://api.deepgram.com"),
						config.requireString("api_key"), config.string("model", "nova-3"),
						config.string("language", "pt-BR"), config.bool("detect_language", false),
						config.bool("smart_format", true), config.bool("punctuate", true),
						config.seconds("timeout_seconds", Duration.ofSeconds(30))));
	}

}
