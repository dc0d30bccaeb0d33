package org.voiceai.service.turn;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.voiceai.service.chat.ChatService;
import org.voiceai.service.synthesize.SynthesizeService;
import org.voiceai.service.transcribe.TranscribeService;
import org.voiceai.tenant.SecretaryRepository;

@Configuration(proxyBeanMethods = false)
class TurnConfiguration {

	@Bean
	TurnService turnService(SecretaryRepository secretaries, TranscribeService transcriber, ChatService chat,
			SynthesizeService synthesizer) {
		return new TurnService(secretaries, transcriber, chat, synthesizer);
	}

}
