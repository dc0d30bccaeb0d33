package org.voiceai.providers.elevenlabs;

import java.util.Set;

import org.voiceai.providers.ProviderConfig;
import org.voiceai.providers.ProviderFactory;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.http.ProviderHttp;
import org.voiceai.providers.tts.TextToSpeech;

/** {@code elevenlabs} (alias {@code elevenlabs_tts}): ElevenLabs text to speech over REST. */
public final class ElevenLabsTextToSpeechFactory implements ProviderFactory<TextToSpeech> {

	private final ProviderHttp http;

	public ElevenLabsTextToSpeechFactory(ProviderHttp http) {
		this.http = http;
	}

	@Override
	public ProviderType<TextToSpeech> type() {
		return ProviderType.TTS;
	}

	@Override
	public String name() {
		return ElevenLabsTextToSpeech.NAME;
	}

	@Override
	public Set<String> aliases() {
		return Set.of("elevenlabs_tts");
	}

	@Override
	public TextToSpeech create(ProviderConfig config) {
		return new ElevenLabsTextToSpeech(ElevenLabsTextToSpeechSettings.from(config), this.http);
	}

}
