package org.voiceai.service.config;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import org.voiceai.providers.manager.ProviderManager;
import org.voiceai.service.audio.AudioProperties;
import org.voiceai.service.audio.AudioSchedulers;
import org.voiceai.service.audio.SharedAudioDirectory;
import org.voiceai.service.history.ConversationHistory;
import org.voiceai.service.synthesize.SpeechCache;
import org.voiceai.service.synthesize.SynthesizeService;
import org.voiceai.service.transcribe.TranscribeService;
import org.voiceai.sharedstate.SharedState;
import org.voiceai.tenant.SecretaryRepository;

/** The turn-based pipeline's services: shared audio directory, speech cache, transcription, synthesis, history. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AudioProperties.class)
class TurnBasedConfiguration {

	@Bean
	AudioSchedulers audioSchedulers() {
		return new AudioSchedulers();
	}

	@Bean
	SharedAudioDirectory sharedAudioDirectory(AudioProperties properties, AudioSchedulers schedulers,
			Environment environment) {
		Path directory = (properties.directory() != null) ? properties.directory()
				: Path.of(environment.getProperty("voice-ai.home", System.getProperty("user.home") + "/.voice-ai"), "audio");
		return new SharedAudioDirectory(directory, properties.maxUpload().toBytes(), schedulers.files());
	}

	@Bean
	SpeechCache speechCache(SharedAudioDirectory audio, AudioProperties properties) {
		return new SpeechCache(audio.root(), properties.cacheMaxSize().toBytes(), Clock.systemUTC());
	}

	@Bean
	TranscribeService transcribeService(ProviderManager providers, SecretaryRepository secretaries,
			AudioProperties properties) {
		return new TranscribeService(providers, secretaries, properties.maxUpload().toBytes());
	}

	@Bean
	SynthesizeService synthesizeService(ProviderManager providers, SecretaryRepository secretaries, SpeechCache cache,
			AudioProperties properties, AudioSchedulers schedulers) {
		return new SynthesizeService(providers, secretaries, cache, properties.publicUrl(), schedulers.files());
	}

	@Bean
	ConversationHistory conversationHistory(SharedState state, JsonMapper json) {
		// Long enough for any call; the database keeps the permanent record.
		return new ConversationHistory(state, json, Duration.ofHours(4));
	}

}
