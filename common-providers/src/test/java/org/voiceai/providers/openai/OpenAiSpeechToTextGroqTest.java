package org.voiceai.providers.openai;

import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import org.junit.jupiter.api.Test;

import org.voiceai.providers.ProviderConfigException;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code groq}: the OpenAI-compatible class with Groq's base URL and model; Groq adds {@code x_groq} to answers. */
class OpenAiSpeechToTextGroqTest extends OpenAiSpeechToTextContract {

	@Override
	protected String basePath() {
		return "/openai/v1";
	}

	@Override
	protected OpenAiSpeechToTextVariant variant() {
		return OpenAiSpeechToTextVariant.GROQ;
	}

	@Override
	protected ResponseDefinitionBuilder success() {
		return okJson("""
				{"task":"transcribe","language":"Portuguese","duration":1.5,"text":" %s",
				 "segments":[{"id":0,"seek":0,"start":0,"end":1.5,"text":" %s","avg_logprob":-0.18}],
				 "x_groq":{"id":"req_01jx4s1kq4f0v8r2m7w3n5b6c9"}}""".formatted(TEXT, TEXT));
	}

	@Test
	void defaultsAreGroqsAndTheKeyIsRequired() {
		OpenAiSpeechToTextFactory factory = new OpenAiSpeechToTextFactory(this.http, variant());
		OpenAiSpeechToTextSettings settings = ((OpenAiSpeechToText) factory.create(row(Map.of("api_key", API_KEY))))
			.settings();

		assertThat(factory.name()).isEqualTo("groq");
		assertThat(settings.provider()).isEqualTo("groq");
		assertThat(settings.baseUrl()).hasToString("https://api.groq.com/openai/v1");
		assertThat(settings.model()).isEqualTo("whisper-large-v3-turbo");
		assertThat(settings.responseFormat()).isEqualTo("verbose_json");
		assertThatThrownBy(() -> factory.create(row(Map.of()))).isInstanceOf(ProviderConfigException.class)
			.hasMessageContaining("config key 'api_key' is missing");
	}

}
