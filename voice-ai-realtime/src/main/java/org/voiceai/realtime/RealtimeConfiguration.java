package org.voiceai.realtime;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.netty.http.server.WebsocketServerSpec;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.support.WebSocketHandlerAdapter;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;

import org.voiceai.calls.ConcurrentCalls;
import org.voiceai.providers.manager.ProviderManager;
import org.voiceai.realtime.audio.PacingClock;
import org.voiceai.realtime.call.BridgePhrases;
import org.voiceai.realtime.call.CallControls;
import org.voiceai.realtime.call.CallMetrics;
import org.voiceai.realtime.call.CallRegistry;
import org.voiceai.realtime.call.CallSession;
import org.voiceai.realtime.call.CallSessionFactory;
import org.voiceai.realtime.call.InstructionsBuilder;
import org.voiceai.realtime.call.TtsSpeech;
import org.voiceai.realtime.config.RealtimeProperties;
import org.voiceai.realtime.esl.EslCommands;
import org.voiceai.realtime.esl.EslGateway;
import org.voiceai.realtime.playback.PlaybackSinks;
import org.voiceai.realtime.record.CallRecorder;
import org.voiceai.realtime.record.ServiceCallRecorder;
import org.voiceai.realtime.stream.StreamWebSocketHandler;
import org.voiceai.realtime.tool.BusinessInfoTool;
import org.voiceai.realtime.tool.CallTool;
import org.voiceai.realtime.tool.EndCallTool;
import org.voiceai.realtime.tool.KnowledgeSearchTool;
import org.voiceai.realtime.tool.TakeMessageTool;
import org.voiceai.realtime.tool.ToolRegistry;
import org.voiceai.realtime.tool.TransferCallTool;
import org.voiceai.tenant.SecretaryRepository;
import org.voiceai.tenant.ServiceToken;
import org.voiceai.transfer.TransferDestinationRepository;

/** The bridge's wiring: the stream endpoint, call sessions, playback, tools and the pacing clock. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RealtimeProperties.class)
class RealtimeConfiguration {

	@Bean
	ServiceToken serviceToken(Environment environment) {
		return ServiceToken.resolve(environment);
	}

	@Bean
	CallRegistry callRegistry(EslGateway esl) {
		CallRegistry registry = new CallRegistry();
		esl.events().subscribe(registry::route);
		return registry;
	}

	@Bean
	PacingClock pacingClock(CallRegistry registry) {
		return new PacingClock(() -> registry.active().forEach(CallSession::tick));
	}

	@Bean
	CallMetrics callMetrics(MeterRegistry meters) {
		return new CallMetrics(meters);
	}

	/** voice-ai-service, which owns conversations and the knowledge base. */
	@Bean
	WebClient voiceAiServiceClient(RealtimeProperties properties, ServiceToken token) {
		return WebClient.builder()
			.baseUrl(properties.serviceUrl().toString())
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token.value())
			.build();
	}

	@Bean
	CallRecorder callRecorder(WebClient voiceAiServiceClient) {
		return new ServiceCallRecorder(voiceAiServiceClient, 4, Duration.ofMillis(250));
	}

	@Bean
	ToolRegistry toolRegistry(TransferDestinationRepository destinations, JsonMapper json, WebClient service,
			ObjectProvider<Clock> clock) {
		List<CallTool> tools = List.of(new TransferCallTool(destinations, json, clock.getIfAvailable(Clock::systemUTC)),
				new EndCallTool(json), new TakeMessageTool(), new BusinessInfoTool(json),
				new KnowledgeSearchTool(service, json, Duration.ofSeconds(3)));
		// Longer than any tool needs (the knowledge search gives up after 3 s), short enough for a caller on hold.
		return new ToolRegistry(tools, json, Duration.ofSeconds(10));
	}

	@Bean
	PlaybackSinks playbackSinks(RealtimeProperties properties, EslCommands esl, JsonMapper json) {
		return new PlaybackSinks(properties, esl, json);
	}

	@Bean
	CallSessionFactory callSessionFactory(DatabaseClient database, SecretaryRepository secretaries,
			ProviderManager providers, ConcurrentCalls admission, ToolRegistry tools, CallRecorder recorder,
			CallMetrics metrics, EslCommands esl, RealtimeProperties properties, JsonMapper json,
			ObjectProvider<Clock> clock) {
		return new CallSessionFactory(database, secretaries, providers, admission, tools, recorder, metrics,
				new TtsSpeech(providers), new BridgePhrases(json), new CallControls(esl), new InstructionsBuilder(), properties,
				clock.getIfAvailable(Clock::systemUTC), System::nanoTime);
	}

	@Bean
	StreamWebSocketHandler streamWebSocketHandler(ServiceToken token, CallSessionFactory sessions,
			CallRegistry registry, PlaybackSinks sinks, RealtimeProperties properties, JsonMapper json) {
		return new StreamWebSocketHandler(token, sessions, registry, sinks, properties, json);
	}

	@Bean
	HandlerMapping streamHandlerMapping(StreamWebSocketHandler handler) {
		return new SimpleUrlHandlerMapping(Map.of("/stream/**", handler), -1);
	}

	@Bean
	WebSocketHandlerAdapter webSocketHandlerAdapter(RealtimeProperties properties) {
		// mod_audio_stream offers no subprotocol; frames beyond the limit close that call with 1009.
		ReactorNettyRequestUpgradeStrategy upgrade = new ReactorNettyRequestUpgradeStrategy(
				() -> WebsocketServerSpec.builder().maxFramePayloadLength(properties.maxFrameBytes()));
		return new WebSocketHandlerAdapter(new HandshakeWebSocketService(upgrade));
	}

}
