package org.voiceai.providers.stt;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.voiceai.providers.error.ProviderBadAudioException;
import org.voiceai.providers.error.ProviderBadRequestException;
import org.voiceai.providers.error.ProviderUnavailableException;

import static org.assertj.core.api.Assertions.assertThat;

/** Turning a vendor's "cannot decode your audio" 400 into {@link ProviderBadAudioException}. */
class SpeechToTextBadAudioAnswersTest {

	final SpeechToTextBadAudioAnswers answers = new SpeechToTextBadAudioAnswers("whisper_api",
			List.of("invalid file format"));

	@Test
	void aMatchingBadRequestBecomesBadAudioWithTheVendorsWords() {
		ProviderBadRequestException error = new ProviderBadRequestException("whisper_api",
				"HTTP 400: Invalid file format. Supported formats: ['wav']", null);

		Throwable recognised = this.answers.recognise(error);

		assertThat(recognised).isInstanceOf(ProviderBadAudioException.class)
			.hasMessage("whisper_api: HTTP 400: Invalid file format. Supported formats: ['wav']")
			.hasCause(error);
	}

	@Test
	void otherFailuresAreLeftAsTheyAre() {
		ProviderBadRequestException otherRequest = new ProviderBadRequestException("whisper_api",
				"HTTP 400: Invalid language", null);
		ProviderUnavailableException down = new ProviderUnavailableException("whisper_api",
				"HTTP 500: invalid file format", null);

		assertThat(this.answers.recognise(otherRequest)).isSameAs(otherRequest);
		assertThat(this.answers.recognise(down)).isSameAs(down);
	}

}
