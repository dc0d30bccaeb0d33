package org.voiceai.providers.tts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Language matching across vendors' spellings. */
class VoiceLanguageTest {

	@Test
	void matchesAcrossSpellingsAndBetweenLanguageAndRegion() {
		assertThat(VoiceLanguage.matches("pt-BR", "pt-BR")).isTrue();
		assertThat(VoiceLanguage.matches("pt_BR", "PT-br")).isTrue();
		assertThat(VoiceLanguage.matches("pt-BR", "pt")).isTrue();
		assertThat(VoiceLanguage.matches("pt", "pt-BR")).isTrue();
		assertThat(VoiceLanguage.matches("pt-PT", "pt-BR")).isFalse();
		assertThat(VoiceLanguage.matches("en-US", "pt")).isFalse();
		assertThat(VoiceLanguage.matches("ptx-BR", "pt")).isFalse();
	}

	@Test
	void noWantedLanguageOrNoVoiceLanguageMatches() {
		assertThat(VoiceLanguage.matches("en-US", null)).isTrue();
		assertThat(VoiceLanguage.matches("en-US", " ")).isTrue();
		assertThat(VoiceLanguage.matches(null, "pt-BR")).isTrue();
	}

	@Test
	void bcp47UsesHyphens() {
		assertThat(VoiceLanguage.bcp47(" pt_BR ")).isEqualTo("pt-BR");
		assertThat(VoiceLanguage.bcp47(null)).isNull();
	}

}
