package org.voiceai.service.chat;

import java.time.Clock;
import java.time.Duration;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.voiceai.calls.ConcurrentCalls;
import org.voiceai.calls.ConcurrentCallsProperties;
import org.voiceai.providers.manager.ProviderManager;
import org.voiceai.service.conversations.ConversationRecorder;
import org.voiceai.service.history.ConversationHistory;
import org.voiceai.tenant.SecretaryRepository;
import org.voiceai.transfer.TransferDestinationRepository;

@Configuration(proxyBeanMethods = false)
class ChatConfiguration {

	@Bean
	ChatService chatService(SecretaryRepository secretaries, TransferDestinationRepository destinations,
			ConversationHistory history, ConversationRecorder recorder, KnowledgeLookup knowledge,
			ProviderManager providers, JsonMapper json, ConcurrentCalls calls, ConcurrentCallsProperties callLimits,
			@Value("${voice-ai.service.secretary-cache-ttl:5s}") Duration secretaryCacheTtl) {
		return new ChatService(secretaries, destinations, history, recorder, knowledge, providers,
				new PromptAssembler(json), new ActionResolver(json), calls, callLimits.retryAfter(), secretaryCacheTtl,
				Clock.systemUTC());
	}

}
