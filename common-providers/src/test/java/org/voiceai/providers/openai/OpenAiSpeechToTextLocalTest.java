package org.voiceai.providers.openai;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.voiceai.providers.ProviderConfigException;
import org.voiceai.providers.stt.Transcription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code whisper_local}: the OpenAI-compatible class against a local Whisper server (faster-whisper-server,
 * speaches), whose URL the row must give and which usually needs no key.
 */
class OpenAiSpeechToTextLocalTest extends OpenAiSpeechToTextContract {

	@Override
	protected String basePath() {
		return "/v1";
	}

	@Override
	protected OpenAiSpeechToTextVariant variant() {
		return OpenAiSpeechToTextVariant.WHISPER_LOCAL;
	}

	@Test
	void theServersUrlIsRequired() {
		OpenAiSpeechToTextFactory factory = new OpenAiSpeechToTextFactory(this.http, variant());

		assertThat(factory.name()).isEqualTo("whisper_local");
		assertThatThrownBy(() -> factory.create(row(Map.of()))).isInstanceOf(ProviderConfigException.class)
			.hasMessageContaining("config key 'base_url' is missing");
	}

	@Test
	void withoutAKeyNoAuthorizationIsSent() {
		this.server.stubFor(endpoint().willReturn(success()));
		OpenAiSpeechToText provider = (OpenAiSpeechToText) new OpenAiSpeechToTextFactory(this.http, variant())
			.create(row(Map.of("base_url", this.server.baseUrl() + "/v1")));

		Transcription result = transcribe(provider, telephoneWav());

		assertThat(result.text()).isEqualTo(TEXT);
		assertThat(provider.settings().model()).isEqualTo("Systran/faster-whisper-base");
		assertThat(requests().get(0).containsHeader("Authorization")).isFalse();
		assertThat(text(requests().get(0), "model")).isEqualTo("Systran/faster-whisper-base");
	}

}
