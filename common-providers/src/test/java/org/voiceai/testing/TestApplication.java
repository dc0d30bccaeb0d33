package org.voiceai.testing;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A bare application on the library's auto-configuration, with the fake speech-to-text provider. */
@SpringBootApplication
public class TestApplication {

	@Bean
	FakeSpeechToTextFactory fakeSpeechToTextFactory() {
		return new FakeSpeechToTextFactory();
	}

}
