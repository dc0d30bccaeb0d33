package org.voiceai.realtime.esl;

import java.util.UUID;

import reactor.core.publisher.Mono;

/** The call-control commands the bridge sends. */
public class EslCommands {

	private final EslGateway gateway;

	public EslCommands(EslGateway gateway) {
		this.gateway = gateway;
	}

	public Mono<String> transfer(UUID call, String number, String context) {
		return this.gateway.api("uuid_transfer " + call + " " + number + " XML " + context);
	}

	public Mono<String> kill(UUID call) {
		return this.gateway.api("uuid_kill " + call);
	}

	public Mono<String> broadcast(UUID call, String path) {
		return this.gateway.api("uuid_broadcast " + call + " " + path + " aleg");
	}

	public Mono<String> audioStreamStop(UUID call) {
		return this.gateway.api("uuid_audio_stream " + call + " stop");
	}

	public Mono<String> breakAll(UUID call) {
		return this.gateway.api("uuid_break " + call + " all");
	}

}
