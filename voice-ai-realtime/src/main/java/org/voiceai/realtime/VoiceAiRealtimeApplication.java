package org.voiceai.realtime;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The realtime bridge (port 8080) between mod_audio_stream WebSockets and speech-to-speech providers. */
@SpringBootApplication
public class VoiceAiRealtimeApplication {

	public static void main(String[] args) {
		SpringApplication.run(VoiceAiRealtimeApplication.class, args);
	}

}
