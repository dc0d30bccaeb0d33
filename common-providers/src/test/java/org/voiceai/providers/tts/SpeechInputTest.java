package org.voiceai.providers.tts;

import org.junit.jupiter.api.Test;

import org.voiceai.providers.error.ProviderBadRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Limits checked before a request is sent. */
class SpeechInputTest {

	@Test
	void characterLimitCountsCodePointsNotUtf16Units() {
		String emoji = "\uD83D\uDE00".repeat(10);

		assertThat(SpeechInput.text("p", request(emoji, 1.0), 10)).isEqualTo(emoji);
		assertThatThrownBy(() -> SpeechInput.text("p", request(emoji + "a", 1.0), 10))
			.isInstanceOf(ProviderBadRequestException.class)
			.hasMessage("p: text is 11 characters; at most 10 characters are accepted per request");
	}

	@Test
	void byteLimitCountsUtf8Bytes() {
		assertThat(SpeechInput.textWithinBytes("p", request("ção", 1.0), 5)).isEqualTo("ção");
		assertThatThrownBy(() -> SpeechInput.textWithinBytes("p", request("ções", 1.0), 5))
			.isInstanceOf(ProviderBadRequestException.class)
			.hasMessage("p: text is 6 bytes in UTF-8; at most 5 bytes are accepted per request");
	}

	@Test
	void textIsTrimmedAndMustHaveSomethingVisible() {
		assertThat(SpeechInput.text("p", request("\u00A0 Olá \u2003", 1.0), 100)).isEqualTo("Olá");
		assertThatThrownBy(() -> SpeechInput.text("p", request("\u00A0\u200B\uFEFF", 1.0), 100))
			.isInstanceOf(ProviderBadRequestException.class)
			.hasMessageContaining("nothing to speak");
	}

	@Test
	void speedIsClampedToTheRangeAndMustBeAPositiveNumber() {
		assertThat(SpeechInput.speed("p", request("a", 1.3), 0.5, 2.0)).isEqualTo(1.3);
		assertThat(SpeechInput.speed("p", request("a", 9), 0.5, 2.0)).isEqualTo(2.0);
		assertThat(SpeechInput.speed("p", request("a", 0.1), 0.5, 2.0)).isEqualTo(0.5);
		for (double bad : new double[] { 0, -1, Double.NaN, Double.POSITIVE_INFINITY }) {
			assertThatThrownBy(() -> SpeechInput.speed("p", request("a", bad), 0.5, 2.0))
				.isInstanceOf(ProviderBadRequestException.class)
				.hasMessageContaining("speed must be a positive number");
		}
	}

	private static SpeechRequest request(String text, double speed) {
		return new SpeechRequest(text, null, "pt-BR", speed, 8000);
	}

}
