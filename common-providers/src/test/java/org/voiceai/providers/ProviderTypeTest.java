package org.voiceai.providers;

import dev.langchain4j.model.embedding.EmbeddingModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.voiceai.providers.llm.ChatModels;
import org.voiceai.providers.realtime.RealtimeVoice;
import org.voiceai.providers.stt.SpeechToText;
import org.voiceai.providers.tts.TextToSpeech;

import static org.assertj.core.api.Assertions.assertThat;

/** Provider types as stored in {@code v_voice_ai_providers.provider_type}. */
class ProviderTypeTest {

	@Test
	void fromCodeFindsEachTypeCaseInsensitively() {
		assertThat(ProviderType.fromCode("stt")).containsSame(ProviderType.STT);
		assertThat(ProviderType.fromCode("TTS")).containsSame(ProviderType.TTS);
		assertThat(ProviderType.fromCode("Llm")).containsSame(ProviderType.LLM);
		assertThat(ProviderType.fromCode("EMBEDDINGS")).containsSame(ProviderType.EMBEDDINGS);
		assertThat(ProviderType.fromCode(" realtime\n")).containsSame(ProviderType.REALTIME);
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "  ", "asr", "speech", "st t", "embedding" })
	void fromCodeIsEmptyForUnknownCodes(String code) {
		assertThat(ProviderType.fromCode(code)).isEmpty();
	}

	@Test
	void allListsEveryTypeInDeclarationOrder() {
		assertThat(ProviderType.all()).containsExactly(ProviderType.STT, ProviderType.TTS, ProviderType.LLM,
				ProviderType.EMBEDDINGS, ProviderType.REALTIME);
	}

	@Test
	void everyCodeRoundTripsThroughFromCode() {
		for (ProviderType<?> type : ProviderType.all()) {
			assertThat(ProviderType.fromCode(type.code())).containsSame(type);
		}
	}

	@Test
	void typesCarryTheirInstanceInterface() {
		assertThat(ProviderType.STT.instanceType()).isEqualTo(SpeechToText.class);
		assertThat(ProviderType.TTS.instanceType()).isEqualTo(TextToSpeech.class);
		assertThat(ProviderType.LLM.instanceType()).isEqualTo(ChatModels.class);
		assertThat(ProviderType.EMBEDDINGS.instanceType()).isEqualTo(EmbeddingModel.class);
		assertThat(ProviderType.REALTIME.instanceType()).isEqualTo(RealtimeVoice.class);
	}

	@Test
	void toStringIsTheColumnValue() {
		assertThat(ProviderType.STT).hasToString("stt");
		assertThat(ProviderType.EMBEDDINGS).hasToString("embeddings");
		assertThat(ProviderType.REALTIME).hasToString("realtime");
	}

}
