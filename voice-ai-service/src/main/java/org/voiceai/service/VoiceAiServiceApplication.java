package org.voiceai.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The turn-based REST API (port 8100) that FreeSWITCH's Lua scripts and the FusionPBX pages call. */
@SpringBootApplication
public class VoiceAiServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(VoiceAiServiceApplication.class, args);
	}

}
