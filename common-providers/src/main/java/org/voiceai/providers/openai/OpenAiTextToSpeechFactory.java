package org.voiceai.providers.openai;

import java.util.Set;

import org.voiceai.providers.ProviderConfig;
import org.voiceai.providers.ProviderFactory;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.http.ProviderHttp;
import org.voiceai.providers.tts.TextToSpeech;

/** {@code openai_tts} (alias {@code openai}): OpenAI speech, or any server speaking its {@code /audio/speech}. */
public final class OpenAiTextToSpeechFactory implements ProviderFactory<TextToSpeech> {

	private final ProviderHttp http;

	public OpenAiTextToSpeechFactory(ProviderHttp http) {
		this.http = http;
	}

	@Override
	public ProviderType<TextToSpeech> type() {
		return ProviderType.TTS;
	}

	@Override
	public String name() {
		return OpenAiTextToSpeech.NAME;
	}

	@Override
	public Set<String> aliases() {
		return Set.of("openai");
	}

	@Override
	public TextToSpeech create(ProviderConfig config) {
		return new OpenAiTextToSpeech(OpenAiTextToSpeechSettings.from(config), this.http);
	}

}
